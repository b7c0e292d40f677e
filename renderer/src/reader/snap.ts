/**
 * Snapping a selection to sensible boundaries before it becomes a span: never half a character
 * (a surrogate pair of 𠀀 or an emoji), never half a number ("26.82%" stays whole, with its
 * percent sign or unit-less decimal), no whitespace, line break or clause comma at either end.
 */
export interface Range {
  start: number;
  end: number;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Characters that belong to a number token: digits (both widths), decimal point, thousands separator. */
const NUMBER = /[0-9０-９.．,，]/;
const DIGIT = /[0-9０-９]/;
/** Characters that stick to the end of a number. */
const NUMBER_SUFFIX = /[%％‰]/;
const SPACE = /[\s\u3000]/;
/** Punctuation between clauses: a comma, enumeration comma, semicolon or colon. */
const CLAUSE_MARK = /[，、；：,;:]/;

export function snapRange(text: string, range: Range): Range {
  let start = Math.max(0, Math.min(range.start, range.end));
  let end = Math.min(text.length, Math.max(range.start, range.end));

  // Whole characters: move out of the middle of a surrogate pair (an empty range moves back).
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end = end === start + 1 && range.start === range.end ? start : end + 1;

  // Whitespace and line breaks at the edges are never part of a span, nor is the clause
  // punctuation a clause-wise selection (Ctrl+Shift+→) picks up at either end ("2023年，").
  // A sentence's own full stop stays: a lesson is quoted as the sentence it is.
  while (start < end && (SPACE.test(text[start]!) || CLAUSE_MARK.test(text[start]!))) start++;
  while (end > start && (SPACE.test(text[end - 1]!) || CLAUSE_MARK.test(text[end - 1]!))) end--;
  if (start === end) return { start, end };

  // Whole numbers: a boundary inside a number token moves outward to the token's edge.
  if (start > 0 && isNumberChar(text, start) && isNumberChar(text, start - 1)) {
    while (start > 0 && isNumberChar(text, start - 1)) start--;
  }
  if (end < text.length && end > 0 && isNumberChar(text, end - 1) && (isNumberChar(text, end) || NUMBER_SUFFIX.test(text[end]!))) {
    while (end < text.length && isNumberChar(text, end)) end++;
    if (end < text.length && NUMBER_SUFFIX.test(text[end]!)) end++;
  }
  // A number's trailing separator ("达到80,") is punctuation, not part of it.
  while (end > start + 1 && /[,，.．]/.test(text[end - 1]!) && DIGIT.test(text[end - 2]!) && !DIGIT.test(text[end] ?? '')) end--;
  return { start, end };
}

/** A digit, or a separator between digits (so "。" after "26.82%" is not a number character). */
function isNumberChar(text: string, i: number): boolean {
  const ch = text[i];
  if (!ch || !NUMBER.test(ch)) return false;
  if (DIGIT.test(ch)) return true;
  return DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? '');
}
