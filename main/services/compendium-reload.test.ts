import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../shared/ingest/load.ts';
import { renderCompendium } from './compendium.ts';
import { createProject } from './open-project.ts';

/**
 * Next year's compendium starts from this year's draft: the DOCX the builder exports — with its
 * cover, 前言 and table of contents before the cases — loads back into casebench as a document
 * with the same parts, cases (titles and regions, in order), sections and tables.
 */
describe('a compendium DOCX loads back', () => {
  it('with its parts, cases in order, their sections and their tables', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-reload-')), 'p');
    const { service } = await createProject(dir, null);
    const ids = ['hc2024-15', 'hc2024-01', 'hc2024-03', 'hebei2022-04'];
    await service.handlers.setCompendium({
      draft: {
        title: '2025年度典型案例汇编（初稿）',
        issuer: '中国健康教育中心　编',
        preface: '为总结推广各地经验做法，现将典型案例汇编成册。\n供各地参考借鉴。',
        indicatorTables: false,
        updatedAt: '',
        parts: [
          { title: '重点人群篇', caseIds: ['hc2024-15', 'hc2024-01'] },
          { title: '健康影响因素篇', caseIds: ['hc2024-03', 'hebei2022-04'] },
        ],
      },
    });
    const bytes = (await renderCompendium(service, 'docx')) as Uint8Array;
    const loaded = loadDocument(bytes, 'draft.docx');
    const cases = await service.handlers.listCases({});
    const summary = (id: string) => {
      const c = cases.find((x) => x.id === id)!;
      return [c.title, c.region];
    };
    expect(loaded.cases.map((c) => [c.title, c.region])).toEqual(ids.map(summary));
    expect(loaded.cases.map((c) => c.part)).toEqual(['重点人群篇', '重点人群篇', '健康影响因素篇', '健康影响因素篇']);
    for (const [i, id] of ids.entries()) {
      const original = await service.handlers.getCase({ caseId: id });
      const reloaded = loaded.cases[i]!;
      expect(reloaded.sections.filter((s) => s.level === 1).map((s) => s.kinds), id).toEqual(original.sections.filter((s) => s.level === 1).map((s) => s.kinds));
    }
    expect(loaded.cases[2]!.text).toContain('领导重视是前提');
    // The source table came out a table, and goes back in as its rows of cells.
    expect(loaded.cases[3]!.text).toContain('婚前医学检查率（%)\t29.21\t42.58\t68.47\t79.8');
  });
});
