import type { FieldValue } from '../../model/annotation.ts';

/**
 * The shape of the hand-labelled evaluation set. Spans are identified by quote, not offsets, so
 * the set survives changes to the loader's normalisation; `resolveGold` turns them into offsets
 * against whatever the loader produces today, and fails loudly when a quote no longer resolves.
 */
export interface GoldIndicator {
  /** The span a reviewer would mark, exactly as it appears in the case text. */
  quote: string;
  /** Which occurrence of `quote` in the case text, 0-based, when it repeats (default 0). */
  occurrence?: number;
  /**
   * The number a suggestion must cover to match. Default: the first number in the quote that is
   * not a year (for "从2019年19.18%提升到2021年26.82%", 19.18), or the whole quote when it has no digits.
   */
  number?: string;
  /** Expected parsed fields, given for change expressions and checked by the field-accuracy figure. */
  fields?: Partial<Record<ChangeField, FieldValue>>;
  /**
   * The metric's name as an editor would print it in the first column of an indicator table (see
   * METRIC NAMES in gold.ts); several when more than one wording is right. Given for part of the
   * set, and scored by the metric-name figure.
   */
  metric?: string | readonly string[];
}

export const CHANGE_FIELDS = ['baseline', 'baselineYear', 'value', 'year', 'direction', 'change', 'changeUnit'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export interface GoldLesson {
  /** The first characters of the lesson span (its enumeration marker and lead). */
  from: string;
  /** The last characters of the lesson span. */
  to: string;
  /** Which occurrence of `from` in the case text, 0-based (default 0). */
  occurrence?: number;
  /** The lead phrase a reviewer would write as the headline. */
  headline: string;
}

export interface GoldCase {
  /** Document id as in seeds/manifest.json. */
  doc: string;
  /** The case title as the loader gives it; the case is found by title within its document. */
  title: string;
  indicators: GoldIndicator[];
  lessons: GoldLesson[];
}
