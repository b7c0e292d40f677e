// oxlint-disable-next-line no-restricted-imports -- tests read the seed corpus from disk
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SectionKind } from '../model/index.ts';
import { EXPORT_FORMATS, exportDataset, parseExport, type ExportFormat } from './index.ts';
import { buildDataset, casesFromTexts, outlineOf, realisticSpans, withReviews, type CaseInput, type ReviewInput, type SpanInput } from './testing/datasets.ts';
import { comparable, expectedSpans, sortComparable } from './testing/expected-spans.ts';
import type { ExportDataset, ParsedReview, ParseResult } from './types.ts';

/** Export, read back, and compare with what the format promises to keep. */
function roundTrip(dataset: ExportDataset, format: ExportFormat, reviewers?: string[]) {
  const result = exportDataset(dataset, format.id, reviewers ? { reviewers } : {});
  const parsed = parseExport(format.id, result.files);
  expect(parsed.issues).toEqual([]);
  expect(sortComparable(parsed.spans.map((s) => comparable(s, format)))).toEqual(expectedSpans(dataset, result, format, reviewers));
  if (format.carries.caseText) {
    const texts = Object.fromEntries(dataset.cases.map((c) => [c.id, c.text]));
    expect(Object.fromEntries(parsed.cases.map((c) => [c.id, c.text]))).toEqual(texts);
  }
  expect(parsedLayers(parsed)).toEqual(expectedLayers(dataset, format, reviewers));
  if (format.carries.layers === 'all') {
    // The case's own outline (as loaded) and the metadata its reviewers agree on.
    const compact = format.id === 'jsonl';
    expect(Object.fromEntries(parsed.cases.map((c) => [c.id, { sections: c.sections, meta: c.meta }]))).toEqual(
      Object.fromEntries(dataset.cases.map((c) => [c.id, { sections: compact ? c.sections.map(({ heading, kinds, level, start, end }) => ({ heading, kinds, level, start, end })) : c.sections, meta: c.meta }])),
    );
  }
  return result;
}

/** Reviewers' layers the format promises to keep: everything (json, jsonl) or section tags (w3c, qdpx). */
function expectedLayers(dataset: ExportDataset, format: ExportFormat, reviewers?: string[]): Record<string, Record<string, ParsedReview>> {
  const out: Record<string, Record<string, ParsedReview>> = {};
  if (format.carries.layers === 'none') return out;
  for (const c of dataset.cases) {
    for (const [reviewer, review] of Object.entries(c.reviews ?? {})) {
      if (reviewers && !reviewers.includes(reviewer)) continue;
      // A selection per section: an outline emptied by its reviewer leaves nothing in w3c or qdpx.
      const kept = format.carries.layers === 'all' ? review : review.sections?.length && { sections: review.sections };
      if (kept) (out[c.id] ??= {})[reviewer] = kept;
    }
  }
  return out;
}

function parsedLayers(parsed: ParseResult): Record<string, Record<string, ParsedReview>> {
  const out: Record<string, Record<string, ParsedReview>> = {};
  for (const c of parsed.cases) for (const [reviewer, review] of Object.entries(c.reviews ?? {})) if (Object.keys(review).length > 0) (out[c.id] ??= {})[reviewer] = review;
  return out;
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

// Reviewers' layers on the astral case: a retagged and an added section around 𠀀 and 😀, metadata
// and tags, scores with evidence, statuses; bob has no outline, 张三 only one.
const astralSection = (heading: string, kinds: SectionKind[], start: number, end: number, source: 'loader' | 'reviewer' = 'loader') => ({
  heading,
  numbering: '',
  level: 1,
  kinds,
  start,
  headingEnd: start + heading.length,
  end,
  source,
  confirmed: true,
});
const astralReviews: ReviewInput[] = [
  {
    caseId: 'astral-01',
    reviewer: 'alice',
    review: {
      status: 'done',
      sections: [astralSection('😀健康', ['lessons'], 0, at('第二段')), astralSection('第二段：𠀀', ['practices', 'results'], at('第二段'), ASTRAL.length, 'reviewer')],
      meta: { tags: ['X', '𠀀标签'], category: '健康素养', year: 2023, region: '河北省' },
      score: { ratings: { innovation: 4, effectiveness: null }, evidence: { innovation: ['s1', 's2'] }, comment: '好 😀', recommendation: 'include', updatedAt: '2024-05-03T00:00:00.000Z' },
    },
  },
  { caseId: 'astral-01', reviewer: 'bob', review: { status: 'in-progress', meta: { tags: ['X', 'Y'], category: '健康素养', year: 2024 } } },
  { caseId: 'astral-01', reviewer: '张三', review: { status: 'todo', sections: [{ ...astralSection('末尾😀', ['other'], at('末尾'), ASTRAL.length, 'reviewer'), level: 2, runIn: true }] } },
];
const astralWithReviews = () => {
  const dataset = withReviews(buildDataset([astralCase, { id: 'empty', text: '' }], astralSpans), astralReviews);
  const c = dataset.cases[0]!;
  c.sections = [astralSection('😀健康', ['background'], 0, ASTRAL.length)];
  c.meta = { tags: ['X', '𠀀标签', 'Y'], category: '健康素养' };
  return dataset;
};

const handMade: [string, () => ExportDataset][] = [
  ['astral characters, overlaps, text edges, several reviewers', () => buildDataset([astralCase], astralSpans)],
  ['characters every format must escape', () => buildDataset([escapingCase], escapingSpans)],
  ['cases without spans, and an empty case', () => buildDataset([astralCase, { id: 'empty', text: '' }], [])],
  ['reviewers’ section tags, metadata, scores and statuses on astral text', astralWithReviews],
];

describe.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))('round trip: %s', (_id, format) => {
  it.each(handMade)('%s', (_name, dataset) => {
    roundTrip(dataset(), format);
  });

  it('keeps only the reviewers asked for', () => {
    const dataset = buildDataset([astralCase], astralSpans);
    const result = roundTrip(dataset, format, ['bob']);
    expect(result.offsetUnit).toBe(format.offsetUnit);
    expect(result.mediaType).toBe(format.mediaType);
  });

  it('keeps only the layers of the reviewers asked for', () => {
    roundTrip(astralWithReviews(), format, ['张三']);
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
// Every reviewer tags the seed cases' sections (a section every few paragraphs) and some metadata.
const seedDataset = withReviews(
  buildDataset(seedCases, realisticSpans(seedCases, 40, ['alice', 'bob', '张三'])),
  seedCases.flatMap((c, i) =>
    ['alice', 'bob', '张三'].map((reviewer, k): ReviewInput => ({
      caseId: c.id,
      reviewer,
      review: { status: (['done', 'in-progress', 'todo'] as const)[(i + k) % 3]!, sections: outlineOf(c.text, i * 3 + k + 1, 2 + k), ...(k === 1 ? {} : { meta: { tags: [`第${i + 1}批`], year: 2022 + k } }) },
    })),
  ),
);

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
// Alice tags the sections of each random text (headings and boundaries next to 𠀀 and 😀) and gives tags.
const randomDataset = fc.tuple(randomCase(1), randomCase(2), fc.nat(), fieldText).map(([a, b, seed, tag]) =>
  withReviews(
    buildDataset([a.input, b.input], [...a.spans, ...b.spans]),
    [a, b].map(({ input }, i) => ({ caseId: input.id, reviewer: 'alice', review: { status: 'in-progress', sections: outlineOf(input.text, seed + i), meta: { tags: tag.trim() ? [tag] : [] } } })),
  ),
);
