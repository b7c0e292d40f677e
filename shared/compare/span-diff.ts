import { diffArrays } from 'diff';
import type { SpanAnnotation } from '../model/annotation.ts';

/**
 * Differences between reviewers' annotations of one case, as a list of items a committee can
 * go through and adjudicate. Spans are first aligned with `diff` over each reviewer's sequence
 * of exact signatures (start, end, label): what the diff keeps is agreement. The rest is grouped
 * by overlap, and each group is classified.
 */
export type DifferenceKind = 'match' | 'missing' | 'boundary' | 'label' | 'fields';

export interface DifferenceItem {
  /** Stable within one comparison: the start and end of the group. */
  id: string;
  kind: DifferenceKind;
  start: number;
  end: number;
  /** Reviewer → their spans in this group (empty when they marked nothing here). */
  spans: Record<string, SpanAnnotation[]>;
  /** For 'fields': the field keys whose values differ. */
  fields?: string[];
}

const signature = (s: SpanAnnotation) => `${s.start}:${s.end}:${s.label}`;

export function compareReviewers(byReviewer: Record<string, readonly SpanAnnotation[]>): DifferenceItem[] {
  const reviewers = Object.keys(byReviewer).sort();
  const sorted = Object.fromEntries(reviewers.map((r) => [r, [...byReviewer[r]!].filter((s) => !s.orphan).sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))]));

  // Exact agreement: signatures every reviewer shares, found by diffing each against the first.
  const [first, ...others] = reviewers;
  let common = new Set<string>(first ? sorted[first]!.map(signature) : []);
  for (const r of others) {
    const kept = new Set<string>();
    for (const part of diffArrays(sorted[first!]!.map(signature), sorted[r]!.map(signature))) if (!part.added && !part.removed) for (const v of part.value) kept.add(v);
    common = new Set([...common].filter((s) => kept.has(s)));
  }

  // Everything else, grouped by overlapping extent across reviewers.
  type Tagged = { reviewer: string; span: SpanAnnotation };
  const all: Tagged[] = reviewers.flatMap((r) => sorted[r]!.map((span) => ({ reviewer: r, span })));
  all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const groups: Tagged[][] = [];
  let current: Tagged[] = [];
  let end = -1;
  for (const t of all) {
    const exact = common.has(signature(t.span));
    // Exactly shared spans form groups of their own, so agreement is never mixed with difference.
    if (exact) {
      const g = groups.find((x) => x.length && signature(x[0]!.span) === signature(t.span) && x.every((y) => common.has(signature(y.span))));
      if (g) g.push(t);
      else groups.push([t]);
      continue;
    }
    if (current.length && t.span.start < end) {
      current.push(t);
      end = Math.max(end, t.span.end);
    } else {
      if (current.length) groups.push(current);
      current = [t];
      end = t.span.end;
    }
  }
  if (current.length) groups.push(current);

  return groups
    .map((g) => {
      const spans: Record<string, SpanAnnotation[]> = Object.fromEntries(reviewers.map((r) => [r, g.filter((t) => t.reviewer === r).map((t) => t.span)]));
      const start = Math.min(...g.map((t) => t.span.start));
      const stop = Math.max(...g.map((t) => t.span.end));
      return { id: `${start}-${stop}-${g.map((t) => t.span.label).sort().join('+')}`, ...classify(reviewers, spans), start, end: stop, spans };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function classify(reviewers: string[], spans: Record<string, SpanAnnotation[]>): { kind: DifferenceKind; fields?: string[] } {
  const lists = reviewers.map((r) => spans[r]!);
  if (lists.some((l) => l.length === 0)) return { kind: 'missing' };
  const firstOf = lists.map((l) => l[0]!);
  const sameBounds = lists.every((l) => l.length === 1) && firstOf.every((s) => s.start === firstOf[0]!.start && s.end === firstOf[0]!.end);
  const sameLabels = new Set(lists.flat().map((s) => s.label)).size === 1;
  if (!sameLabels) return { kind: 'label' };
  if (!sameBounds) return { kind: 'boundary' };
  const keys = new Set(firstOf.flatMap((s) => Object.keys(s.fields)));
  const differing = [...keys].filter((k) => new Set(firstOf.map((s) => JSON.stringify(s.fields[k] ?? null))).size > 1).sort();
  return differing.length ? { kind: 'fields', fields: differing } : { kind: 'match' };
}
