/**
 * The printed width of a line in half-width units: a CJK character or full-width form counts 2,
 * ASCII counts 1. Hard-wrapped text from PDFs and newspapers breaks at a fixed printed width, not
 * at a fixed number of characters, so line-joining decisions compare widths.
 */
export function visualWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xd800 && c <= 0xdbff) || // astral (𠀀, emoji): wide
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026
  );
}

/** Characters that end a sentence or a clause list in Chinese text, plus closing quotes after them. */
export const SENTENCE_END = /[。！？!?；;…]["”’」』)）]*$|[。！？!?]\s*["”’」』]$/;

/** The characters of each set as UTF-16 codes: looked up by code, no one-character string is made per test. */
const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const ENDS = codes('。！？!?；;…');
const CLOSERS = codes('"”’」』)）');
const STOPS = codes('。！？!?');
const QUOTES = codes('"”’」』');
const SPACE = /\s/;

/**
 * True when the text ends where a paragraph may end: a sentence-final mark, optionally closed by
 * quotes/brackets (SENTENCE_END). Read from the end: the joiner asks of every line, and a regex
 * anchored at the end still scans the whole line for its first character.
 */
export function endsSentence(text: string): boolean {
  let j = text.length - 1;
  while (j >= 0 && CLOSERS.has(text.charCodeAt(j))) j--;
  if (j >= 0 && ENDS.has(text.charCodeAt(j))) return true;
  // A stop, spaces, and one closing quote ("。 ”").
  const last = text.length - 1;
  if (last < 1 || !QUOTES.has(text.charCodeAt(last))) return false;
  let k = last - 1;
  while (k >= 0 && SPACE.test(text[k]!)) k--;
  return k >= 0 && STOPS.has(text.charCodeAt(k));
}

/** Is `ch` a CJK ideograph or full-width punctuation, between which no space belongs? */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdbff) || c === 0x201c || c === 0x201d;
}
