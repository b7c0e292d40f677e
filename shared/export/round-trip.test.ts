// oxlint-disable-next-line no-restricted-imports -- tests read the seed corpus from disk
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/index.ts';
import { EXPORT_FORMATS, exportDataset, parseExport, type ExportFormat } from './index.ts';
import { buildDataset, casesFromTexts, realisticSpans, type CaseInput, type SpanInput } from './testing/datasets.ts';
import { comparable, expectedSpans, sortComparable } from './testing/expected-spans.ts';

/** Export, read back, and compare with what the format promises to keep. */
function roundTrip(dataset: Dataset, format: ExportFormat, reviewers?: string[]) {
  const result = exportDataset(dataset, format.id, reviewers ? { reviewers } : {});
  const parsed = parseExport(format.id, result.files);
  expect(parsed.issues).toEqual([]);
  expect(sortComparable(parsed.spans.map((s) => comparable(s, format)))).toEqual(expectedSpans(dataset, result, format, reviewers));
  if (format.carries.caseText) {
    const texts = Object.fromEntries(dataset.cases.map((c) => [c.id, c.text]));
    expect(Object.fromEntries(parsed.cases.map((c) => [c.id, c.text]))).toEqual(texts);
  }
  return result;
}

// 😀 and 𠀀 are two UTF-16 units and one code point each: every offset after them differs by unit.
const ASTRAL = '😀健康𠀀素养26.82%\n第二段：𠀀达到"90%"以上\n\n末尾😀';
const astralCase: CaseInput = { id: 'astral-01', text: ASTRAL, title: '𠀀案例' };
const at = (needle: string, from = 0) => ASTRAL.indexOf(needle, from);

const astralSpans: SpanInput[] = [
  { caseId: 'astral-01', start: 0, end: 2, label: 'innovation' }, // the emoji at text start
  { caseId: 'astral-01', start: at('健康'), end: at('%') + 1, label: 'practice', note: 'covers 𠀀 and a number' },
  { caseId: 'astral-01', start: at('26.82%'), end: at('26.82%') + 6, label: 'indicator', fields: { metric: '健康素养水平', value: 26.82, unit: '%', year: 2021, baseline: null } },
  { caseId: 'astral-01', start: at('26.82%'), end: at('26.82%') + 6, label: 'indicator', reviewer: 'bob', fields: { metric: '素养', value: 26.82, unit: '%' } },
  { caseId: 'astral-01', start: at('素养'), end: at('第二段'), label: 'lesson', note: 'ends with a newline' },
  { caseId: 'astral-01', start: at('%') + 1, end: at('第二段'), label: 'challenge' }, // a newline only
  { caseId: 'astral-01', start: at('𠀀达到'), end: at('末尾'), label: 'practice', note: 'crosses two newlines\tand has a tab' },
  { caseId: 'astral-01', start: at('𠀀达到'), end: at('以上') + 2, label: 'practice' }, // same label, overlapping
  { caseId: 'astral-01', start: at('末尾'), end: ASTRAL.length, label: 'lesson', reviewer: '张三' }, // the emoji at text end
  { caseId: 'astral-01', start: ASTRAL.length, end: ASTRAL.length, label: 'policy', reviewer: 'bob' }, // empty, at the very end
];

const escapingCase: CaseInput = {
  id: 'esc/01 "quoted"',
  title: 'Titles, with "quotes"\tand tabs',
  text: '=SUM(A1) costs 1,234 "yuan"\t<b>&amp;</b> \\n back\\slash; # not a comment\n-5% +3 @x\u3000全角空格',
};
const escapingSpans: SpanInput[] = [
  { caseId: escapingCase.id, start: 0, end: 8, label: 'policy', reviewer: 'a/b c', fields: { issuer: '=cmd', docNumber: "'quoted" }, note: 'line1\nline2\r\n\\t "q", <x>&' },
  { caseId: escapingCase.id, start: 15, end: 27, label: 'a label with spaces', reviewer: 'a/b c' },
  { caseId: escapingCase.id, start: 28, end: 44, label: 'practice', reviewer: '.hidden', note: '\\' },
  { caseId: escapingCase.id, start: escapingCase.text.indexOf('-5%'), end: escapingCase.text.length, label: 'indicator', fields: { value: -5, unit: '%', change: -2.5, approx: '约', metric: '+3' } },
];

