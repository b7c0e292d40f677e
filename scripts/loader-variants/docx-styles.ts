/**
 * Word with heading styles: each seed as a Word document (parts Heading 1, cases Heading 2,
 * sections Heading 3 and down, run-in leads bold), the compendium with a real TOC field; and
 * one with direct formatting only (bold and sizes, no styles), as many offices write.
 */
import { casebenchExportDocx, exportFlow } from './casebench-export.ts';
import { renderDocx, type DocxOptions } from './docx-render.ts';
import { tempDir } from './office.ts';
import { docModel } from './model.ts';
import { nativeFlow } from './native.ts';
import { Prng } from './prng.ts';
import { readAllTruth, type SeedId } from './truth.ts';
import { writeVariant, type Family, type Written } from './write.ts';

const RUNS: Array<{ seed: SeedId; cases: number | 'all'; options: DocxOptions; suffix?: string; about: string }> = [
  { seed: 'hc2024', cases: 8, options: { styles: 'headings', toc: 'field' }, about: 'heading styles, a TOC field' },
  { seed: 'henan2022', cases: 'all', options: { styles: 'headings', toc: 'typed' }, about: 'heading styles, the attachment list typed' },
  { seed: 'hebei2022', cases: 6, options: { styles: 'headings', toc: 'none' }, about: 'heading styles, Word tables where the cases have them' },
  { seed: 'news2022', cases: 'all', options: { styles: 'headings', toc: 'none' }, about: 'heading styles for the subheadings' },
  { seed: 'hebei2022', cases: 5, options: { styles: 'direct', toc: 'none' }, suffix: '-direct', about: 'direct formatting only (bold, sizes), no heading styles' },
  { seed: 'hc2024', cases: 5, options: { styles: 'direct', toc: 'typed' }, suffix: '-direct', about: 'direct formatting, a typed table of contents with dot leaders' },
];

export const docxStyles: Family = {
  kind: 'docx-styles',
  async generate() {
    const truth = readAllTruth();
    const out: Written[] = [];
    for (const { seed, cases, options, suffix = '', about } of RUNS) {
      const name = `${seed}${suffix}`;
      const rng = new Prng(`docx-${name}`);
      const all = truth[seed].cases.map((c) => c.ordinal);
      // The Hebei subsets keep case 4, the one with tables.
      const picked = cases === 'all' ? all : seed === 'hebei2022' ? [...new Set([4, ...rng.sample(all, cases - 1)])].sort((a, b) => a - b) : rng.sample(all, cases);
      const flow = nativeFlow(docModel(truth[seed], picked));
      const bytes = await renderDocx(flow.items, options, flow.items.find((i) => i.role === 'doc-title')?.text);
      out.push(writeVariant(flow.expected('docx-styles', name, `${name}.docx`, `${picked.length} ${seed} cases in Word: ${about}`), bytes));
    }
    const flow = exportFlow(truth);
    out.push(writeVariant(flow.expected('docx-styles', 'casebench-compendium', 'casebench-compendium.docx', 'the compendium DOCX `casebench compendium` exports (9 cases in 3 parts, a TOC field): it must load back'), casebenchExportDocx(tempDir('casebench-export-'))));
    return out;
  },
};
