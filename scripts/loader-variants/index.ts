/**
 * `npm run fixtures:loader`: render the truth (fixtures/loader/truth) into the loader's
 * evaluation variants (fixtures/loader/variants/<kind>/) and the PDF fixtures (fixtures/pdf/).
 *
 *   npm run fixtures:loader                      every family
 *   npm run fixtures:loader -- --only rewrap,pdf  some
 *   npm run fixtures:loader -- --regenerate-truth  first take a new truth from today's loader (on purpose only)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, VARIANTS_DIR } from './paths.ts';
import { concatenated } from './concatenated.ts';
import { docxStyles } from './docx-styles.ts';
import { docxTables } from './docx-tables.ts';
import { encodings } from './encodings.ts';
import { htmlSavedPage } from './html-saved-page.ts';
import { htmlSimple } from './html-simple.ts';
import { layouts } from './layouts.ts';
import { news } from './news.ts';
import { pdfFixtures } from './pdf-fixtures.ts';
import { pdfText } from './pdf-text.ts';
import { officeExport } from './office-export.ts';
import { rewrap } from './rewrap.ts';
import { traditional } from './traditional.ts';
import type { Family, Written } from './write.ts';

const FAMILIES: Family[] = [docxStyles, docxTables, htmlSimple, htmlSavedPage, rewrap, encodings, traditional, layouts, concatenated, news, pdfFixtures, pdfText, officeExport];

const args = process.argv.slice(2);
if (args.includes('--regenerate-truth')) execFileSync('npx', ['tsx', join(import.meta.dirname, 'truth.ts'), '--regenerate-truth'], { stdio: 'inherit' });
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

let total = 0;
for (const family of FAMILIES) {
  if (only && !only.has(family.kind)) continue;
  const missing = (family.needs ?? []).filter((t) => !has(t));
  if (missing.length) {
    console.log(`${family.kind}: skipped, needs ${missing.join(', ')} (apt-get install -y libreoffice-writer poppler-utils qpdf)`);
    continue;
  }
  if (family.kind !== 'pdf') rmSync(join(VARIANTS_DIR, family.kind), { recursive: true, force: true });
  const started = Date.now();
  const written: Written[] = await family.generate();
  const bytes = written.reduce((s, w) => s + w.bytes, 0);
  total += bytes;
  console.log(`${family.kind}: ${written.length} inputs, ${(bytes / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const w of written) console.log(`  ${relative(ROOT, w.path)}  ${(w.bytes / 1024).toFixed(1)} KiB`);
}
console.log(`total ${(total / 1024 / 1024).toFixed(2)} MiB of inputs`);
