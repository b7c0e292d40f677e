/**
 * The PDF fixtures of issue 10, in fixtures/pdf/: the seeds typeset as a health commission would
 * and printed by LibreOffice (the compendium with a table of contents whose page numbers
 * LibreOffice filled in; the notice set strictly to GB/T 9704, every heading at 16 pt; the
 * Hebei batch), the county table as a real table, the newspaper page in columns, the compendium
 * DOCX casebench itself exports; then files to refuse or to read despite their lock: a scan
 * with no text layer, a password-locked PDF, a PDF locked only against editing (it opens without
 * a password: load it), a truncated file, a file that is a PDF header and nothing readable.
 * The typeset compendium (all 30 cases) is also the ~100-page benchmark input.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textKey } from '../../fixtures/loader/expected.ts';
import { OFFICIAL, OFFICIAL_STRICT, renderDocx } from './docx-render.ts';
import type { FlowBuilder, Expected } from './flow.ts';
import { casebenchExportDocx, exportFlow } from './casebench-export.ts';
import { docModel } from './model.ts';
import { newspaperFlow, batchFlow, compendiumFlow, countyWideFlow, noticeFlow } from './native.ts';
import { renderNewspaper } from './newspaper-docx.ts';
import { pdffonts, pdftotext, tempDir, wordToPdf } from './office.ts';
import { PDF_DIR } from './paths.ts';
import { scanOf } from './scan-pdf.ts';
import { readAllTruth } from './truth.ts';
import { writeVariant, type Family, type Written } from './write.ts';

interface Printed {
  name: string;
  kind: string;
  about: string;
  docx: Uint8Array;
  flow: FlowBuilder;
}

export const pdfFixtures: Family = {
  kind: 'pdf',
  needs: ['soffice', 'pdftotext', 'pdftoppm', 'qpdf'],
  async generate() {
    const truth = readAllTruth();
    const dir = tempDir('casebench-pdf-fixtures-');
    rmSync(PDF_DIR, { recursive: true, force: true });
    mkdirSync(PDF_DIR, { recursive: true });

    const printed: Printed[] = [];
    {
      const flow = compendiumFlow(docModel(truth.hc2024));
      printed.push({ name: 'typeset-hc2024', kind: 'pdf-typeset', about: 'the national compendium, 30 cases, typeset officially (A4, GB/T 9704 margins, 小标宋/黑体/楷体/仿宋 in four sizes), a TOC LibreOffice filled with page numbers, “— 1 —” footers; also the ~100-page benchmark input', docx: await renderDocx(flow.items, { styles: 'headings', toc: 'field', typography: OFFICIAL, breaks: true }, '2024年度健康中国行动典型案例汇编'), flow });
    }
    {
      const flow = noticeFlow(docModel(truth.henan2022));
      printed.push({ name: 'typeset-henan2022', kind: 'pdf-typeset', about: 'the Henan notice with its attachments, set strictly to GB/T 9704: headings and body all 16 pt, told apart by family only (黑体, 楷体, 仿宋)', docx: await renderDocx(flow.items, { styles: 'headings', toc: 'typed', typography: OFFICIAL_STRICT, breaks: true }, '关于印发第一批健康中原行动典型经验案例的通知'), flow });
    }
    {
      const flow = batchFlow(docModel(truth.hebei2022));
      printed.push({ name: 'typeset-hebei2022', kind: 'pdf-typeset', about: 'the Hebei batch, 17 cases, typeset officially, each case on a new page, tables where the cases have them', docx: await renderDocx(flow.items, { styles: 'headings', toc: 'none', typography: OFFICIAL, breaks: true }, '第二批健康河北行动推进典型经验案例'), flow });
    }
    {
      const flow = countyWideFlow(docModel(truth.counties2022));
      printed.push({ name: 'county-table', kind: 'pdf-table', about: 'the county table as a real table (序号, 省, 市, 县, 典型经验; one row per county, rows break across pages, the header repeats)', docx: await renderDocx(flow.items, { styles: 'headings', toc: 'none', typography: OFFICIAL }, '2022年度健康县区建设典型经验'), flow });
    }
    {
      const flow = newspaperFlow(docModel(truth.news2022));
      const caption = truth.news2022.cases.flatMap((c) => c.marks.filter((m) => m.kind === 'caption').map((m) => m.text)).join(' ');
      printed.push({ name: 'newspaper-page', kind: 'pdf-newspaper', about: 'the newspaper seed as an A3 page: masthead and page headline across the top, reports in five columns, two banners each over four columns, bylines, a photo caption', docx: await renderNewspaper(flow.items, caption), flow });
    }
    printed.push({ name: 'casebench-compendium', kind: 'pdf-casebench-export', about: 'the compendium DOCX `casebench compendium` exports (9 cases in 3 parts, TOC), printed to PDF', docx: casebenchExportDocx(dir), flow: exportFlow(truth) });

    for (const p of printed) writeFileSync(join(dir, `${p.name}.docx`), p.docx);
    wordToPdf(printed.map((p) => ({ in: join(dir, `${p.name}.docx`), out: join(PDF_DIR, `${p.name}.pdf`) })));

    const out: Written[] = [];
    for (const p of printed) {
      const pdf = join(PDF_DIR, `${p.name}.pdf`);
      const expected = checkedAgainstText(p.flow.expected(p.kind, p.name, `${p.name}.pdf`, p.about), pdf);
      out.push(writeVariant(expected, readFileSync(pdf), PDF_DIR));
      console.log(`  ${p.name}.pdf fonts: ${pdffonts(pdf).join(', ')}`);
    }
    const news = printed.find((p) => p.name === 'newspaper-page')!;
    const newsPdf = join(PDF_DIR, 'newspaper-page.pdf');
    const henanPdf = join(PDF_DIR, 'typeset-henan2022.pdf');

    const refusal = (name: string, reason: NonNullable<Expected['refusal']>['reason'], about: string): Expected => ({ kind: 'pdf-refusal', name, input: `${name}.pdf`, about, documents: [], cases: [], outsideProbes: [], refusal: { reason } });
    out.push(writeVariant(refusal('scanned', 'scanned', 'pages 2–4 of the typeset Henan notice as greyscale page images (110 dpi JPEG), no text layer: a scan'), scanOf(henanPdf, 2, 4), PDF_DIR));
    const locked = join(dir, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'casebench-user', 'casebench-owner', '256', '--', newsPdf, locked]);
    out.push(writeVariant(refusal('encrypted-password', 'encrypted', 'the newspaper page encrypted with AES-256 and a user password (qpdf): it cannot be opened without it'), readFileSync(locked), PDF_DIR));
    const restricted = join(dir, 'restricted.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'casebench-owner', '256', '--extract=n', '--modify=none', '--', newsPdf, restricted]);
    out.push(writeVariant({ ...news.flow.expected('pdf-encrypted-open', 'encrypted-no-user-password', 'encrypted-no-user-password.pdf', 'the newspaper page encrypted (AES-256) with an owner password only, copying and editing forbidden: it opens without a password, so it loads'), kind: 'pdf-encrypted-open' }, readFileSync(restricted), PDF_DIR));
    const whole = readFileSync(newsPdf);
    out.push(writeVariant(refusal('truncated', 'damaged', 'the newspaper page cut off at 45% of its bytes (an interrupted download): no cross-reference table, no trailer'), whole.subarray(0, Math.floor(whole.length * 0.45)), PDF_DIR));
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24))]);
    out.push(writeVariant(refusal('garbage', 'damaged', 'a PDF header and one object, then 4 KiB of noise: nothing readable'), new Uint8Array(junk), PDF_DIR));
    return out;
  },
};

/**
 * Keep only the probes the printed PDF really holds (pdftotext -raw finds them, in the order
 * LibreOffice wrote them): LibreOffice may set a character another way (a compatibility form,
 * a break inside a probe's numbers), and the expectation must be of the PDF as printed. Says how
 * many were dropped, and which titles are not printed as such (the county table's titles are
 * the loader's own, made from the county's name).
 */
function checkedAgainstText(expected: Expected, pdf: string): Expected {
  // The footers ("— 12 —") stand between a page's last line and the next page's first: not body.
  const text = pdftotext(pdf, 'raw').split('\n').filter((l) => !/^\s*(—\s*)?\d{1,4}(\s*—)?\s*$/.test(l)).join('\n');
  const key = textKey(text);
  let dropped = 0;
  const keep = (probes: string[]) =>
    probes.filter((p) => {
      const ok = key.includes(p);
      if (!ok) dropped++;
      return ok;
    });
  const cases = expected.cases.map((c) => ({ ...c, probes: keep(c.probes) }));
  const total = expected.cases.reduce((s, c) => s + c.probes.length, 0);
  if (dropped) console.log(`  ${expected.name}: ${dropped} of ${total} probes are not in the PDF's text (dropped)`);
  const missingTitles = expected.cases.filter((c) => !key.includes(textKey(c.title))).map((c) => c.title);
  if (missingTitles.length) console.log(`  ${expected.name}: titles not found as printed: ${missingTitles.join(' | ')}`);
  return { ...expected, cases, outsideProbes: keep(expected.outsideProbes) };
}
