import { describe, expect, it } from 'vitest';
import { findQuote } from './fuzzy.ts';
import { keptOrigins } from './kept-text.ts';
import { makeQuote } from './quote.ts';
import { diffTexts } from './text-diff.ts';

/** The quote of `exact` (its `nth` occurrence) in `text`. */
function quoteOf(text: string, exact: string, nth = 0) {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(exact, at + 1);
  if (at === -1) throw new Error(`"${exact}" not found`);
  return makeQuote(text, at, at + exact.length);
}

const TEXT =
  '（二）居民健康素养水平得到提升。全省居民健康素养水平从2019年19.18%提升到2021年26.82%。其中2021年城乡居民基本知识和理念素养、健康生活方式与行为素养、基本技能素养水平较2019年分别提升8.72、10.15、2.50个百分点。';

describe('findQuote', () => {
  it('finds an exact occurrence confirmed by its context', () => {
    const quote = quoteOf(TEXT, '2021年26.82%');
    const moved = '前言。\n' + TEXT;
    const r = findQuote(moved, quote, { hint: 0 });
    expect(r.verdict).toBe('found');
    expect(moved.slice(r.candidate!.start, r.candidate!.end)).toBe('2021年26.82%');
    expect(r.candidate!.score).toBeGreaterThan(0.9);
    expect(r.candidate!.score).toBeLessThanOrEqual(1);
  });

  it('takes the text at the expected place when it is still similar enough (a digit changed)', () => {
    const quote = quoteOf(TEXT, '26.82%');
    const edited = TEXT.replace('26.82%', '26.83%');
    const at = edited.indexOf('26.83%');
    const r = findQuote(edited, quote, { hint: at, expected: { start: at, end: at + 6 } });
    expect(r.verdict).toBe('found');
    expect([r.candidate!.start, r.candidate!.end]).toEqual([at, at + 6]);
    expect(r.candidate!.quoteSimilarity).toBeCloseTo(5 / 6);
  });

  it('finds an edited quote away from the hint when its context confirms it', () => {
    const quote = quoteOf(TEXT, '城乡居民基本知识和理念素养');
    const edited = '新增一段说明文字，共二十个字左右的长度。\n' + TEXT.replace('理念素养', '理念的素养');
    const r = findQuote(edited, quote, { hint: 0 });
    expect(r.verdict).toBe('found');
    expect(edited.slice(r.candidate!.start, r.candidate!.end)).toBe('城乡居民基本知识和理念的素养');
  });

  it('does not guess between equally good places', () => {
    const sentence = '各地积极开展健康知识进万家活动。';
    const text = `${sentence}\n${sentence}`;
    const r = findQuote(text, makeQuote(sentence, 2, 8), { hint: 0 });
    expect(r.verdict).toBe('ambiguous');
    expect(r.candidate).toBeDefined();
  });

  it('never takes text the diff kept from another passage', () => {
    // "城市居民…" was annotated; its text is edited away; the parallel, unchanged "农村居民…"
    // sentence is 80% similar, with similar context, but it was there before and was not ours.
    const oldText = '城市居民健康素养水平从19.18%提升到26.82%。农村居民健康素养水平从17.18%提升到24.82%。';
    const newText = oldText.replace('城市居', '〇');
    const quote = makeQuote(oldText, 0, 10);
    const kept = { origins: keptOrigins(diffTexts(oldText, newText).map, oldText, newText), own: { start: 0, end: 10 } };
    const r = findQuote(newText, quote, { hint: 0, kept });
    expect(r.verdict).not.toBe('found');
    // Without knowing what was kept, the parallel sentence would have been taken.
    const blind = findQuote(newText, { ...quote, prefix: '' }, { hint: 0 });
    expect(blind.verdict === 'found' && newText.slice(blind.candidate!.start, blind.candidate!.end)).not.toBe('城市居民健康素养水平');
  });

  it('reports similar text that neither context nor position confirms, without taking it', () => {
    const quote = makeQuote('另一段：开展健康知识普及活动。', 4, 14);
    const r = findQuote('某市开展健康知识普及行动，效果明显。', quote, { hint: 0 });
    expect(r.verdict).toBe('unconfirmed');
    expect(r.candidate!.quoteSimilarity).toBeGreaterThanOrEqual(0.8);
  });

  it('says dissimilar or absent when nothing is close', () => {
    const quote = quoteOf(TEXT, '基本技能素养水平');
    expect(findQuote('完全无关的文字，讲的是别的事情。', quote, { hint: 0 }).verdict).toMatch(/dissimilar|absent/);
    expect(findQuote('', quote, { hint: 0 }).verdict).toBe('absent');
    expect(findQuote(TEXT, { exact: '', prefix: '', suffix: '' }, { hint: 0 }).verdict).toBe('absent');
  });

  it('finds a long quote far from the hint in a long text (window first, then the whole text)', () => {
    const filler = '这是用于填充的普通文字，不含目标内容。'.repeat(300);
    const target = '全省居民健康素养水平从2019年19.18%提升到2021年26.82%，城乡居民基本知识和理念素养水平较2019年明显提升。';
    const text = filler + target + filler;
    const quote = makeQuote(text, filler.length, filler.length + target.length);
    const edited = filler + target.replace('明显', '显著') + filler;
    const r = findQuote(edited, quote, { hint: 0 });
    expect(r.verdict).toBe('found');
    expect(r.candidate!.start).toBe(filler.length);
  });

  it('never returns offsets inside a surrogate pair', () => {
    const text = '村民纷纷点赞😀。再次点赞😁！';
    const quote = makeQuote('村民纷纷点赞😃。再', 0, 7);
    const r = findQuote(text, quote, { hint: 0 });
    const c = r.candidate!;
    for (const pos of [c.start, c.end]) expect(/[\udc00-\udfff]/.test(text[pos] ?? '') && /[\ud800-\udbff]/.test(text[pos - 1] ?? '')).toBe(false);
  });
});
