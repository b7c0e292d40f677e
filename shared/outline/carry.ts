import { makeQuote } from '../anchor/quote.ts';
import type { SpanAnnotation, TextQuote } from '../model/annotation.ts';
import type { Section } from '../model/sections.ts';
import type { Lineage } from './lineage.ts';

/** Orphan reasons of outline corrections (re-anchoring has its own): a later correction may place these again. */
export const OUTLINE_ORPHAN = {
  /** The span ran across the place where the case was split. */
  split: 'outline-split',
  /** Its text is no longer case text: dropped, or made a case title. */
  removed: 'outline-removed',
} as const;

export interface CarryReport {
  unchanged: number;
  moved: number;
  /** Orphans of an earlier correction whose text is back, with its context (a split undone by a merge). */
  restored: number;
  orphaned: number;
}

export interface CarryTarget {
  text(caseId: string): string;
  /** The revision a span in that case is at once carried (the case's current revision after the change). */
  revision(caseId: string): number;
}

/**
 * Carry spans through outline corrections. A span whose characters are still side by side in one
 * case, with the same text, moves there (its offsets and quote context follow). Any other becomes
 * an orphan of the case its text is nearest to, keeping its quote, for a person to place or drop;
 * an orphan that an earlier correction made is placed again when its exact text and context are
 * back, once and only once in that case. Nothing is attached to other text.
 */
export function carrySpans(spans: readonly SpanAnnotation[], lineage: Lineage, target: CarryTarget): { spans: SpanAnnotation[]; report: CarryReport } {
  const report: CarryReport = { unchanged: 0, moved: 0, restored: 0, orphaned: 0 };
  const out: SpanAnnotation[] = [];
  for (const s of spans) {
    if (s.orphan) {
      const caseId = lineage.mainSuccessor(s.caseId) ?? lineage.caseNear(s.caseId, 0);
      if (!caseId) continue;
      const text = target.text(caseId);
      const back = s.orphan.reason.startsWith('outline-') ? uniqueInContext(text, s.quote) : null;
      const revision = target.revision(caseId);
      if (back !== null) {
        const { orphan: _gone, ...placed } = s;
        out.push({ ...placed, caseId, start: back, end: back + s.quote.exact.length, quote: makeQuote(text, back, back + s.quote.exact.length), revision });
        report.restored++;
      } else out.push({ ...s, caseId, revision, orphan: { ...s.orphan } });
      continue;
    }
    const placed = lineage.place(s.caseId, s.start, s.end);
    const text = placed ? target.text(placed.caseId) : '';
    if (placed && text.slice(placed.start, placed.end) === s.quote.exact) {
      const same = placed.caseId === s.caseId && placed.start === s.start;
      out.push({ ...s, caseId: placed.caseId, start: placed.start, end: placed.end, quote: makeQuote(text, placed.start, placed.end), revision: target.revision(placed.caseId) });
      report[same ? 'unchanged' : 'moved']++;
      continue;
    }
    const home = lineage.caseNear(s.caseId, s.start);
    if (!home) continue;
    // Both ends still in cases, but not side by side in one: the span ran across a split.
    const crosses = lineage.place(s.caseId, s.start, s.start + 1) !== null && lineage.place(s.caseId, s.end - 1, s.end) !== null;
    out.push({
      ...s,
      caseId: home,
      revision: target.revision(home),
      orphan: { previousStart: s.start, previousEnd: s.end, fromRevision: s.revision, reason: crosses ? OUTLINE_ORPHAN.split : OUTLINE_ORPHAN.removed },
    });
    report.orphaned++;
  }
  return { spans: out, report };
}

/** The one place in `text` where the quote stands with its whole context, or null (none, or several). */
export function uniqueInContext(text: string, quote: TextQuote): number | null {
  if (!quote.exact) return null;
  let found: number | null = null;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    if (text.slice(Math.max(0, at - quote.prefix.length), at) !== quote.prefix || text.slice(end, end + quote.suffix.length) !== quote.suffix) continue;
    if (found !== null) return null;
    found = at;
  }
  return found;
}

/** Anything placed by start and end with its text beside it: suggestions. */
export interface PlacedText {
  start: number;
  end: number;
  text: string;
}

/** Items with text carried like spans; those that cannot be placed exactly are left out (suggestions can be made again). */
export function carryPlaced<T extends PlacedText>(items: readonly T[], caseId: string, lineage: Lineage, text: (caseId: string) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const p = lineage.place(caseId, item.start, item.end);
    if (!p || text(p.caseId).slice(p.start, p.end) !== item.text) continue;
    out.set(p.caseId, [...(out.get(p.caseId) ?? []), { ...item, start: p.start, end: p.end }]);
  }
  return out;
}

/** Sections carried by their headings: a heading still whole in one case goes there; ends are the caller's to recompute. */
export function carrySections<S extends Section>(sections: readonly S[], caseId: string, lineage: Lineage): Map<string, S[]> {
  const out = new Map<string, S[]>();
  for (const s of sections) {
    const p = lineage.place(caseId, s.start, s.headingEnd);
    if (!p) continue;
    const moved = { ...s, start: p.start, headingEnd: p.end, end: p.end };
    out.set(p.caseId, [...(out.get(p.caseId) ?? []), moved]);
  }
  return out;
}
