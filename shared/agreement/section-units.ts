import { SECTION_KINDS, type SectionKind } from '../model/sections.ts';
import type { CaseSections, TaggedSection } from '../model/review.ts';
import type { RatingTable } from './rating-table.ts';

/**
 * How a section's kinds become one nominal value (a section may carry several, "成效和经验"):
 *  - 'set':     the whole set, in SECTION_KINDS order, joined by "+" ("results+lessons"); two
 *               reviewers agree only when they chose the same kinds. The default: it is what
 *               the outline shows, and a missed second kind is a real disagreement.
 *  - 'primary': the first kind the reviewer's section lists (for a heading like "成效和经验",
 *               the one the heading names first).
 *  - { has }:   "yes" / "no" for one kind: the per-kind view, one table per kind.
 */
export type SectionKindCoding = 'set' | 'primary' | { has: SectionKind };

/** A unit of section-kind agreement: one section start in one revision of a case text. */
export interface SectionUnit {
  caseId: string;
  revision: number;
  start: number;
  /** The heading as the first reviewer (by name) who has this section wrote it. */
  heading: string;
  level: number;
}

export interface SectionTableOptions {
  coding?: SectionKindCoding;
  /** Only sections at this level (1: the top-level 一、二、 sections). Default: every level. */
  level?: number;
  /**
   * Count sections the reviewer neither confirmed nor edited (loader proposals they left alone).
   * Default false: agreeing by leaving the same proposal untouched would inflate agreement.
   */
  includeUnconfirmed?: boolean;
  /** Raters, in order; default: every reviewer with a layer, sorted. */
  reviewers?: readonly string[];
}

const KIND_RANK = new Map<SectionKind, number>(SECTION_KINDS.map((k, i) => [k, i]));

export function codeKinds(kinds: readonly SectionKind[], coding: SectionKindCoding): string | null {
  if (coding === 'primary') return kinds[0] ?? null;
  if (coding === 'set') {
    const set = [...new Set(kinds)].sort((a, b) => KIND_RANK.get(a)! - KIND_RANK.get(b)!);
    return set.length ? set.join('+') : null;
  }
  return kinds.includes(coding.has) ? 'yes' : 'no';
}

const unitKey = (caseId: string, revision: number, start: number) => `${caseId}\u0000${revision}\u0000${start}`;

/**
 * Section kinds per reviewer as a rating table. Sections are aligned across reviewers by case,
 * text revision and start offset: the loader proposes the same starts to everyone, so a section
 * whose kinds two reviewers tagged is one unit. A section one reviewer added, moved or split is
 * a unit the others did not rate (missing, not a disagreement), and layers made on different
 * revisions of a text never share units, since their offsets mean different places.
 * A reviewer without a layer for a case has not tagged it: all missing.
 */
export function sectionKindTable(
  layersByReviewer: Readonly<Record<string, readonly CaseSections[]>>,
  opts: SectionTableOptions = {},
): RatingTable<string, SectionUnit> {
  const coding = opts.coding ?? 'set';
  const raters = opts.reviewers ? [...opts.reviewers] : Object.keys(layersByReviewer).sort();
  const counts = (s: TaggedSection) => (opts.level === undefined || s.level === opts.level) && (opts.includeUnconfirmed || s.confirmed || s.source === 'reviewer');

  const units = new Map<string, SectionUnit>();
  const ratings = new Map<string, Map<string, string | null>>(); // reviewer → unit key → value
  for (const reviewer of raters) {
    const mine = new Map<string, string | null>();
    ratings.set(reviewer, mine);
    for (const layer of layersByReviewer[reviewer] ?? []) {
      for (const s of layer.sections) {
        if (!counts(s)) continue;
        const key = unitKey(layer.caseId, layer.revision, s.start);
        if (mine.has(key)) continue; // two sections at one start: the first (outer) one speaks
        mine.set(key, codeKinds(s.kinds, coding));
        if (!units.has(key)) units.set(key, { caseId: layer.caseId, revision: layer.revision, start: s.start, heading: s.heading, level: s.level });
      }
    }
  }
  const ordered = [...units.entries()].sort(([, x], [, y]) => (x.caseId < y.caseId ? -1 : x.caseId > y.caseId ? 1 : x.revision - y.revision || x.start - y.start));
  return {
    raters,
    units: ordered.map(([, u]) => u),
    values: raters.map((r) => ordered.map(([key]) => ratings.get(r)!.get(key) ?? null)),
  };
}
