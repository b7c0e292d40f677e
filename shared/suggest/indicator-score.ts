import type { Section } from '../model/sections.ts';
import type { IndicatorDraft, IndicatorKind } from './indicator-draft.ts';
import { sectionAt, sectionWeight } from './section-weight.ts';

/**
 * How sure the kind of figure makes us: a change is almost always reported as a result; a
 * bare count ("7个模块") is as often a description of the work as a measure of it.
 */
const TYPE_CONFIDENCE: Readonly<Record<IndicatorKind, number>> = { change: 1, ranking: 0.9, rate: 0.9, amount: 0.8, count: 0.75 };
const UNITLESS_CONFIDENCE = 0.6;

/** Half where the figure stands (its section), half what kind of figure it is. */
export function indicatorScore(d: IndicatorDraft, sections: readonly Section[]): number {
  const confidence = d.kind !== 'change' && !d.unit ? UNITLESS_CONFIDENCE : TYPE_CONFIDENCE[d.kind];
  return 0.5 * sectionWeight(sectionAt(sections, d.start)) + 0.5 * confidence;
}
