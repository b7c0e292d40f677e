import type { Section, SectionKind } from '../model/sections.ts';

/**
 * Where a suggestion sits, and how much that says about it. A figure under 成效 is what the
 * case reports as its result; one under 工作背景 more often describes the problem or a national
 * target. The weights are priors, not rules: every number is still proposed.
 */
const KIND_WEIGHT: Readonly<Record<SectionKind, number>> = {
  results: 0.95,
  practices: 0.7,
  lessons: 0.6,
  other: 0.65,
  background: 0.5,
  // Problems are described with figures of what is wrong; plans with targets not yet reached.
  problems: 0.45,
  plans: 0.4,
};
/** Cases without headings (newspaper reports, table rows) are read as a mix. */
const NO_SECTION_WEIGHT = 0.7;

/** The innermost section containing `offset`, or null. */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.start <= offset && offset < s.end && (!best || s.level >= best.level)) best = s;
  }
  return best;
}

/** "（三）体重控制成效显著": numbering and heading, as a reviewer sees it. */
export function sectionLabel(section: Section | null): string | null {
  return section ? `${section.numbering}${section.heading}`.trim() : null;
}

/** The weight of the section kinds; a merged section ("成效和经验") takes its strongest kind. */
export function sectionWeight(section: Section | null): number {
  if (!section) return NO_SECTION_WEIGHT;
  return Math.max(...section.kinds.map((k) => KIND_WEIGHT[k]));
}
