// oxlint-disable-next-line no-restricted-imports -- the interop checks read the seed corpus from disk
import { readdirSync, readFileSync } from 'node:fs';
import type { ExportDataset } from '../types.ts';
import { buildDataset, casesFromTexts, outlineOf, realisticSpans, withReviews, type CaseInput, type SpanInput } from '../testing/datasets.ts';

/**
 * Datasets the peers' own checkers are run on: a hand-made case with the characters that break
 * exchange formats (𠀀 and 😀 before spans, line and paragraph separators, NEL, a file separator,
 * a carriage return, a span across a paragraph break, overlaps), and the bundled seeds.
 */

// U+2028, U+2029, U+0085 and U+001C are line boundaries for Python's str.splitlines (and brat's
// reader); U+3000 is whitespace; \r\n a Windows line end.
export const AWKWARD_TEXT = '😀健康𠀀素养26.82%\u2028第二行\u2029第三段\u0085NEL后\u001c分隔\r\n回车后：提升到"90%"\n新段落𠀀结束😀';
const at = (needle: string) => {
  const i = AWKWARD_TEXT.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in the text`);
  return i;
};
export const awkwardCase: CaseInput = { id: 'awkward 01', text: AWKWARD_TEXT, title: '𠀀 案例\u2028标题' };
export const awkwardSpans: SpanInput[] = [
  { caseId: 'awkward 01', start: at('26.82%'), end: at('26.82%') + 6, label: 'indicator', reviewer: 'Alice', fields: { metric: '健康素养水平', value: 26.82, unit: '%' }, note: '核对\u2028第二行\u0085' },
  // Across U+2028, U+2029, NEL and U+001C: four line boundaries for a Python reader.
  { caseId: 'awkward 01', start: at('素养'), end: at('分隔') + 2, label: 'practice', reviewer: 'Alice' },
  // Across \r\n and \n: a sentence break in CoNLL.
  { caseId: 'awkward 01', start: at('回车后'), end: at('结束'), label: 'lesson', reviewer: 'Alice' },
  { caseId: 'awkward 01', start: at('90%'), end: at('90%') + 3, label: 'indicator', reviewer: 'bob', fields: { value: 90, unit: '%' } },
  // Overlapping spans of one reviewer and label.
  { caseId: 'awkward 01', start: at('提升到'), end: at('新段落'), label: 'lesson', reviewer: 'Alice' },
  { caseId: 'awkward 01', start: at('第二行'), end: at('第三段') + 3, label: 'practice', reviewer: 'bob' },
];

export function awkwardDataset(): ExportDataset {
  return withReviews(buildDataset([awkwardCase, { id: 'empty', text: '' }], awkwardSpans), [
    { caseId: 'awkward 01', reviewer: 'Alice', review: { status: 'done', sections: outlineOf(AWKWARD_TEXT, 3) } },
  ]);
}

let seeds: ExportDataset | undefined;

/** Four cases cut from the bundled seed texts, with realistic spans of three reviewers and their outlines. */
export function seedDataset(): ExportDataset {
  if (seeds) return seeds;
  const dir = new URL('../../../seeds/', import.meta.url);
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const cases = casesFromTexts(texts, 6).slice(0, 4);
  const reviewers = ['alice', 'bob', '张三'];
  seeds = withReviews(
    buildDataset(cases, realisticSpans(cases, 40, reviewers)),
    cases.flatMap((c, i) => reviewers.map((reviewer, k) => ({ caseId: c.id, reviewer, review: { status: 'done' as const, sections: outlineOf(c.text, i * 3 + k + 1, 2 + k) } }))),
  );
  return seeds;
}
