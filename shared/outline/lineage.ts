import type { LoadedCase } from '../model/document.ts';
import type { WorkingCase } from './working-case.ts';

interface Run {
  origin: number;
  len: number;
  caseId: string;
  at: number;
}

/** Where a range of an input case's text is now: a case and offsets in its text. */
export interface Placed {
  caseId: string;
  start: number;
  end: number;
}

/**
 * Where the text of each case went through a set of corrections. Every character of the input
 * texts has an origin (its case's base plus its offset); the output texts keep the origins of
 * the characters they copied, so a range is placed exactly when its characters are still side by
 * side in one case, and not at all otherwise (a range across a split, or on text that became a
 * title or was dropped). Nothing is placed by guesswork.
 */
export class Lineage {
  private readonly runs: Run[];
  private readonly lengths: Map<string, number>;

  constructor(
    private readonly bases: ReadonlyMap<string, number>,
    inputs: readonly LoadedCase[],
    outputs: readonly WorkingCase[],
  ) {
    this.lengths = new Map(inputs.map((c) => [c.id, c.text.length]));
    this.runs = outputs.flatMap((c) => c.body.originRuns().map((r) => ({ ...r, caseId: c.id }))).sort((a, b) => a.origin - b.origin);
    this.outputIds = outputs.map((c) => c.id);
  }

  /** The ids of the cases before the corrections. */
  get inputIds(): string[] {
    return [...this.bases.keys()];
  }

  /** The ids of the cases after the corrections, in order. */
  readonly outputIds: readonly string[];

  /** Where `start`–`end` of input case `caseId` is now, or null when it is no longer one stretch of one case. */
  place(caseId: string, start: number, end: number): Placed | null {
    const base = this.bases.get(caseId);
    if (base === undefined || end < start || end > (this.lengths.get(caseId) ?? -1)) return null;
    const from = base + start;
    const to = base + end;
    let i = this.runAt(from);
    if (i === -1) {
      // An empty range at the very end of a run (a caret after the last character).
      if (start === end) {
        const j = this.runs.findIndex((r) => r.origin + r.len === from);
        return j === -1 ? null : { caseId: this.runs[j]!.caseId, start: this.runs[j]!.at + this.runs[j]!.len, end: this.runs[j]!.at + this.runs[j]!.len };
      }
      return null;
    }
    const first = this.runs[i]!;
    const local = first.at + (from - first.origin);
    // Walk on while the range goes on: each next run must follow in origin and in the same case's text.
    let covered = first.origin + first.len;
    let localEnd = first.at + first.len;
    while (covered < to) {
      const next = this.runs[++i];
      if (!next || next.origin !== covered || next.caseId !== first.caseId || next.at !== localEnd) return null;
      covered += next.len;
      localEnd += next.len;
    }
    return { caseId: first.caseId, start: local, end: local + (end - start) };
  }

  /**
   * The case that offset `offset` of input case `caseId` went to, or, for text that went nowhere
   * (dropped, made a title), the case that holds the text just before it (else just after).
   */
  caseNear(caseId: string, offset: number): string | null {
    const base = this.bases.get(caseId);
    if (base === undefined) return null;
    // No text left anywhere (every paragraph dropped): the first case holds what waits for a person.
    if (!this.runs.length) return this.outputIds[0] ?? null;
    const o = base + offset;
    let lo = 0;
    let hi = this.runs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.runs[mid]!.origin <= o) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return this.runs[Math.max(0, found)]!.caseId;
  }

  /** The cases that hold text of an input case now, with how many of its characters each holds, in document order. */
  successors(caseId: string): Map<string, number> {
    const base = this.bases.get(caseId);
    const length = this.lengths.get(caseId);
    const counts = new Map<string, number>();
    if (base === undefined || length === undefined) return counts;
    for (const r of this.runs) {
      const a = Math.max(r.origin, base);
      const b = Math.min(r.origin + r.len, base + length + 1);
      if (a < b) counts.set(r.caseId, (counts.get(r.caseId) ?? 0) + (b - a));
    }
    return new Map(this.outputIds.filter((id) => counts.has(id)).map((id) => [id, counts.get(id)!]));
  }

  /** The case that holds most of an input case's text now (itself on a tie; null when none of it is left in any case). */
  mainSuccessor(caseId: string): string | null {
    const counts = this.successors(caseId);
    let best: string | null = null;
    for (const [id, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best) && id === caseId)) best = id;
    return best;
  }

  private runAt(origin: number): number {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.runs[mid]!;
      if (origin < r.origin) hi = mid - 1;
      else if (origin >= r.origin + r.len) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}
