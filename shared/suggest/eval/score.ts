import type { FieldValue } from '../../model/annotation.ts';
import type { Suggestion } from '../suggestion.ts';
import { CHANGE_FIELDS, type ChangeField } from './gold-types.ts';
import type { GoldSpan } from './resolve.ts';

/**
 * Scoring suggestions against the gold set.
 *
 * Matching, one to one within a case and a label (greedy, largest overlap first):
 * - an indicator suggestion matches a gold indicator when the spans overlap and the suggestion
 *   covers the gold span's key number — so "26.82%" alone does not match the change expression
 *   "从2019年19.18%提升到2021年26.82%" (its key number is the baseline 19.18), and one suggestion
 *   cannot stand for two figures;
 * - a lesson suggestion matches a gold lesson when their overlap is at least half of each: a
 *   suggestion that runs two points together matches at most one of them.
 *
 * Precision = matched suggestions / suggestions, recall = matched gold / gold, F1 their harmonic
 * mean. Field accuracy compares, for every gold span with expected fields (the change
 * expressions), each expected field with the matched suggestion's; an unmatched span gets every
 * field wrong.
 */
export interface LabelScore {
  gold: number;
  suggested: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FieldMiss {
  caseId: string;
  text: string;
  field: ChangeField;
  expected: FieldValue | undefined;
  got: FieldValue | undefined;
}

export interface ChangeScore {
  /** Gold spans with expected fields. */
  total: number;
  /** Of those, how many were matched with every expected field right. */
  parsedRight: number;
  /** How many had the right baseline and later value (where expected). */
  valuesRight: number;
  fieldsChecked: number;
  fieldsRight: number;
  fieldAccuracy: number;
  misses: FieldMiss[];
}

/**
 * Metric names: of the matched gold indicators that have gold metric names, how many suggestions
 * name the metric as one of the gold wordings (white space ignored) — the fragments a parser
 * leaves ("推出", "制定发布", "有产前诊断机构") count as wrong — and, to show how near the misses
 * come, the mean character overlap (F1 of the characters in common) with the nearest wording.
 */
export interface MetricScore {
  labelled: number;
  right: number;
  accuracy: number;
  meanOverlap: number;
  misses: Array<{ caseId: string; text: string; expected: readonly string[]; got: string }>;
}

export interface EvalReport {
  indicator: LabelScore;
  lesson: LabelScore;
  changes: ChangeScore;
  metrics: MetricScore;
  /** Matched lessons whose headline equals the gold headline. */
  headlines: { matched: number; agreeing: number };
  missed: GoldSpan[];
  falsePositives: Array<Suggestion & { caseId: string }>;
}

export interface CaseSuggestions {
  caseId: string;
  suggestions: readonly Suggestion[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function spansMatch(gold: GoldSpan, s: Suggestion): boolean {
  if (gold.label !== s.label) return false;
  const o = overlap(gold, s);
  if (gold.label === 'indicator') return o > 0 && s.start <= gold.keyStart && gold.keyEnd <= s.end;
  return o * 2 >= gold.end - gold.start && o * 2 >= s.end - s.start;
}

/** One-to-one matches of one case's gold spans and suggestions. */
export function matchCase(gold: readonly GoldSpan[], suggestions: readonly Suggestion[]): Map<GoldSpan, Suggestion> {
  const pairs: Array<{ g: GoldSpan; s: Suggestion; o: number }> = [];
  for (const g of gold) for (const s of suggestions) if (spansMatch(g, s)) pairs.push({ g, s, o: overlap(g, s) });
  pairs.sort((a, b) => b.o - a.o);
  const matched = new Map<GoldSpan, Suggestion>();
  const used = new Set<Suggestion>();
  for (const { g, s } of pairs) {
    if (matched.has(g) || used.has(s)) continue;
    matched.set(g, s);
    used.add(s);
  }
  return matched;
}

export function sameValue(expected: FieldValue | undefined, got: FieldValue | undefined): boolean {
  if (typeof expected === 'number' && typeof got === 'number') return Math.abs(expected - got) <= 1e-6 * Math.max(1, Math.abs(expected));
  return (expected ?? null) === (got ?? null);
}

function labelScore(gold: number, suggested: number, matched: number): LabelScore {
  const precision = suggested ? matched / suggested : 1;
  const recall = gold ? matched / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, suggested, matched, precision, recall, f1 };
}

export function scoreSuggestions(gold: readonly GoldSpan[], perCase: readonly CaseSuggestions[]): EvalReport {
  const missed: GoldSpan[] = [];
  const falsePositives: EvalReport['falsePositives'] = [];
  const counts = { indicator: { gold: 0, suggested: 0, matched: 0 }, lesson: { gold: 0, suggested: 0, matched: 0 } };
  const changes: ChangeScore = { total: 0, parsedRight: 0, valuesRight: 0, fieldsChecked: 0, fieldsRight: 0, fieldAccuracy: 1, misses: [] };
  const headlines = { matched: 0, agreeing: 0 };
  const metrics: MetricScore = { labelled: 0, right: 0, accuracy: 1, meanOverlap: 1, misses: [] };
  let overlapSum = 0;

  for (const { caseId, suggestions } of perCase) {
    const caseGold = gold.filter((g) => g.caseId === caseId);
    const matched = matchCase(caseGold, suggestions);
    const used = new Set(matched.values());
    for (const g of caseGold) {
      counts[g.label].gold++;
      const s = matched.get(g);
      if (s) counts[g.label].matched++;
      else missed.push(g);
      if (g.label === 'lesson' && s) {
        headlines.matched++;
        if (s.fields.headline === g.headline) headlines.agreeing++;
      }
      if (g.fields) scoreFields(caseId, g, s, changes);
      if (g.metrics && s) {
        const got = typeof s.fields.metric === 'string' ? s.fields.metric : '';
        metrics.labelled++;
        overlapSum += Math.max(...g.metrics.map((m) => charOverlap(normalMetric(m), normalMetric(got))));
        if (g.metrics.some((m) => normalMetric(m) === normalMetric(got))) metrics.right++;
        else metrics.misses.push({ caseId, text: g.text, expected: g.metrics, got });
      }
    }
    for (const s of suggestions) {
      counts[s.label].suggested++;
      if (!used.has(s)) falsePositives.push({ ...s, caseId });
    }
  }
  changes.fieldAccuracy = changes.fieldsChecked ? changes.fieldsRight / changes.fieldsChecked : 1;
  metrics.accuracy = metrics.labelled ? metrics.right / metrics.labelled : 1;
  metrics.meanOverlap = metrics.labelled ? overlapSum / metrics.labelled : 1;
  return {
    indicator: labelScore(counts.indicator.gold, counts.indicator.suggested, counts.indicator.matched),
    lesson: labelScore(counts.lesson.gold, counts.lesson.suggested, counts.lesson.matched),
    changes,
    metrics,
    headlines,
    missed,
    falsePositives,
  };
}

function scoreFields(caseId: string, g: GoldSpan, s: Suggestion | undefined, out: ChangeScore): void {
  out.total++;
  let all = true;
  let values = true;
  for (const field of CHANGE_FIELDS) {
    if (!(field in g.fields!)) continue;
    const expected = g.fields![field];
    const got = s?.fields[field];
    out.fieldsChecked++;
    if (s && sameValue(expected, got)) out.fieldsRight++;
    else {
      all = false;
      if (field === 'baseline' || field === 'value') values = false;
      out.misses.push({ caseId, text: g.text, field, expected, got });
    }
  }
  if (all) out.parsedRight++;
  if (values && s) out.valuesRight++;
}

/** A metric name compared as written, without the spaces a PDF's text layer leaves ("平均每周运动 3 次"). */
export const normalMetric = (m: string) => m.replace(/[\s$]+/g, '');

/** F1 of the characters two strings have in common (as multisets): 1 when equal, 0 when disjoint. */
export function charOverlap(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (!x.length || !y.length) return x.length === y.length ? 1 : 0;
  const count = new Map<string, number>();
  for (const ch of x) count.set(ch, (count.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of y) {
    const n = count.get(ch) ?? 0;
    if (n > 0) {
      common++;
      count.set(ch, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}
