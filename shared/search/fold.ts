/**
 * Folding for search: full-width and half-width forms compare equal (ＡＢＣ１２３％ and ABC123%,
 * （一） and (一)), Latin letters compare case-insensitively, and the ideographic space is a space.
 * The folded text keeps, for every folded character, the offset of the original character it
 * came from, so a hit is reported in the original text's offsets.
 */
export interface FoldedText {
  folded: string;
  /** origin[i] = offset in the original text of folded character i; origin[folded.length] = text length. */
  origin: Int32Array;
}

export function foldChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII forms
  else if (c === 0x3000) c = 0x20; // ideographic space
  else if (c === 0x201c || c === 0x201d) c = 0x22; // “ ” → "
  else if (c === 0x2018 || c === 0x2019) c = 0x27; // ‘ ’ → '
  if (c >= 0x41 && c <= 0x5a) c += 32;
  return c;
}

export function fold(text: string): FoldedText {
  const codes = new Uint16Array(text.length);
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    codes[i] = foldChar(text.charCodeAt(i));
    origin[i] = i;
  }
  origin[text.length] = text.length;
  let folded = '';
  for (let i = 0; i < codes.length; i += 8192) folded += String.fromCharCode(...codes.subarray(i, i + 8192));
  return { folded, origin };
}

export function foldQuery(query: string): string {
  let out = '';
  for (let i = 0; i < query.length; i++) out += String.fromCharCode(foldChar(query.charCodeAt(i)));
  return out.replace(/\s+/g, ' ').trim();
}
