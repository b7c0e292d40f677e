/**
 * Reading a 100-page compendium PDF (the national compendium typeset as a health commission
 * does, fixtures/pdf/typeset-hc2024.pdf, its first 100 pages): decoding with its layout and
 * loading into cases, beside poppler's pdftotext on the same file, and the ratio. Without the
 * fixture, the 100 pages are typeset here with LibreOffice (main/pdf/testdata/typeset.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocument } from '../shared/ingest/index.ts';
import { decodePdf } from '../main/pdf/decode-pdf.ts';
import { hasLibreOffice, typesetPdf } from '../main/pdf/testdata/typeset.ts';
import { compendiumBlocks } from '../main/pdf/testdata/make-fixtures.ts';
import { median, timeRuns, type BenchSuite, type Figure } from './harness.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/pdf/typeset-hc2024.pdf');
const PAGES = 100;

const has = (cmd: string, args: string[]) => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** A 100-page compendium PDF: the fixture's first 100 pages (qpdf), or one typeset here. */
async function hundredPages(dir: string): Promise<{ path: string; from: string } | null> {
  const out = join(dir, 'compendium-100.pdf');
  if (existsSync(FIXTURE) && has('qpdf', ['--version'])) {
    execFileSync('qpdf', [FIXTURE, '--pages', FIXTURE, `1-${PAGES}`, '--', out]);
    return { path: out, from: `fixtures/pdf/typeset-hc2024.pdf, pages 1–${PAGES}` };
  }
  if (hasLibreOffice()) {
    writeFileSync(out, await typesetPdf(compendiumBlocks(PAGES), { header: '健康中国行动典型案例汇编', pageNumbers: true }));
    return { path: out, from: 'typeset here from the hc2024 seed with LibreOffice' };
  }
  return null;
}

export const suite: BenchSuite = {
  name: 'PDF reading (main/pdf, pdfjs-dist)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-bench-pdf-'));
    const input = await hundredPages(dir);
    if (!input) {
      console.log('  (skipped: needs fixtures/pdf/typeset-hc2024.pdf and qpdf, or LibreOffice, to make a 100-page PDF)');
      return [];
    }
    const bytes = new Uint8Array(readFileSync(input.path));
    let pages = 0;
    let cases = 0;
    const read = async () => {
      const decoded = await decodePdf(bytes, 'compendium-100.pdf');
      pages = decoded.geometry!.pages.length;
      cases = loadDocument(decoded, 'compendium-100.pdf').cases.length;
    };
    // The first load in a process also loads PDF.js itself (and warms the JIT): what `casebench import` costs.
    const t0 = performance.now();
    await read();
    const coldMs = performance.now() - t0;
    const warmMs = median(await timeRuns(read, 3, 0));
    console.log(`  input: ${input.from} (${pages} pages, ${(bytes.length / 1e6).toFixed(1)} MB); ${cases} cases loaded`);
    const figures: Figure[] = [
      { name: `${pages}-page PDF, first load in a process (decode + layout + cases)`, value: coldMs, unit: 'ms', goal: { max: 3000 } },
      { name: `${pages}-page PDF, median of 3 more`, value: warmMs, unit: 'ms', goal: { max: 3000 } },
      { name: 'per page', value: warmMs / pages, unit: 'ms' },
    ];
    if (has('pdftotext', ['-v'])) {
      const popplerMs = median(await timeRuns(() => execFileSync('pdftotext', [input.path, join(dir, 'out.txt')]), 3, 1));
      figures.push({ name: 'pdftotext on the same file (text only, no layout)', value: popplerMs, unit: 'ms' });
      figures.push({ name: 'casebench ÷ pdftotext', value: warmMs / popplerMs, unit: '×' });
    } else console.log('  (pdftotext not installed: no comparison)');
    return figures;
  },
};