const handMade: [string, CaseInput[], SpanInput[]][] = [
  ['astral characters, overlaps, text edges, several reviewers', [astralCase], astralSpans],
  ['characters every format must escape', [escapingCase], escapingSpans],
  ['cases without spans, and an empty case', [astralCase, { id: 'empty', text: '' }], []],
];

describe.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))('round trip: %s', (_id, format) => {
  it.each(handMade)('%s', (_name, cases, spans) => {
    roundTrip(buildDataset(cases, spans), format);
  });

  it('keeps only the reviewers asked for', () => {
    const dataset = buildDataset([astralCase], astralSpans);
    const result = roundTrip(dataset, format, ['bob']);
    expect(result.offsetUnit).toBe(format.offsetUnit);
    expect(result.mediaType).toBe(format.mediaType);
  });

  it('round-trips a realistic dataset from the seed corpus', () => {
    roundTrip(seedDataset, format);
  });

  it('round-trips random texts with astral characters, newlines and random spans (property)', () => {
    fc.assert(
      fc.property(randomDataset, (dataset) => {
        roundTrip(dataset, format);
      }),
      { numRuns: 60 },
    );
  });
});

const seedsDir = new URL('../../seeds/', import.meta.url);
const seedTexts = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, seedsDir), 'utf8'));
const seedCases = casesFromTexts(seedTexts, 6).slice(0, 4);
const seedDataset = buildDataset(seedCases, realisticSpans(seedCases, 40, ['alice', 'bob', '张三']));

describe('the realistic dataset', () => {
  it('has indicators on numbers such as 26.82% and phrases with notes', () => {
    const quotes = seedDataset.spans.map((s) => s.quote.exact);
    expect(seedTexts.some((t) => t.includes('26.82%'))).toBe(true);
    expect(quotes.some((q) => /^\d+(\.\d+)?%$/.test(q))).toBe(true);
    expect(seedDataset.spans.some((s) => s.label === 'practice' && s.quote.exact.endsWith('。'))).toBe(true);
    expect(seedDataset.spans.some((s) => s.note !== '')).toBe(true);
  });
});

const ALPHABET = ['中', '文', '𠀀', '😀', 'a', 'Z', '1', '%', ' ', '\n', '\t', ',', '"', "'", '<', '&', '#', '=', '\\'];
const fieldText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 6 }).map((cs) => cs.join(''));
const randomSpan = (caseId: string, chars: string[]) => {
  // Offsets on code point boundaries, as casebench places them, converted to UTF-16.
  const utf16 = (cp: number) => chars.slice(0, cp).join('').length;
  return fc
    .record({
      a: fc.nat({ max: chars.length }),
      b: fc.nat({ max: chars.length }),
      label: fc.constantFrom('indicator', 'practice', 'lesson'),
      reviewer: fc.constantFrom('alice', 'bob'),
      note: fc.option(fieldText, { nil: undefined }),
      fields: fc.option(fc.record({ metric: fieldText, value: fc.integer({ min: -1000, max: 1000 }) }), { nil: undefined }),
    })
    .map(({ a, b, ...rest }): SpanInput => ({ caseId, start: utf16(Math.min(a, b)), end: utf16(Math.max(a, b)), ...rest }));
};
const randomCase = (i: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).chain((chars) =>
    fc.array(randomSpan(`c${i}`, chars), { maxLength: 6 }).map((spans) => ({ input: { id: `c${i}`, text: chars.join('') }, spans })),
  );
const randomDataset = fc.tuple(randomCase(1), randomCase(2)).map((cases) => buildDataset(cases.map((c) => c.input), cases.flatMap((c) => c.spans)));
