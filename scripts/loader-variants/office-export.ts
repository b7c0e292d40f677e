/**
 * Word → what people save it as: the Word variants (docx-styles, docx-tables) opened in
 * LibreOffice and saved as plain text, as a web page and as OpenDocument text. The expected
 * outline is the Word file's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Expected } from './flow.ts';
import { VARIANTS_DIR } from './paths.ts';
import { writeVariant, type Family, type Written } from './write.ts';

const FORMATS: ReadonlyArray<{ ext: string; filter: string; what: string }> = [
  { ext: 'txt', filter: 'txt:Text (encoded):UTF8', what: 'saved as text' },
  { ext: 'html', filter: 'html', what: 'saved as a web page' },
  { ext: 'odt', filter: 'odt', what: 'saved as OpenDocument text' },
];

export const officeExport: Family = {
  kind: 'office-export',
  needs: ['soffice'],
  generate() {
    const out: Written[] = [];
    const work = mkdtempSync(join(tmpdir(), 'casebench-office-'));
    for (const kind of ['docx-styles', 'docx-tables']) {
      const dir = join(VARIANTS_DIR, kind);
      if (!existsSync(dir)) throw new Error(`${dir} is missing: make the Word variants first (npm run fixtures:loader -- --only ${kind})`);
      const words = readdirSync(dir).filter((f) => f.endsWith('.docx'));
      for (const { filter } of FORMATS) {
        execFileSync('soffice', ['--headless', '--convert-to', filter, '--outdir', work, ...words.map((w) => join(dir, w))], { stdio: 'ignore', timeout: 10 * 60_000 });
      }
      for (const word of words) {
        const name = word.replace(/\.docx$/, '');
        const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
        for (const { ext, what } of FORMATS) {
          const file = join(work, `${name}.${ext}`);
          if (!existsSync(file)) throw new Error(`LibreOffice did not write ${file}`);
          out.push(writeVariant({ ...expected, kind: 'office-export', name: `${name}-${ext}`, input: `${name}-${ext}.${ext}`, about: `${expected.about}; ${what} by LibreOffice` }, readFileSync(file)));
        }
      }
    }
    return out;
  },
};
