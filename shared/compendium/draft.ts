import type { Recommendation } from '../model/scoring.ts';

/** A part of the draft compendium (健康影响因素篇 …) and its cases, in order. */
export interface CompendiumPart {
  title: string;
  caseIds: string[];
}

/** The editors' draft of next year's compendium. */
export interface CompendiumDraft {
  title: string;
  parts: CompendiumPart[];
  /** Append each case's indicators as a table. */
  indicatorTables: boolean;
  updatedAt: string;
  /** Who compiles it, for the cover ("中国健康教育中心 编"). */
  issuer?: string;
  /** The 前言 the editor writes: paragraphs separated by blank lines or line breaks. */
  preface?: string;
  /** The rule the draft was proposed by, so the builder can say why a case was left out. */
  rule?: SelectionRule;
}

export interface SelectionRule {
  /** Cases recommended this way by a majority of their reviewers (default: 入选). */
  recommendations: Recommendation[];
  /** And scored at least this (on the rubric's scale); null: any score. */
  minScore: number | null;
  /** Group into parts by the cases' parts, or keep one part. */
  groupBy: 'part' | 'none';
}

export interface CandidateCase {
  caseId: string;
  part: string | null;
  score: number | null;
  rank: number;
  recommendations: Record<Recommendation, number>;
  /** Where the case stands in the project's texts (document, then case order): parts follow it. */
  order: number;
}

/** The recommendation most reviewers gave (ties: the more cautious one). */
export function majorityRecommendation(counts: Record<Recommendation, number>): Recommendation | null {
  const order: Recommendation[] = ['exclude', 'pending', 'include'];
  let best: Recommendation | null = null;
  for (const r of order) if (counts[r] > 0 && (best === null || counts[r] > counts[best])) best = r;
  return best;
}

/** Why a case the committee looked at is not in the draft. */
export type LeftOutReason =
  /** Reviewers gave different recommendations and no majority is selected (入选 1 / 待定 1: the cautious one counts). */
  | { code: 'disagree'; counts: Record<Recommendation, number>; majority: Recommendation }
  /** Most reviewers recommended a way the rule does not select (待定, 不入选). */
  | { code: 'majority'; counts: Record<Recommendation, number>; majority: Recommendation }
  /** Scored, but nobody recommended it either way. */
  | { code: 'no-recommendation' }
  /** Recommended as selected, but scored below the rule's minimum (or not scored). */
  | { code: 'below-score'; score: number | null; minScore: number }
  /** It meets the rule: the editor took it out (or it was added to the project later). */
  | { code: 'removed' };

/** Why `c` is left out under `rule`, or null when the rule selects it. */
export function leftOutReason(c: CandidateCase, rule: SelectionRule): LeftOutReason | null {
  const majority = majorityRecommendation(c.recommendations);
  if (majority === null) return { code: 'no-recommendation' };
  if (!rule.recommendations.includes(majority)) {
    const given = Object.values(c.recommendations).filter((n) => n > 0).length;
    return { code: given > 1 ? 'disagree' : 'majority', counts: { ...c.recommendations }, majority };
  }
  if (rule.minScore !== null && (c.score === null || c.score < rule.minScore)) return { code: 'below-score', score: c.score, minScore: rule.minScore };
  return null;
}

/**
 * A first draft from the committee's work: the cases selected by recommendation and score,
 * grouped into parts in the order the parts have in the source texts, ordered by rank within
 * each part (ties and unscored cases in source order).
 */
export function proposeDraft(title: string, candidates: readonly CandidateCase[], rule: SelectionRule): CompendiumDraft {
  const selected = candidates.filter((c) => leftOutReason(c, rule) === null).sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity) || a.order - b.order);
  const partOf = (c: CandidateCase) => (rule.groupBy === 'part' ? (c.part ?? '其他') : '典型案例');
  // A part's place in the source: where its first case stands among all the candidates.
  const firstSeen = new Map<string, number>();
  for (const c of [...candidates].sort((a, b) => a.order - b.order)) if (!firstSeen.has(partOf(c))) firstSeen.set(partOf(c), c.order);
  const parts: CompendiumPart[] = [];
  for (const c of selected) {
    const name = partOf(c);
    let part = parts.find((p) => p.title === name);
    if (!part) parts.push((part = { title: name, caseIds: [] }));
    part.caseIds.push(c.caseId);
  }
  parts.sort((a, b) => firstSeen.get(a.title)! - firstSeen.get(b.title)!);
  return { title, parts, indicatorTables: true, updatedAt: new Date().toISOString(), rule };
}

/**
 * Where a case added by hand goes: into the part of its own name (as the source has it), made
 * at its place in source order when the draft has no such part yet. `partOrder` gives each part
 * name's place in the source; parts it does not know (named by the editor) keep their places.
 */
export function addCase(draft: CompendiumDraft, caseId: string, part: string | null, partOrder: (title: string) => number | null): CompendiumDraft {
  const name = part ?? '其他';
  const parts = draft.parts.map((p) => ({ ...p, caseIds: [...p.caseIds] }));
  const existing = parts.find((p) => p.title === name);
  if (existing) existing.caseIds.push(caseId);
  else {
    const at = partOrder(name);
    // Before the first part that comes after it in the source; parts of unknown place are passed over.
    let index = parts.length;
    if (at !== null) {
      const after = parts.findIndex((p) => {
        const o = partOrder(p.title);
        return o !== null && o > at;
      });
      if (after >= 0) index = after;
    }
    parts.splice(index, 0, { title: name, caseIds: [caseId] });
  }
  return { ...draft, parts };
}
