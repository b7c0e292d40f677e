import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreDocument, type InputScore } from '../../bench/loader-score.ts';
import { loaderVariants } from '../../fixtures/loader/index.ts';
import { loadDocument } from './load.ts';

/**
 * The loader over every generated variant of the samples (fixtures/loader: re-wrapped, re-encoded,
 * Word, HTML, extracted from PDF, traditional, other layouts, documents concatenated, news): never
 * silently wrong, and right on most. `npm run eval -- --loader` prints the same figures per kind.
 */
const variants = loaderVariants();
const scores = new Map<string, InputScore>();
const scoreOf = (v: (typeof variants)[number]) => {
  let s = scores.get(v.inputPath);
  if (!s) scores.set(v.inputPath, (s = scoreDocument(v.expected, loadDocument(new Uint8Array(readFileSync(v.inputPath)), v.inputPath, { id: v.name }))));
  return s;
};

describe('the loader on the generated variants', () => {
  it('has variants of every kind the issue names', () => {
    const kinds = new Set(variants.map((v) => v.kind));
    for (const kind of ['pdf-text', 'docx-styles', 'docx-tables', 'html-simple', 'html-saved-page', 'rewrap', 'encodings', 'traditional', 'layouts', 'concatenated', 'news']) expect(kinds).toContain(kind);
  });

  it.each(variants.map((v) => [`${v.kind}/${v.name}`, v] as const))('%s: right, or it says what to check', (_name, v) => {
    const s = scoreOf(v);
    expect(s.silent, `a wrong outline (${s.loadedCases} cases for ${s.expectedCases}, ${s.titlesRight} titles right) with no warning`).toBe(false);
  });

  it('finds the exact number of cases in at least 95% of the variants and 97% of the titles (the issue\'s goals)', () => {
    const all = variants.map(scoreOf);
    const exact = all.filter((s) => s.exactCount).length / all.length;
    const titles = all.reduce((n, s) => n + s.titlesRight, 0) / all.reduce((n, s) => n + s.expectedCases, 0);
    expect(exact).toBeGreaterThanOrEqual(0.95);
    expect(titles).toBeGreaterThanOrEqual(0.97);
  });

  it.each(['encodings', 'docx-styles', 'docx-tables', 'html-simple', 'html-saved-page', 'rewrap', 'layouts', 'concatenated', 'news', 'traditional', 'office-export'])('reads every %s variant exactly: cases, titles and lessons', (kind) => {
    for (const v of variants.filter((x) => x.kind === kind)) {
      const s = scoreOf(v);
      expect([v.name, s.exactCount, s.titlesRight]).toEqual([v.name, true, s.expectedCases]);
      expect(s.lessonsFound).toBe(s.lessonsExpected);
    }
  });

  it.each(['county-table-raw', 'county-table', 'county-table-layout'])('reads the county table out of pdftotext (%s) as its 20 rows, each with its place', (name) => {
    const v = variants.find((x) => x.kind === 'pdf-text' && x.name === name)!;
    expect(v, `a variant named ${name}`).toBeDefined();
    const s = scoreOf(v);
    expect(s.exactCount).toBe(true);
    expect(s.titlesRight).toBeGreaterThanOrEqual(18);
  });
});
