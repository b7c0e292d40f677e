import type { SuggestionItem } from '../../../shared/api/types.ts';
import type { TaggedSection } from '../../../shared/model/review.ts';

type Item = Pick<SuggestionItem, 'id' | 'start' | 'end' | 'state'>;

/** The pending suggestion the keys act on: the focused one, else the smallest one under the caret. */
export function suggestionAt<T extends Item>(items: readonly T[], caret: number | null, focusedId: string | null): T | null {
  const focused = items.find((s) => s.id === focusedId && s.state === 'pending');
  if (focused) return focused;
  if (caret === null) return null;
  let best: T | null = null;
  for (const s of items) if (s.state === 'pending' && s.start <= caret && caret < s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
  return best;
}

/**
 * The next (or previous) pending suggestion in text order: after the focused one, else after
 * the caret; wrapping around at the end, as "find next" does.
 */
export function adjacentSuggestion<T extends Item>(items: readonly T[], caret: number, focusedId: string | null, direction: 1 | -1): T | null {
  const pending = items.filter((s) => s.state === 'pending').sort((a, b) => a.start - b.start || a.end - b.end);
  if (!pending.length) return null;
  const at = pending.findIndex((s) => s.id === focusedId);
  if (at >= 0) return pending[(at + direction + pending.length) % pending.length]!;
  if (direction === 1) return pending.find((s) => s.start >= caret) ?? pending[0]!;
  return pending.findLast((s) => s.start < caret) ?? pending[pending.length - 1]!;
}

/** The top-level section a position is in, as a range: "accept all" acts on one section. */
export function sectionAround(sections: readonly TaggedSection[], offset: number): { start: number; end: number; heading: string } | null {
  const top = Math.min(...sections.map((s) => s.level));
  const s = sections.find((x) => x.level === top && x.start <= offset && offset < x.end);
  return s ? { start: s.start, end: s.end, heading: `${s.numbering}${s.heading}` } : null;
}

/** Pending suggestions grouped by the top-level section they start in, in text order (null: before any section). */
export function groupBySection<T extends Item>(items: readonly T[], sections: readonly TaggedSection[]): Array<{ heading: string | null; start: number; items: T[] }> {
  const groups = new Map<string, { heading: string | null; start: number; items: T[] }>();
  for (const s of [...items].sort((a, b) => a.start - b.start)) {
    const sec = sectionAround(sections, s.start);
    const key = sec ? String(sec.start) : 'none';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { heading: sec?.heading ?? null, start: sec?.start ?? -1, items: [] }));
    g.items.push(s);
  }
  return [...groups.values()].sort((a, b) => a.start - b.start);
}
