import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MappedString, mapToRaw } from './mapped-string.ts';

/** Every character that was copied (not made up) must map back to itself in the raw text. */
function checkCopiedCharacters(raw: string, s: MappedString, madeUp: ReadonlySet<string>) {
  for (let i = 0; i < s.length; i++) {
    if (madeUp.has(s.text[i]!)) continue;
    expect(raw[s.toRaw(i)]).toBe(s.text[i]);
    expect(mapToRaw(s.toData(), i)).toBe(s.toRaw(i));
  }
}

const alphabet = fc.constantFrom('健', '康', '中', '国', '𠀀', '😀', 'a', '1', '%', '。', ' ', '\n', '<', '>', 'p', '*');

describe('MappedString', () => {
  it('slices, trims, replaces and concatenates with the map intact (property)', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const raw = chars.join('');
        const full = MappedString.fromRaw(raw);
        const x = Math.min(a % (raw.length + 1), b % (raw.length + 1));
        const y = Math.max(a % (raw.length + 1), b % (raw.length + 1));
        const sliced = full.slice(x, y).trim();
        checkCopiedCharacters(raw, sliced, new Set());
        const stripped = full.replace(/<\/?p>|\*\*/g, '');
        checkCopiedCharacters(raw, stripped, new Set());
        expect(stripped.text).toBe(raw.replace(/<\/?p>|\*\*/g, ''));
        const joined = MappedString.join([full.slice(0, x), full.slice(y)], '\n');
        expect(joined.text).toBe(raw.slice(0, x) + '\n' + raw.slice(y));
        for (let i = 0; i < joined.length; i++) {
          if (i === x) continue; // the joining "\n" is made up
          expect(raw[joined.toRaw(i)]).toBe(joined.text[i]);
        }
      }),
    );
  });

  it('maps made-up characters to the raw position after the copied one before them', () => {
    const raw = '第一段。\n\n第二段。';
    const a = MappedString.fromRaw(raw, 0, 4);
    const b = MappedString.fromRaw(raw, 6, 10);
    const joined = MappedString.join([a, b], '\n');
    expect(joined.text).toBe('第一段。\n第二段。');
    expect(joined.toRaw(4)).toBe(4);
    expect(joined.toRawRange(5, 9)).toEqual({ start: 6, end: 10 });
  });

  it('merges contiguous runs so the map stays small', () => {
    const raw = '健康中国行动';
    const s = MappedString.concat([MappedString.fromRaw(raw, 0, 2), MappedString.fromRaw(raw, 2, 6)]);
    expect(s.runs).toEqual([0, 0, 6]);
  });

  it('never loses the position of an empty string', () => {
    const s = MappedString.fromRaw('abc', 0, 3).slice(2, 2);
    expect(s.text).toBe('');
    expect(s.rawStart).toBe(2);
  });
});
