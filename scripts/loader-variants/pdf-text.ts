/**
 * PDF → text: the typeset PDFs (fixtures/pdf) extracted with pdftotext, plain, with -layout and with -raw,
 * as people extract compendia today. The expected outline is the PDF's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expected } from './flow.ts';
import { pdftotext } from './office.ts';
import { PDF_DIR } from './paths.ts';
import { writeVariant, type Family, type Written } from './write.ts';

const SOURCES = ['typeset-hc2024', 'typeset-henan2022', 'typeset-hebei2022', 'county-table', 'newspaper-page'];

export const pdfText: Family = {
  kind: 'pdf-text',
  needs: ['pdftotext'],
  generate() {
    const out: Written[] = [];
    for (const source of SOURCES) {
      const pdf = join(PDF_DIR, `${source}.pdf`);
      if (!existsSync(pdf)) throw new Error(`${pdf} is missing: make the PDF fixtures first (npm run fixtures:loader -- --only pdf)`);
      const expected = JSON.parse(readFileSync(join(PDF_DIR, `${source}.expected.json`), 'utf8')) as Expected;
      for (const mode of ['plain', 'layout', 'raw'] as const) {
        const name = `${source}${mode === 'plain' ? '' : `-${mode}`}`;
        out.push(writeVariant({ ...expected, kind: 'pdf-text', name, input: `${name}.txt`, about: `pdftotext${mode === 'plain' ? '' : ` -${mode}`} of ${source}.pdf: ${expected.about}` }, pdftotext(pdf, mode)));
      }
    }
    return out;
  },
};
