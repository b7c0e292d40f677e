import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapRange } from './snap.ts';

/** Mark a selection with [ and ] in a string; returns the text and the range. */
function parse(marked: string) {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { text: marked.replace('[', '').replace(']', ''), range: { start, end } };
}

describe('snapRange', () => {
  it.each([
    ['keeps a percentage whole when the selection ends inside it', '提升到2021年[26.8]2%。', '26.82%'],
    ['keeps a percentage whole when the selection starts inside it', '提升到2021年2[6.82%]。', '26.82%'],
    ['takes the percent sign with the number', '达到[91]%，', '91%'],
    ['keeps full-width digits whole', '覆盖率达到[９]１％。', '９１％'],
    ['keeps thousands separators inside the number', '推送超过[1,2]00人次', '1,200'],
    ['drops a trailing comma after a number', '共[12,]新增', '12'],
    ['does not grow across a full stop', '[1.42]kg。', '1.42'],
    ['does not touch a clean selection', '全省居民[健康素养水平]从', '健康素养水平'],
    ['trims spaces and line breaks at the edges', '达到[ 80万小时 \n]以上', '80万小时'],
    ['drops clause punctuation a clause-wise selection picked up', '截至[2023年，]全市', '2023年'],
    ['… at the start too', '全市[、各区县]均', '各区县'],
    ['keeps the full stop of a sentence', '[领导重视是前提。]技术', '领导重视是前提。'],
    ['never keeps half of an emoji (end)', '[好\ud83d]\ude00吗', '好😀'],
  ])('%s', (_name, marked, expected) => {
    const { text, range } = parse(marked);
    const snapped = snapRange(text, range);
    expect(text.slice(snapped.start, snapped.end)).toBe(expected);
  });

  it('never keeps half of an astral character at the start', () => {
    const text = '𠀀村人均减重';
    expect(snapRange(text, { start: 1, end: 5 })).toEqual({ start: 0, end: 5 });
    expect(text.slice(0, 5)).toBe('𠀀村人均');
  });

  it('normalises a backwards selection', () => {
    expect(snapRange('健康中国', { start: 3, end: 1 })).toEqual({ start: 1, end: 3 });
  });

  it('never splits a surrogate pair and never grows past the text (property)', () => {
    const chars = fc.constantFrom('健', '𠀀', '😀', '1', '2', '.', '%', ' ', '\n', '，', '。');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const r = snapRange(text, { start: a % (text.length + 1), end: b % (text.length + 1) });
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(r.start).toBeLessThanOrEqual(r.end);
        const hi = (i: number) => i > 0 && i < text.length && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
        expect(hi(r.start)).toBe(false);
        expect(hi(r.end)).toBe(false);
        if (r.end > r.start) {
          expect(/\s/.test(text[r.start]!)).toBe(false);
          expect(/\s/.test(text[r.end - 1]!)).toBe(false);
        }
      }),
    );
  });
});
