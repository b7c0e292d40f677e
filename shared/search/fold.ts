/**
 * Folding for search: full-width and half-width forms compare equal (ＡＢＣ１２３％ and ABC123%,
 * （一） and (一)), Latin letters compare case-insensitively, and the ideographic space is a space.
 * Each UTF-16 unit folds to one unit, so a hit in the folded text is at the same offsets in the
 * original.
 */
export interface FoldedText {
  /** One character for each of the text's (folding maps a UTF-16 unit to one unit): offsets in it are the text's offsets. */
  folded: string;
}

export function foldChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII forms
  else if (c === 0x3000) c = 0x20; // ideographic space
  else if (c === 0x201c || c === 0x201d) c = 0x22; // “ ” → "
  else if (c === 0x2018 || c === 0x2019) c = 0x27; // ‘ ’ → '
  if (c >= 0x41 && c <= 0x5a) c += 32;
  return c;
}

/** The characters foldChar changes: any other stays, and the text is copied only where one is. */
const FOLDABLE = /[\uff01-\uff5e\u3000\u201c\u201d\u2018\u2019A-Z]/g;

export function fold(text: string): FoldedText {
  // A replace over the text, not a loop over every unit: most of a Chinese text folds to itself.
  return { folded: text.replace(FOLDABLE, (ch) => String.fromCharCode(foldChar(ch.charCodeAt(0)))) };
}

export function foldQuery(query: string): string {
  let out = '';
  for (let i = 0; i < query.length; i++) out += String.fromCharCode(foldChar(query.charCodeAt(i)));
  return out.replace(/\s+/g, ' ').trim();
}

/** For each folded unit, the other units that fold to it (ａ Ａ A for a; “ ” ＂ for "; the ideographic space for a space). */
let FOLDED_FROM: ReadonlyMap<number, readonly number[]> | null = null;
/** FOLDED_FROM, worked out on the first search (not when the module loads: every unit is tried). */
function foldedFrom(): ReadonlyMap<number, readonly number[]> {
  if (FOLDED_FROM) return FOLDED_FROM;
  const from = new Map<number, number[]>();
  for (let c = 0; c <= 0xffff; c++) {
    const f = foldChar(c);
    if (f !== c) from.set(f, [...(from.get(f) ?? []), c]);
  }
  return (FOLDED_FROM = from);
}

const unit = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/**
 * A pattern (global, matched unit by unit) for the places in a text that fold to `folded` (a
 * query folded by foldQuery): each unit of the query, or a class of it and the units that fold
 * to it. Searching the texts as they are with it finds what searching folded copies finds, and
 * no folded copy of a library's texts (as large as the texts) is kept.
 */
export function foldedPattern(folded: string): RegExp {
  let source = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const others = foldedFrom().get(c);
    source += others ? `[${unit(c)}${others.map(unit).join('')}]` : unit(c);
  }
  return new RegExp(source, 'g');
}
