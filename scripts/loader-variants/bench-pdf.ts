/**
 * The ~100-page compendium PDF for `npm run bench` (issue 10: a 100-page PDF loads in ≤ 3 s),
 * built on demand where LibreOffice is installed and cached, not committed: the first 16 cases
 * of the national compendium typeset as typeset-hc2024.pdf is (that file, 183 pages, is
 * committed and can stand in where LibreOffice is missing).
 *
 *   npx tsx scripts/loader-variants/bench-pdf.ts [OUT.pdf]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OFFICIAL, renderDocx } from './docx-render.ts';
import { docModel } from './model.ts';
import { compendiumFlow } from './native.ts';
import { tempDir, wordToPdf } from './office.ts';
import { PDF_DIR, ROOT } from './paths.ts';
import { readTruth } from './truth.ts';

export const BENCH_PDF = join(ROOT, 'node_modules/.cache/casebench-bench/compendium-100.pdf');
/** Committed, 183 pages: what a bench can use when it cannot build the 100-page one. */
export const BENCH_PDF_FALLBACK = join(PDF_DIR, 'typeset-hc2024.pdf');

/** The benchmark PDF's path: built (once) when LibreOffice is present, else null. */
export async function benchCompendiumPdf(out = BENCH_PDF): Promise<string | null> {
  if (existsSync(out)) return out;
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) return null;
  const flow = compendiumFlow(docModel(readTruth('hc2024'), Array.from({ length: 16 }, (_, i) => i + 1)));
  const docx = join(tempDir('casebench-bench-'), 'compendium-100.docx');
  writeFileSync(docx, await renderDocx(flow.items, { styles: 'headings', toc: 'field', typography: OFFICIAL, breaks: true }, '2024年度健康中国行动典型案例汇编'));
  mkdirSync(dirname(out), { recursive: true });
  wordToPdf([{ in: docx, out }]);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const path = await benchCompendiumPdf(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(path ?? `LibreOffice (soffice) is not installed: use ${BENCH_PDF_FALLBACK}`);
}
