/**
 * The compendium DOCX casebench itself exports (`casebench init`, a draft, `casebench
 * compendium --out x.docx`), and the outline it must load back to: its parts, and each case as
 * the corpus has it. A Word input (docx-styles) and, printed, a PDF fixture.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlowBuilder } from './flow.ts';
import { docModel, type CaseModel } from './model.ts';
import { ROOT } from './paths.ts';
import { stableDocx } from './stable-docx.ts';
import type { readAllTruth } from './truth.ts';

/** The cases of the casebench export: three parts, nine cases from three seeds. */
const EXPORT_PARTS = [
  { title: '健康影响因素篇', cases: ['hc2024-01', 'hc2024-07', 'henan2022-06'] },
  { title: '重点人群篇', cases: ['hc2024-16', 'hebei2022-03', 'henan2022-09'] },
  { title: '重大疾病篇', cases: ['hc2024-27', 'hebei2022-08', 'hc2024-30'] },
];

/** Run the casebench CLI: a project from the bundled corpus, a draft, its DOCX. */
export function casebenchExportDocx(dir: string): Uint8Array {
  const project = join(dir, 'project');
  const cli = join(ROOT, 'bin/casebench.js');
  execFileSync('node', [cli, 'init', project], { stdio: 'ignore' });
  const draft = { schemaVersion: 1, draft: { title: '2025年度健康中国行动典型案例汇编（初稿）', parts: EXPORT_PARTS.map((p) => ({ title: p.title, caseIds: p.cases })), indicatorTables: true, updatedAt: '2025-01-01T00:00:00.000Z' } };
  writeFileSync(join(project, 'compendium.json'), JSON.stringify(draft));
  const out = join(dir, 'casebench-compendium.docx');
  execFileSync('node', [cli, 'compendium', project, '--out', out], { stdio: 'ignore' });
  return stableDocx(new Uint8Array(readFileSync(out)));
}

/** The outline the export must load to: its parts, and each case as the corpus has it. */
export function exportFlow(truth: ReturnType<typeof readAllTruth>): FlowBuilder {
  const f = new FlowBuilder();
  f.newDocument('2025年度健康中国行动典型案例汇编（初稿）');
  for (const part of EXPORT_PARTS) {
    for (const id of part.cases) {
      const [seed, n] = id.split(/-(?=\d+$)/) as [keyof typeof truth, string];
      const c: CaseModel = { ...docModel(truth[seed], [Number(n)]).cases[0]!, part: part.title };
      f.beginCase(c, { region: c.region, part: part.title });
      f.addBlocks(c);
    }
  }
  return f;
}
