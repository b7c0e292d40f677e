import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldChar, foldedPattern, foldQuery } from './fold.ts';

describe('fold', () => {
  it('folds each UTF-16 unit to one, as foldChar says (so offsets in the folded text are the text’s)', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xff21, 0xff41, 0xff10, 0x3000, 0x201c, 0x2019, 0x41, 0x5a, 0xd840, 0xdc00));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (codes) => {
        const text = String.fromCharCode(...codes);
        const folded = fold(text).folded;
        expect(folded.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) expect(folded.charCodeAt(i)).toBe(foldChar(text.charCodeAt(i)));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['ＡＢＣ１２３％', 'abc123%'],
    ['（一）“健康”　Ａ', '(一)"健康" a'],
    ['𠀀😀健康', '𠀀😀健康'],
  ])('folds %s to %s', (text, folded) => expect(fold(text).folded).toBe(folded));
});

describe('foldedPattern', () => {
  it('matches a unit exactly when it folds to the query unit', () => {
    const interesting = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x20, 0x3000, 0x22, 0x201c, 0x201d, 0x27, 0x2018, 0x61, 0x41, 0xff41, 0xff21, 0x31, 0xff11, 0x5065));
    fc.assert(
      fc.property(interesting, interesting, (q, t) => {
        const folded = String.fromCharCode(foldChar(q));
        const pattern = foldedPattern(folded);
        expect(pattern.test(String.fromCharCode(t))).toBe(foldChar(t) === foldChar(q));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['ai', '采用ＡＩ技术，Ai与aI', ['ＡＩ', 'Ai', 'aI']],
    ['"健康"', '“健康”与"健康"', ['“健康”', '"健康"']],
    ['(一)', '（一）和(一)', ['（一）', '(一)']],
    ['𠀀村', '𠀀村😀𠀀村', ['𠀀村', '𠀀村']],
    ['a b', 'a　b a b a  b', ['a　b', 'a b']],
  ])('for %s finds in %s', (query, text, found) => {
    expect([...text.matchAll(foldedPattern(foldQuery(query)))].map((m) => m[0])).toEqual(found);
  });
});
