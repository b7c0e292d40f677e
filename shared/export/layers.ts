import { z } from 'zod';
import type { CaseMeta, TaggedSection } from '../model/index.ts';
import type { OffsetConverter } from '../text/units.ts';
import { caseMeta, caseScore, reviewStatus, taggedSection } from '../model/schemas.ts';
import { isRecord, ownEntry } from './input.ts';
import { describeZodError } from './schemas.ts';
import type { CaseReview, ParsedReview, ParsedSection, ProjectCase } from './types.ts';
import { compareStrings } from './view.ts';

/**
 * The metadata of a case as one record, from its reviewers' (in the order given): every tag any
 * of them gave (first occurrence first), and each of title, region, category and year where all
 * who set it agree (left out where they differ: each reviewer's own stays in their review).
 */
export function agreedMeta(metas: readonly (CaseMeta | undefined)[]): CaseMeta {
  const tags: string[] = [];
  const seen = new Set<string>();
  const values: { title?: Set<string>; region?: Set<string>; category?: Set<string>; year?: Set<number> } = {};
  for (const meta of metas) {
    if (!meta) continue;
    for (const t of meta.tags) {
      if (seen.has(t)) continue;
      seen.add(t);
      tags.push(t);
    }
    if (meta.title !== undefined) (values.title ??= new Set()).add(meta.title);
    if (meta.region !== undefined) (values.region ??= new Set()).add(meta.region);
    if (meta.category !== undefined) (values.category ??= new Set()).add(meta.category);
    if (meta.year !== undefined) (values.year ??= new Set()).add(meta.year);
  }
  const only = <T>(set: Set<T> | undefined): T | undefined => (set?.size === 1 ? [...set][0] : undefined);
  const out: CaseMeta = { tags };
  const title = only(values.title);
  const region = only(values.region);
  const category = only(values.category);
  const year = only(values.year);
  if (title !== undefined) out.title = title;
  if (region !== undefined) out.region = region;
  if (category !== undefined) out.category = category;
  if (year !== undefined) out.year = year;
  return out;
}

/** A case's reviews of the selected reviewers, by reviewer name in code-unit order. */
export function selectedReviews(c: ProjectCase, selects: (reviewer: string) => boolean): [string, CaseReview][] {
  return Object.entries(c.reviews ?? {})
    .filter(([r]) => selects(r))
    .sort(([a], [b]) => compareStrings(a, b));
}

/** Schemas of a case's layers as json and jsonl write them; each part is checked on its own. */
export const LAYER_SCHEMAS = { sections: z.array(taggedSection), meta: caseMeta, status: reviewStatus, score: caseScore };

/**
 * Reviewer → review, as json and jsonl write it, read back: each part that is sound is kept and
 * each that is not is an issue (path like "reviews.alice.score"), so one bad part spoils nothing else.
 */
export function readReviews(raw: unknown, issue: (path: string, message: string) => void): Record<string, ParsedReview> {
  const reviews: Record<string, ParsedReview> = {};
  if (!isRecord(raw)) {
    issue('reviews', 'expected an object of reviewer → review');
    return reviews;
  }
  for (const [reviewer, value] of Object.entries(raw)) {
    const review = ownEntry(reviews, reviewer, (): ParsedReview => ({}));
    if (!isRecord(value)) {
      issue(`reviews.${reviewer}`, 'expected an object');
      continue;
    }
    for (const key of ['status', 'sections', 'meta', 'score'] as const) {
      if (value[key] === undefined) continue;
      const part = LAYER_SCHEMAS[key].safeParse(value[key]);
      if (part.success) Object.assign(review, { [key]: part.data });
      else issue(`reviews.${reviewer}.${key}`, describeZodError(part.error));
    }
  }
  return reviews;
}

/**
 * What a section tag keeps besides its kinds and range, for formats that write those their own
 * way (w3c, qdpx): offsets in code points, like the formats' own positions.
 */
export function sectionDetails(section: TaggedSection, conv: OffsetConverter): Record<string, unknown> {
  const { heading, numbering, level, headingEnd, source, confirmed, runIn } = section;
  return { heading, numbering, level, headingEnd: conv.toCodePoints(headingEnd), source, confirmed, ...(runIn ? { runIn } : {}) };
}

/** `section` completed with the details read back (what is malformed is left as it was). */
export function withSectionDetails(section: ParsedSection, details: unknown, conv: OffsetConverter): ParsedSection {
  if (!isRecord(details)) return section;
  const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (typeof details.heading === 'string') section.heading = details.heading;
  if (typeof details.numbering === 'string') section.numbering = details.numbering;
  if (count(details.level) && details.level >= 1) section.level = details.level;
  if (count(details.headingEnd) && details.headingEnd <= conv.codePointLength) section.headingEnd = conv.toUtf16(details.headingEnd);
  if (details.source === 'loader' || details.source === 'reviewer') section.source = details.source;
  if (typeof details.confirmed === 'boolean') section.confirmed = details.confirmed;
  if (details.runIn === true) section.runIn = true;
  return section;
}
