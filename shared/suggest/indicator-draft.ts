import type { Candidate } from './candidates.ts';
import type { Direction } from './direction-words.ts';
import type { Approx } from './quantity.ts';

export type IndicatorKind = 'count' | 'rate' | 'amount' | 'change' | 'ranking';
export type ChangeUnit = 'pp' | '%' | 'abs';

/** An indicator found in the text before its metric and score are settled. */
export interface IndicatorDraft {
  start: number;
  end: number;
  kind: IndicatorKind;
  /** The candidate whose number this indicator is on (the later value of a change). */
  main: Candidate;
  value: number | null;
  valueMax: number | null;
  unit: string;
  approx: Approx;
  baseline: number | null;
  baselineYear: number | null;
  year: number | null;
  direction: Direction | null;
  change: number | null;
  changeUnit: ChangeUnit | null;
  /** Set when the metric is known from the construction (a "分别" list). */
  metric?: string;
  /** For a "分别" list: the offset where the shared subject ends (the 分别 or the 从/由). */
  listHead?: number;
  listIndex?: number;
  listSize?: number;
}

export function plainDraft(c: Candidate): IndicatorDraft {
  const kind: IndicatorKind = c.kind === 'rate' ? 'rate' : c.kind === 'count' ? 'count' : c.kind === 'ranking' ? 'ranking' : 'amount';
  return {
    start: c.start,
    end: c.end,
    kind,
    main: c,
    value: c.value,
    valueMax: c.valueMax,
    unit: c.unit,
    approx: c.approx,
    baseline: null,
    baselineYear: null,
    year: null,
    direction: null,
    change: null,
    changeUnit: null,
  };
}
