import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { offsetConverter, splitsSurrogatePair } from './units.ts';

describe('offsetConverter', () => {
  it.each([
    ['plain ASCII', 'abc', [[0, 0], [2, 2], [3, 3]]],
    ['CJK in the BMP', '健康中国', [[0, 0], [4, 4]]],
    ['one astral character', 'a𠀀b', [[0, 0], [1, 1], [3, 2], [4, 3]]],
    ['emoji and astral CJK', '😀指标𠀀', [[0, 0], [2, 1], [4, 3], [6, 4]]],
  ] as const)('%s', (_name, text, pairs) => {
    const conv = offsetConverter(text);
    for (const [u, c] of pairs) {
      expect(conv.toCodePoints(u)).toBe(c);
      expect(conv.toUtf16(c)).toBe(u);
    }
    expect(conv.codePointLength).toBe([...text].length);
  });

  it('round-trips every boundary that does not split a pair (property)', () => {
    const chars = fc.constantFrom('a', '中', '𠀀', '😀', '%', '\n');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const conv = offsetConverter(text);
        let u = 0;
        for (let c = 0; c <= parts.length; c++) {
          expect(conv.toUtf16(c)).toBe(u);
          expect(conv.toCodePoints(u)).toBe(c);
          u += parts[c]?.length ?? 0;
        }
      }),
    );
  });

  it('knows when an offset would split a surrogate pair', () => {
    expect(splitsSurrogatePair('a𠀀b', 2)).toBe(true);
    expect(splitsSurrogatePair('a𠀀b', 1)).toBe(false);
    expect(splitsSurrogatePair('a𠀀b', 3)).toBe(false);
  });
});
