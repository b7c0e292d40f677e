// Kangxi radicals (⽇ U+2F47), CJK radicals and compatibility ideographs: what Word's PDF export
// and some CJK fonts' ToUnicode maps give for ordinary characters (日). NFKC maps them back, so
// the text matches the vocabulary and search. PDF.js' own normalisation covers ligatures (ﬁ).
const CJK_COMPAT = /[\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]/u;

/** A glyph's text as the loader should read it: ligatures split, compatibility forms folded. */
export function normalizeGlyphText(text: string, normalizeUnicode: (s: string) => string): string {
  if (!text) return text;
  let out = normalizeUnicode(text);
  if (CJK_COMPAT.test(out)) out = out.normalize('NFKC');
  // Control characters (a font without a text map) carry no text.
  // oxlint-disable-next-line no-control-regex
  return out.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
