import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsSentence, SENTENCE_END, visualWidth } from './width.ts';

describe('endsSentence', () => {
  it.each([
    ['覆盖率达到95%。', true],
    ['他说：“要坚持预防为主。”', true],
    ['取得明显成效；', true],
    ['（见附件）。）', true],
    ['是什么？ ”', true],
    ['一、工作背景', false],
    ['推进健康促进，', false],
    ['”', false],
    ['', false],
  ])('%s → %s', (text, yes) => {
    expect(endsSentence(text)).toBe(yes);
  });

  it('reads as SENTENCE_END does, on any text of its characters', () => {
    const chars = fc.constantFrom('。', '！', '？', '!', '?', '；', ';', '…', '"', '”', '’', '」', '』', ')', '）', ' ', '\u3000', '\t', '字', 'a', '，');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (text) => endsSentence(text) === SENTENCE_END.test(text)), { numRuns: 5000 });
  });
});

describe('visualWidth', () => {
  it('counts ideographs, full-width forms and astral characters as two columns, ASCII as one', () => {
    expect(visualWidth('健康ab１𠀀😀')).toBe(2 + 2 + 1 + 1 + 2 + 2 + 2);
  });
});
