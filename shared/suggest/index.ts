/**
 * Suggestions: the spans reviewers mark most often, proposed and parsed for one-key accept or
 * reject — quantitative indicators (指标) and lessons (经验启示). Pure functions of a case's text
 * and sections: no DOM, no Node, no state.
 */
import type { Section } from '../model/sections.ts';
import { suggestIndicators } from './indicators.ts';
import { suggestLessons } from './lessons.ts';
import type { Suggestion } from './suggestion.ts';

export type { Suggestion } from './suggestion.ts';
export { suggestIndicators } from './indicators.ts';
export { suggestLessons } from './lessons.ts';

/** Indicators and lessons together, in text order (a lesson before the indicators inside it). */
export function suggest(text: string, sections: readonly Section[]): Suggestion[] {
  const all = [...suggestIndicators(text, sections), ...suggestLessons(text, sections)];
  return all.sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
}
