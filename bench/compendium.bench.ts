/**
 * The compendium draft of the whole sample corpus (87 cases in their parts, every suggested
 * indicator accepted: about 430 printed pages) rendered as DOCX — with its pages laid out to
 * number the table of contents, which is most of the time — and as Markdown. The DOCX export
 * runs as a job the workbench shows; it should finish within half a minute for a book this size.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCompendium } from '../main/services/compendium.ts';
import { createProject, openProject } from '../main/services/open-project.ts';
import { median, timeRuns, type BenchSuite } from './harness.ts';

async function wholeCorpusDraft() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-bench-compendium-')), 'p');
  await (await createProject(dir, null)).service.store.flush();
  const service = await openProject(dir, 'bench');
  const parts = new Map<string, string[]>();
  for (const c of await service.handlers.listCases({})) {
    const view = await service.handlers.generateSuggestions({ caseId: c.id });
    const indicators = view.items.filter((i) => i.label === 'indicator');
    if (indicators.length) await service.handlers.decideSuggestions({ caseId: c.id, decisions: indicators.map((i) => ({ id: i.id, accept: true })) });
    const part = (c.part ?? '其他').slice(0, 100);
    parts.set(part, [...(parts.get(part) ?? []), c.id]);
  }
  await service.handlers.setCompendium({ draft: { title: '健康中国行动典型案例汇编（全部样例）', indicatorTables: true, updatedAt: '', parts: [...parts].map(([title, caseIds]) => ({ title, caseIds })) } });
  return service;
}

export const suite: BenchSuite = {
  name: 'compendium draft (87 cases, every suggested indicator accepted)',
  async run() {
    const service = await wholeCorpusDraft();
    const docx = await timeRuns(() => renderCompendium(service, 'docx'), 2, 0);
    const md = await timeRuns(() => renderCompendium(service, 'md'), 3, 1);
    return [
      { name: 'DOCX, pages laid out for the table of contents', value: median(docx), unit: 'ms', goal: { max: 30_000 } },
      { name: 'Markdown', value: median(md), unit: 'ms', goal: { max: 1000 } },
    ];
  },
};
