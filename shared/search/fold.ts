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
