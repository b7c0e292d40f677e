/**
 * How a character is written in a CoNLL token column. CoNLL readers split fields on whitespace,
 * and Python's readers end a line at \r, \v, \f, U+001C–U+001E, NEL, U+2028 and U+2029: such a
 * character written raw would shift the columns or cut the line. So whitespace (JavaScript's \s:
 * spaces, tabs, U+3000, line and paragraph separators) and control characters (C0, DEL, C1) are
 * written as \u and the code point in 4 to 6 upper-case hex digits; every other character is
 * itself. A token of more than one character is therefore always an escape, and a lone backslash
 * is a backslash.
 */
export const ESCAPING_RULE =
  'whitespace and control characters (spaces, tabs, U+3000, U+0000-U+001F, U+007F-U+009F, U+2028, U+2029) are written \\uXXXX (the code point, 4 to 6 hex digits); a newline of the text is a blank line; every other character is itself';

const ESCAPED = /^[\s\p{Cc}]$/u;
const tokens = new Map<number, string>();

/** The character as written in the char column: itself, or \uXXXX. */
export function conllToken(cp: number): string {
  let token = tokens.get(cp);
  if (token === undefined) {
    const ch = String.fromCodePoint(cp);
    token = ESCAPED.test(ch) ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}` : ch;
    tokens.set(cp, token);
  }
  return token;
}

/** A token read back: one character, or a \uXXXX escape; null when it is neither. */
export function decodeConllToken(token: string): string | null {
  const cps = [...token];
  if (cps.length === 1) return token;
  const m = /^\\u([0-9A-F]{4,6})$/.exec(token);
  if (!m) return null;
  const cp = Number.parseInt(m[1]!, 16);
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : null;
}
