import { offsetConverter, splitsSurrogatePair } from '../../text/units.ts';
import type { OffsetUnit } from '../types.ts';

export type QuoteCheck =
  | { ok: true; /** UTF-16 offsets into the case text. */ start: number; end: number; quote: string }
  | { ok: false; reason: 'offsets' | 'mismatch'; message: string };

/**
 * Checks an imported span against its case text: the offsets must fit the text (in the unit they
 * are given in) and, when the record carries a quote, the text there must be the quote. On
 * success it returns UTF-16 offsets. When the quote only matches under the other unit, the message
 * says so: the commonest import mistake is code point offsets from Python read as UTF-16.
 */
export function checkQuote(caseText: string, span: { start: number; end: number; quote?: string; unit?: OffsetUnit }): QuoteCheck {
  const unit = span.unit ?? 'utf16';
  const located = locate(caseText, span.start, span.end, unit);
  if (typeof located === 'string') {
    const other = otherUnitHint(caseText, span, unit);
    return { ok: false, reason: 'offsets', message: `${located}${other}` };
  }
  const actual = caseText.slice(located.start, located.end);
  if (span.quote === undefined || span.quote === actual) return { ok: true, ...located, quote: actual };
  return {
    ok: false,
    reason: 'mismatch',
    message: `quote mismatch at ${span.start}–${span.end} (${unitName(unit)}): the file says ${JSON.stringify(span.quote)} but the case text has ${JSON.stringify(actual)}${otherUnitHint(caseText, span, unit)}`,
  };
}

function locate(text: string, start: number, end: number, unit: OffsetUnit): { start: number; end: number } | string {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return `offsets ${start}–${end} are not whole numbers with 0 ≤ start ≤ end`;
  if (unit === 'codepoint') {
    const conv = offsetConverter(text);
    if (end > conv.codePointLength) return `offsets ${start}–${end} (code points) reach beyond the case text (${conv.codePointLength} code points)`;
    return { start: conv.toUtf16(start), end: conv.toUtf16(end) };
  }
  if (end > text.length) return `offsets ${start}–${end} (UTF-16 units) reach beyond the case text (${text.length} UTF-16 units)`;
  for (const at of [start, end]) {
    if (splitsSurrogatePair(text, at)) return `offset ${at} (UTF-16 units) falls inside the character ${JSON.stringify(text.slice(at - 1, at + 1))}`;
  }
  return { start, end };
}

/** A hint when the span is right under the other unit. */
function otherUnitHint(text: string, span: { start: number; end: number; quote?: string }, unit: OffsetUnit): string {
  const other: OffsetUnit = unit === 'utf16' ? 'codepoint' : 'utf16';
  const located = locate(text, span.start, span.end, other);
  if (typeof located === 'string' || span.quote === undefined) return '';
  return text.slice(located.start, located.end) === span.quote ? `; it matches if the offsets count ${unitName(other)}: set "unit": "${other}"` : '';
}

const unitName = (unit: OffsetUnit) => (unit === 'utf16' ? 'UTF-16 units' : 'code points');
