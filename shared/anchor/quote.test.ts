import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUOTE_CONTEXT } from '../model/annotation.ts';
import { splitsSurrogatePair } from '../text/units.ts';
import { makeQuote } from './quote.ts';

describe('makeQuote', () => {
  const text = '全省居民健康素养水平从2019年19.18%提升到2021年26.82%。';
  it.each([
    ['a span in the middle', 11, 16, { prefix: '全省居民健康素养水平从', exact: '2019年', suffix: '19.18%提升到2021年26.82%。' }],
    ['the whole text', 0, text.length, { prefix: '', exact: text, suffix: '' }],
    ['an empty span', 4, 4, { prefix: '全省居民', exact: '', suffix: text.slice(4, 4 + QUOTE_CONTEXT) }],
    ['offsets out of range are clamped', -5, 999, { prefix: '', exact: text, suffix: '' }],
    ['an end before the start gives an empty span', 6, 2, { prefix: '全省居民健康', exact: '', suffix: text.slice(6, 6 + QUOTE_CONTEXT) }],
  ] as const)('%s', (_name, start, end, quote) => {
    expect(makeQuote(text, start, end)).toEqual(quote);
  });

  it('keeps QUOTE_CONTEXT code units of context on each side', () => {
    const long = '健'.repeat(100) + '康' + '素'.repeat(100);
    expect(makeQuote(long, 100, 101)).toEqual({ prefix: '健'.repeat(QUOTE_CONTEXT), exact: '康', suffix: '素'.repeat(QUOTE_CONTEXT) });
  });

  it('shortens the context rather than cut an astral character in two', () => {
    // With 𠀀 at the far edge of each context window, a full window would start or end inside it.
    const t = '𠀀' + '健'.repeat(QUOTE_CONTEXT - 1) + '康' + '素'.repeat(QUOTE_CONTEXT - 1) + '😀';
    const q = makeQuote(t, QUOTE_CONTEXT + 1, QUOTE_CONTEXT + 2);
    expect(q).toEqual({ prefix: '健'.repeat(QUOTE_CONTEXT - 1), exact: '康', suffix: '素'.repeat(QUOTE_CONTEXT - 1) });
  });

  it('never yields a context with half a surrogate pair (property)', () => {
    const chars = fc.constantFrom('健', '康', '𠀀', '😀', '，');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), fc.nat(80), fc.nat(10), (parts, at, size) => {
        const t = parts.join('');
        let start = Math.min(t.length, at);
        if (splitsSurrogatePair(t, start)) start--;
        let end = Math.min(t.length, start + size);
        if (splitsSurrogatePair(t, end)) end++;
        const q = makeQuote(t, start, end);
        expect(t.slice(start - q.prefix.length, end + q.suffix.length)).toBe(q.prefix + q.exact + q.suffix);
        expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(q.prefix) || /^[\udc00-\udfff]|[\ud800-\udbff]$/.test(q.suffix)).toBe(false);
        expect(q.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
        expect(q.suffix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
      }),
    );
  });
});
