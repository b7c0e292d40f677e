import type { SectionKind } from '../../model/sections.ts';
import type { BlockCues } from './block-heading.ts';

/**
 * The order sections of a typical case come in. A case tells its background, then what was done,
 * what came of it and what was learnt; a kind that comes back to an earlier place starts the
 * next case ("工作背景" after "经验启示"), as does a numbering that starts again (一、 after 四、).
 */
const RANK: Readonly<Record<SectionKind, number>> = { background: 0, problems: 1, practices: 2, results: 3, lessons: 4, plans: 5, other: 9 };

export function kindRank(kinds: readonly SectionKind[]): number {
  return Math.min(...kinds.map((k) => RANK[k]));
}

export interface SectionHeadingRef {
  /** Index of the block. */
  index: number;
  kinds: readonly SectionKind[] | null;
  value: number | null;
}

/**
 * The section level of the document: the heading class most section names (工作背景, 主要做法 …)
 * are written in, and every heading of that class, in order. Null when fewer than two blocks
 * are section names.
 */
export function sectionLevel(cues: readonly BlockCues[], exclude: ReadonlySet<string> = new Set()): { cls: string; headings: SectionHeadingRef[] } | null {
  const counts = new Map<string, number>();
  for (const c of cues) if (c.heading?.kinds && !exclude.has(c.heading.cls)) counts.set(c.heading.cls, (counts.get(c.heading.cls) ?? 0) + 1);
  let cls: string | null = null;
  let best = 1;
  for (const [k, n] of counts) if (n > best) [cls, best] = [k, n];
  if (!cls) return null;
  const headings: SectionHeadingRef[] = [];
  // Short plain lines are titles as often as headings: of those, only the section names count.
  const namesOnly = cls.startsWith('plain');
  cues.forEach((c, index) => {
    if (c.heading?.cls === cls && (!namesOnly || c.heading.kinds)) headings.push({ index, kinds: c.heading.kinds, value: c.heading.value });
  });
  return { cls, headings };
}

export interface CycleStart {
  /** Index into the headings. */
  at: number;
  /** 'kind': a section name ranked before the last one; 'number': only the numbering starts over. */
  by: 'first' | 'kind' | 'number';
}

/**
 * Where a new cycle of sections starts, as indices into `headings`: between two section names, a
 * kind ranked before the last one; or a numbering that starts over (1 after a larger number),
 * which is weaker evidence (a list of points can restart the numbering too).
 */
export function cycleStarts(headings: readonly SectionHeadingRef[]): CycleStart[] {
  const starts: CycleStart[] = [];
  let lastRank = -1;
  let lastValue: number | null = null;
  // The first cycle starts at the first section name: headings of the class before it (附件1,
  // a notice's own headings) belong to no case.
  const first = headings.findIndex((h) => h.kinds);
  headings.forEach((h, i) => {
    if (i < first || first < 0) return;
    if (i === first) {
      starts.push({ at: i, by: 'first' });
    } else {
      const numbered = h.value !== null && lastValue !== null;
      const restartByNumber = numbered && h.value! <= 1 && lastValue! > 1;
      const rank = h.kinds ? kindRank(h.kinds) : null;
      const restartByKind = rank !== null && lastRank >= 0 && rank < lastRank && rank <= RANK.practices && (!numbered || restartByNumber);
      if (restartByNumber || restartByKind) {
        starts.push({ at: i, by: restartByKind ? 'kind' : 'number' });
        lastRank = -1;
      }
    }
    if (h.kinds) lastRank = kindRank(h.kinds);
    if (h.value !== null) lastValue = h.value;
  });
  return starts;
}

/** How many cycles the section headings of one stretch of blocks hold (1 for a well-formed case). */
export function cycleCount(cues: readonly BlockCues[], from: number, to: number, sectionCls: string): number {
  const inside: SectionHeadingRef[] = [];
  for (let i = from; i < to; i++) {
    const h = cues[i]!.heading;
    if (h?.cls === sectionCls) inside.push({ index: i, kinds: h.kinds, value: h.value });
  }
  return inside.length ? cycleStarts(inside).length : 0;
}
