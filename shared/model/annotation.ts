/**
 * Offsets: every `start`/`end` stored by casebench counts UTF-16 code units of the case text of
 * revision `revision` (what JavaScript strings index). Exports convert at the edge, to code points
 * where the format says so (see shared/text/units.ts). The quote is always kept beside the offsets
 * so that an anchor can be checked and re-found.
 */
export interface TextQuote {
  exact: string;
  /** Up to QUOTE_CONTEXT characters before and after, for re-anchoring and for W3C TextQuoteSelector. */
  prefix: string;
  suffix: string;
}

export const QUOTE_CONTEXT = 32;

export type FieldValue = string | number | null;

/** Where a span came from: a person, a suggestion engine, or a file. */
export type SpanOrigin = 'manual' | 'suggestion' | 'import' | 'adjudication';

export interface SpanAnnotation {
  id: string;
  caseId: string;
  start: number;
  end: number;
  quote: TextQuote;
  /** A label id from the project's schema ("indicator", "lesson", …). */
  label: string;
  fields: Record<string, FieldValue>;
  note: string;
  reviewer: string;
  origin: SpanOrigin;
  /** The case text revision the offsets refer to. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** Set when re-anchoring could not place the span with confidence: it waits for a person. */
  orphan?: OrphanInfo;
  /** 'parser': the fields are the suggestion parser's, untouched by a person (read again when the text changes). */
  fieldsFrom?: 'parser';
  /** Set when a revision changed the span's text: its fields may no longer say what the text says. Cleared by an edit of the span. */
  textChanged?: TextChange;
}

export interface TextChange {
  /** The revision whose text the span quoted before. */
  fromRevision: number;
  /** The text it quoted then. */
  was: string;
  /** The fields came from the parser and were read again from the new text. */
  reparsed?: true;
}

export interface OrphanInfo {
  /** Offsets in the revision before the edit that orphaned it. */
  previousStart: number;
  previousEnd: number;
  fromRevision: number;
  reason: string;
  /** The best fuzzy match found, below the confidence bar; shown as a hint, never applied silently. */
  candidate?: { start: number; end: number; score: number };
}
