import type { FieldValue } from '../model/annotation.ts';
import type { Section } from '../model/sections.ts';
import { splitsSurrogatePair } from '../text/units.ts';
import { sectionAt, sectionLabel } from './section-weight.ts';

/** A proposed span, ready for one-key accept or reject. Offsets are UTF-16 code units of the case text. */
export interface Suggestion {
  label: 'indicator' | 'lesson';
  start: number;
  end: number;
  /** Always `caseText.slice(start, end)`. */
  text: string;
  fields: Record<string, FieldValue>;
  /** The heading of the innermost section the span starts in ("（三）体重控制成效显著"), or null. */
  section: string | null;
  /** Confidence in [0, 1]. */
  score: number;
}

/**
 * Build a suggestion, trimming whitespace at its edges and widening any edge that would fall
 * inside a surrogate pair, so that the span always cuts the text between characters.
 */
export function makeSuggestion(
  label: Suggestion['label'],
  text: string,
  sections: readonly Section[],
  start: number,
  end: number,
  fields: Record<string, FieldValue>,
  score: number,
): Suggestion {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (splitsSurrogatePair(text, s)) s--;
  if (splitsSurrogatePair(text, e)) e++;
  return {
    label,
    start: s,
    end: e,
    text: text.slice(s, e),
    fields,
    section: sectionLabel(sectionAt(sections, s)),
    score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
  };
}
