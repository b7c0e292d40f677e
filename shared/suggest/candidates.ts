import { LIST_JOINER } from './clauses.ts';
import { exclusionReason, type ExclusionReason } from './exclusions.ts';
import { numberTokens } from './number-tokens.ts';
import { readQuantity, type Approx, type Quantity } from './quantity.ts';
import { findRankings } from './ranking.ts';
import { tableCells } from './table-cells.ts';
import { findTextRegions, type TextRegions } from './text-regions.ts';
import type { UnitKind } from './units.ts';

export type CandidateKind = UnitKind | 'ranking';

/** Every number of a case text as a possible indicator, with the rule that excludes it if any. */
export interface Candidate {
  start: number;
  end: number;
  /** Where the number itself starts (after a prefix marker or a ranking's scope word). */
  numberStart: number;
  numberEnd: number;
  value: number;
  valueMax: number | null;
  decimals: number;
  unit: string;
  kind: CandidateKind | null;
  approx: Approx;
  reason: ExclusionReason | null;
  /** True when "的" follows ("91%的人"). */
  attributive: boolean;
  /** Set for a cell of a tab-separated table: the row label is its metric, the column header its year. */
  table?: { metric: string; year: number | null };
}

export interface CandidateScan {
  text: string;
  regions: TextRegions;
  candidates: Candidate[];
}

export function scanCandidates(text: string): CandidateScan {
  const regions = findTextRegions(text);
  const tokens = numberTokens(text);
  const rankings = findRankings(text, regions);
  const ctx = { text, regions };
  const candidates: Candidate[] = rankings.map((r) => ({
    start: r.start,
    end: r.end,
    numberStart: r.ordinalStart,
    numberEnd: r.end,
    value: r.value,
    valueMax: null,
    decimals: 0,
    unit: r.unit,
    kind: 'ranking' as const,
    approx: '' as const,
    reason: null,
    attributive: false,
  }));
  const quantities: Array<{ q: Quantity; c: Candidate }> = [];
  let ri = 0;
  let skipUntil = 0;
  for (const t of tokens) {
    if (t.start < skipUntil) continue;
    while (ri < rankings.length && rankings[ri]!.end <= t.start) ri++;
    const r = rankings[ri];
    if (r && r.start <= t.start && t.end <= r.end) continue;
    const q = readQuantity(text, t, tokens);
    skipUntil = q.end;
    const c = fromQuantity(q, exclusionReason(ctx, t, q));
    quantities.push({ q, c });
    candidates.push(c);
  }
  shareListUnits(ctx, quantities);
  adoptTableCells(text, candidates);
  candidates.sort((a, b) => a.start - b.start);
  return { text, regions, candidates };
}

function fromQuantity(q: Quantity, reason: ExclusionReason | null): Candidate {
  return {
    start: q.start,
    end: q.end,
    numberStart: q.token.start,
    numberEnd: q.token.end,
    value: q.value,
    valueMax: q.valueMax,
    decimals: q.decimals,
    unit: q.unit,
    kind: q.kind,
    approx: q.approx,
    reason,
    attributive: q.attributive,
  };
}

/** A bare number that is a table cell takes its unit, metric and year from the table. */
function adoptTableCells(text: string, candidates: Candidate[]): void {
  const cells = tableCells(text);
  if (cells.size === 0) return;
  for (const c of candidates) {
    const cell = cells.get(c.numberStart);
    if (!cell || (c.reason !== null && c.reason !== 'bare-number')) continue;
    c.reason = null;
    c.unit = c.unit || cell.unit;
    c.kind = c.kind ?? (cell.unit === '%' || cell.unit === '％' || cell.unit === '‰' ? 'rate' : 'amount');
    c.table = { metric: cell.metric, year: cell.year };
  }
}

/**
 * "8.72、10.15、2.50个百分点", "0.58‰、0.61‰": in a list only the last number may carry the unit;
 * the others take it, and are judged again with it.
 */
function shareListUnits(ctx: { text: string; regions: TextRegions }, items: Array<{ q: Quantity; c: Candidate }>): void {
  for (let i = 0; i < items.length; ) {
    let j = i;
    while (j + 1 < items.length && LIST_JOINER.test(ctx.text.slice(items[j]!.q.end, items[j + 1]!.q.start))) j++;
    const last = items[j]!.q;
    if (j > i && last.unit) {
      for (let k = i; k < j; k++) {
        const { q, c } = items[k]!;
        if (q.unit) continue;
        const shared: Quantity = { ...q, unit: last.unit, kind: last.kind, attributive: false };
        const next = fromQuantity(shared, exclusionReason(ctx, q.token, shared));
        Object.assign(c, next);
      }
    }
    i = j + 1;
  }
}
