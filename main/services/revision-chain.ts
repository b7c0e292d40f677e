import { diffTexts, reanchor, StepMap, type AnchorOutcome, type Mappable } from '../../shared/anchor/index.ts';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import type { CaseSections, TaggedSection } from '../../shared/model/review.ts';
import type { CaseRecord } from '../store/file-kinds.ts';
import { noteTextChange } from './changed-text.ts';

/** No change: the text is the same, only the spans' offsets are in doubt. */
const IDENTITY: Mappable = StepMap.empty;

/**
 * Carries annotations made on an older revision of a case text forward to the current one,
 * revision by revision, with the re-anchoring of shared/anchor. Diffs are cached per revision
 * step, since every reviewer's spans cross the same steps.
 */
export class RevisionChain {
  private readonly maps = new Map<string, Mappable>();

  /** Forget the diffs of cases whose revisions were replaced (an outline correction undone): their keys would be stale. */
  forget(caseIds: Iterable<string>): void {
    const ids = new Set(caseIds);
    for (const key of this.maps.keys()) if (ids.has(key.slice(0, key.lastIndexOf('@')))) this.maps.delete(key);
  }

  stepMap(c: CaseRecord, from: number): Mappable {
    const key = `${c.id}@${from}`;
    let map = this.maps.get(key);
    if (!map) {
      map = diffTexts(c.revisions[from]!.text, c.revisions[from + 1]!.text).map;
      this.maps.set(key, map);
    }
    return map;
  }

  /**
   * Spans brought to the case's current revision. Placed spans get new offsets and quotes;
   * spans that cannot be placed become orphans (never attached to other text); orphans stay
   * orphans. Returns whether anything changed, and the outcome per span id for reports.
   */
  forward(c: CaseRecord, spans: readonly SpanAnnotation[], now: string): { spans: SpanAnnotation[]; changed: boolean; outcomes: Map<string, AnchorOutcome['status']> } {
    const current = c.revisions.length - 1;
    const outcomes = new Map<string, AnchorOutcome['status']>();
    const text = c.revisions[current]!.text;
    // A span said to be on the current text whose quote is not there was made on another text of
    // the same number (two writers' revisions crossing through file sync, a hand-edited file): it
    // is placed again by its quote, or made an orphan — never shown on text it does not quote.
    const misplaced = spans.filter((s) => s.revision === current && !s.orphan && text.slice(s.start, s.end) !== s.quote.exact);
    if (spans.every((s) => s.revision === current) && !misplaced.length) return { spans: [...spans], changed: false, outcomes };
    let work = spans.map((s) => ({ ...s }));
    if (misplaced.length) work = this.placeAgain(work, misplaced, text, current, now, outcomes);
    for (let r = Math.min(...work.map((s) => s.revision)); r < current; r++) {
      const stepping = work.filter((s) => s.revision === r);
      if (!stepping.length) continue;
      const placedAnchors = stepping.filter((s) => !s.orphan);
      const result = reanchor(c.revisions[r]!.text, c.revisions[r + 1]!.text, placedAnchors, { map: this.stepMap(c, r) });
      const byId = new Map(result.outcomes.map((o) => [o.id, o]));
      work = work.map((s) => {
        if (s.revision !== r) return s;
        if (s.orphan) return { ...s, revision: r + 1, orphan: { ...s.orphan, candidate: undefined } };
        const o = byId.get(s.id)!;
        outcomes.set(s.id, o.status === 'orphaned' ? 'orphaned' : outcomes.get(s.id) === 'refound' ? 'refound' : o.status);
        if (o.status === 'orphaned') {
          return {
            ...s,
            revision: r + 1,
            updatedAt: now,
            orphan: { previousStart: s.start, previousEnd: s.end, fromRevision: r, reason: o.reason ?? 'not-found', ...(o.candidate ? { candidate: o.candidate } : {}) },
          };
        }
        // A placed span whose text the revision changed is marked (or its parsed fields read again).
        return noteTextChange(s, { ...s, start: o.start!, end: o.end!, quote: o.quote!, revision: r + 1, ...(o.status === 'unchanged' ? {} : { updatedAt: now }) }, r, c.revisions[r + 1]!);
      });
    }
    for (const s of work) if (s.orphan?.candidate === undefined) delete s.orphan?.candidate;
    return { spans: work, changed: true, outcomes };
  }

  /** Spans whose quote is not at their offsets in `text`, found again by it (exactly or fuzzily) or made orphans. */
  private placeAgain(work: SpanAnnotation[], misplaced: readonly SpanAnnotation[], text: string, revision: number, now: string, outcomes: Map<string, AnchorOutcome['status']>): SpanAnnotation[] {
    const result = reanchor(text, text, misplaced, { map: IDENTITY });
    const byId = new Map(result.outcomes.map((o) => [o.id, o]));
    return work.map((s) => {
      const o = byId.get(s.id);
      if (!o) return s;
      if (o.status === 'orphaned') {
        outcomes.set(s.id, 'orphaned');
        return { ...s, updatedAt: now, orphan: { previousStart: s.start, previousEnd: s.end, fromRevision: revision, reason: o.reason ?? 'not-found', ...(o.candidate ? { candidate: o.candidate } : {}) } };
      }
      outcomes.set(s.id, 'refound');
      return { ...s, start: o.start!, end: o.end!, quote: o.quote!, updatedAt: now };
    });
  }

  /** A reviewer's section layer brought to the current revision: boundaries mapped, vanished headings dropped. */
  forwardSections(c: CaseRecord, layer: CaseSections): CaseSections {
    const current = c.revisions.length - 1;
    let sections: TaggedSection[] = layer.sections;
    for (let r = layer.revision; r < current; r++) {
      const map = this.stepMap(c, r);
      const text = c.revisions[r + 1]!.text;
      sections = sections
        .map((s) => {
          const start = map.mapResult(s.start, 1);
          const headingEnd = map.map(s.headingEnd, -1);
          return start.deleted || headingEnd <= start.pos ? null : { ...s, start: start.pos, headingEnd, end: Math.min(text.length, map.map(s.end, -1)) };
        })
        .filter((s): s is TaggedSection => s !== null);
    }
    return { caseId: layer.caseId, revision: current, sections };
  }
}
