import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuote } from './check-quote.ts';

// UTF-16: 😀 0–2, 覆盖率达到 2–7, 26.82% 7–13. Code points: 😀 0, 覆盖率达到 1–6, 26.82% 6–12.
const TEXT = '😀覆盖率达到26.82%';

describe('checkQuote', () => {
  it.each([
    ['UTF-16 offsets with a matching quote', { start: 7, end: 13, quote: '26.82%' }, { ok: true, start: 7, end: 13, quote: '26.82%' }],
    ['code point offsets, converted', { start: 6, end: 12, quote: '26.82%', unit: 'codepoint' as const }, { ok: true, start: 7, end: 13, quote: '26.82%' }],
    ['no quote to check: the text there', { start: 0, end: 2 }, { ok: true, start: 0, end: 2, quote: '😀' }],
    ['an empty span at the end', { start: 13, end: 13, quote: '' }, { ok: true, start: 13, end: 13, quote: '' }],
  ])('accepts %s', (_name, span, expected) => {
    expect(checkQuote(TEXT, span)).toEqual(expected);
  });

  it.each([
    [
      'code point offsets read as UTF-16, with a hint',
      { start: 6, end: 12, quote: '26.82%' },
      'mismatch',
      'quote mismatch at 6–12 (UTF-16 units): the file says "26.82%" but the case text has "到26.82"; it matches if the offsets count code points: set "unit": "codepoint"',
    ],
    ['a quote that is simply different', { start: 7, end: 13, quote: '26.8%' }, 'mismatch', 'quote mismatch at 7–13 (UTF-16 units): the file says "26.8%" but the case text has "26.82%"'],
    ['offsets past the end', { start: 7, end: 40 }, 'offsets', 'offsets 7–40 (UTF-16 units) reach beyond the case text (13 UTF-16 units)'],
    ['code point offsets past the end', { start: 0, end: 13, unit: 'codepoint' as const }, 'offsets', 'offsets 0–13 (code points) reach beyond the case text (12 code points)'],
    ['an offset inside the emoji', { start: 1, end: 7 }, 'offsets', 'offset 1 (UTF-16 units) falls inside the character "😀"'],
    ['reversed offsets', { start: 5, end: 2 }, 'offsets', 'offsets 5–2 are not whole numbers with 0 ≤ start ≤ end'],
    ['a fraction', { start: 0.5, end: 2 }, 'offsets', 'offsets 0.5–2 are not whole numbers with 0 ≤ start ≤ end'],
  ])('rejects %s', (_name, span, reason, message) => {
    expect(checkQuote(TEXT, span)).toEqual({ ok: false, reason, message });
  });

  it('accepts every span taken from the text, in either unit (property)', () => {
    const chars = fc.array(fc.constantFrom('中', '𠀀', '😀', 'a', '\n'), { maxLength: 30 });
    fc.assert(
      fc.property(chars, fc.nat(), fc.nat(), (cs, a, b) => {
        const text = cs.join('');
        const [s, e] = [a % (cs.length + 1), b % (cs.length + 1)].sort((x, y) => x - y) as [number, number];
        const u = (cp: number) => cs.slice(0, cp).join('').length;
        const quote = cs.slice(s, e).join('');
        expect(checkQuote(text, { start: s, end: e, quote, unit: 'codepoint' })).toEqual({ ok: true, start: u(s), end: u(e), quote });
        expect(checkQuote(text, { start: u(s), end: u(e), quote })).toEqual({ ok: true, start: u(s), end: u(e), quote });
      }),
    );
  });
});
