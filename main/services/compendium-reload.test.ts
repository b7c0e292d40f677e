import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../shared/ingest/load.ts';
import { renderCompendium } from './compendium.ts';
import { createProject } from './open-project.ts';

/**
 * Next year's compendium starts from this year's draft: the DOCX the builder exports loads back
 * into casebench as a document with the same parts, cases (titles and regions) and sections.
 */
describe('a compendium DOCX loads back', () => {
  it('with its parts, cases in order and their sections', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-reload-')), 'p');
    const { service } = await createProject(dir, null);
    await service.handlers.setCompendium({
      draft: {
        title: '2025年度典型案例汇编（初稿）',
        indicatorTables: false,
        updatedAt: '',
        parts: [
          { title: '重点人群篇', caseIds: ['hc2024-15', 'hc2024-01'] },
          { title: '健康影响因素篇', caseIds: ['hc2024-03'] },
        ],
      },
    });
    const bytes = (await renderCompendium(service, 'docx')) as Uint8Array;
    const loaded = loadDocument(bytes, 'draft.docx');
    const summary = async (id: string) => {
      const c = (await service.handlers.listCases({})).find((x) => x.id === id)!;
      return [c.title, c.region];
    };
    expect(loaded.cases.map((c) => [c.title, c.region])).toEqual([await summary('hc2024-15'), await summary('hc2024-01'), await summary('hc2024-03')]);
    expect(loaded.cases.map((c) => c.part)).toEqual(['重点人群篇', '重点人群篇', '健康影响因素篇']);
    const original = await service.handlers.getCase({ caseId: 'hc2024-03' });
    const reloaded = loaded.cases[2]!;
    expect(reloaded.sections.filter((s) => s.level === 1).map((s) => s.kinds)).toEqual(original.sections.filter((s) => s.level === 1).map((s) => s.kinds));
    expect(reloaded.text).toContain('领导重视是前提');
  });
});
