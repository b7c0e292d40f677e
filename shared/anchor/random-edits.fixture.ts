import fc from 'fast-check';

/**
 * Random edits of Chinese case text for property tests, with provenance: for every code point of
 * the edited text, the UTF-16 offset it had in the old text (or -1 if it was typed in). Edits
 * work on code points, as an editor does, so no edit ever splits a surrogate pair.
 */

export interface EditedText {
  oldText: string;
  newText: string;
  /** For each UTF-16 unit of newText: the old UTF-16 offset of its code point's first unit, or -1. */
  origin: Int32Array;
}

export interface EditOp {
  /** Where, as a fraction of the text length. */
  at: number;
  /** A move cuts `size` code points (times 20: a sentence or so) and pastes them at `to`. */
  kind: 'insert' | 'delete' | 'replace' | 'move';
  size: number;
  /** Where a move pastes, as a fraction of the text length after the cut. */
  to: number;
  /** Inserted characters. */
  chars: string[];
}

/** Characters an editor types: common Chinese characters and punctuation, digits, astral characters, line breaks. */
export const ALPHABET = [...'的健康素养水平居民提升全省工作推进，。、；“”（）0123456789%\n', '𠀀', '😀', '👍'];
/**
 * Characters found in none of the corpus texts. Typed text made of them can never recreate old
 * text, so a span placed on text that is neither its own nor typed is provably misplaced.
 */
export const FOREIGN_ALPHABET = [...'〇ㄅㄆㄇ甲乙丙丁戊壬庚辛', '\n', '𠀁', '😃'];

export function editOpArb(alphabet: readonly string[] = ALPHABET): fc.Arbitrary<EditOp> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    kind: fc.constantFrom('insert', 'delete', 'replace', 'move'),
    size: fc.integer({ min: 1, max: 4 }),
    to: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    chars: fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }),
  });
}

/** An old text: a base text with astral characters sprinkled in at the given fractions. */
export function withAstral(base: string, at: readonly number[]): string {
  const cps = [...base];
  for (const f of at) cps.splice(Math.floor(f * cps.length), 0, f < 0.5 ? '𠀀' : '😀');
  return cps.join('');
}

export function applyEdits(oldText: string, ops: readonly EditOp[]): EditedText {
  // Code points of the text, each with its old offset.
  const cps: { ch: string; from: number }[] = [];
  let offset = 0;
  for (const ch of oldText) {
    cps.push({ ch, from: offset });
    offset += ch.length;
  }
  for (const op of ops) {
    const pos = Math.floor(op.at * (cps.length + 1));
    const typed = op.chars.map((ch) => ({ ch, from: -1 }));
    if (op.kind === 'insert') cps.splice(pos, 0, ...typed);
    else if (op.kind === 'delete') cps.splice(pos, op.size);
    else if (op.kind === 'replace') cps.splice(pos, op.size, ...typed);
    else {
      const cut = cps.splice(pos, op.size * 20);
      cps.splice(Math.floor(op.to * (cps.length + 1)), 0, ...cut);
    }
  }
  const newText = cps.map((c) => c.ch).join('');
  const origin = new Int32Array(newText.length);
  let at = 0;
  for (const c of cps) {
    for (let k = 0; k < c.ch.length; k++) origin[at + k] = c.from < 0 ? -1 : c.from + k;
    at += c.ch.length;
  }
  return { oldText, newText, origin };
}

/** UTF-16 offsets of every code point boundary of `text`, ascending. */
export function codePointBoundaries(text: string): number[] {
  const out = [0];
  let at = 0;
  for (const ch of text) out.push((at += ch.length));
  return out;
}
