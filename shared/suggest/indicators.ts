import type { FieldValue } from '../model/annotation.ts';
import type { Section } from '../model/sections.ts';
import { scanCandidates } from './candidates.ts';
import { findChanges, levelDirection } from './changes.ts';
import { clauseStart, lastYearIn, sentenceStart } from './clauses.ts';
import { plainDraft, type IndicatorDraft } from './indicator-draft.ts';
import { indicatorScore } from './indicator-score.ts';
import { BARE_METRIC, BARE_VERB, metricBefore, metricOf, qualifiedMetric } from './metric.ts';
import { listMetric, markRespectivelyLists } from './respectively.ts';
import { makeSuggestion, type Suggestion } from './suggestion.ts';
import type { TextRegions } from './text-regions.ts';

/**
 * Quantitative indicators in a case text: every figure that survives the exclusion rules, with
 * change expressions read as one indicator each (or one per number in a "分别" list), parsed into
 * the fields of the indicator label, with the metric, the year, and a score from its section.
 */
export function suggestIndicators(text: string, sections: readonly Section[]): Suggestion[] {
  const scan = scanCandidates(text);
  // A number with no unit may still be the baseline or later value of a change ("从 2017 年的 4.4 增加到 2021 年的 7.0").
  const usable = scan.candidates.filter((c) => c.reason === null || c.reason === 'bare-number');
  const { drafts, consumed } = findChanges(text, scan.regions, usable);
  for (const c of scan.candidates) {
    if (c.reason !== null || consumed.has(c)) continue;
    const d = plainDraft(c);
    d.direction = levelDirection(text, c);
    drafts.push(d);
  }
  drafts.sort((a, b) => a.start - b.start);
  markRespectivelyLists(text, drafts);
  assignYears(text, scan.regions, drafts);
  assignMetrics(text, drafts);
  return drafts.map((d) => toSuggestion(text, sections, d));
}

const YEAR_RANGE = /((?:19|20)\d{2})[\s$]*[～~\-—–至到][\s$]*((?:19|20)\d{2})[\s$]*年/g;

function assignYears(text: string, regions: TextRegions, drafts: IndicatorDraft[]): void {
  for (const d of drafts) {
    if (d.kind === 'change') continue;
    if (d.main.table) {
      d.year = d.main.table.year;
      continue;
    }
    const ss = sentenceStart(text, d.start);
    d.year = lastYearIn(text, ss, d.listHead ?? d.start, regions);
    // "2018～2022 年…分别为 15414 人、13589人…": one year per value.
    if (d.listSize && d.listIndex !== undefined) {
      for (const m of text.slice(ss, d.listHead).matchAll(YEAR_RANGE)) {
        const from = Number(m[1]);
        if (Number(m[2]) - from + 1 === d.listSize) d.year = from + d.listIndex;
      }
    }
  }
}

function assignMetrics(text: string, drafts: IndicatorDraft[]): void {
  let prev: IndicatorDraft | null = null;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const sameClause = prev !== null && clauseStart(text, d.start, 200) <= prev.end;
    const sameSentence = prev !== null && sentenceStart(text, d.start) <= prev.start;
    if (d.main.table) d.metric = d.main.table.metric;
    else if (d.listHead !== undefined) d.metric = listMetric(text, drafts, i);
    if (!d.metric) d.metric = d.kind === 'change' && d.start < d.main.start ? metricBefore(text, d.start) : metricOf(text, d.main, sameClause ? prev!.end : undefined);
    // "，下降 64.10%": a change with no subject is about the metric just before it.
    if (!d.metric && prev && sameSentence) d.metric = prev.metric;
    // "已推出400余期": a verb alone names nothing; with its measure word it names the count ("推出期数").
    if (d.metric && BARE_VERB.test(d.metric) && d.kind === 'count' && /^\p{Script=Han}$/u.test(d.unit)) d.metric = `${d.metric}${d.unit}数`;
    // "筛查率达85%以上", "占比 40%": of what, the clause before says — its figure's metric, or its subject.
    if (d.metric && BARE_METRIC.test(d.metric)) {
      const topic = prev && sameSentence ? prev.metric : topicBefore(text, d.start);
      if (topic && topic !== d.metric) d.metric = qualifiedMetric(d.metric, topic);
    }
    prev = d;
  }
}

/** The subject of the clause before `at`'s own, when that clause has no figure ("…的培训率最高，占比 40%"). */
function topicBefore(text: string, at: number): string {
  const own = clauseStart(text, at, 200);
  if (own === 0 || !/[，,]/.test(text[own - 1]!)) return '';
  const before = text.slice(clauseStart(text, own - 1, 200), own - 1);
  return /\d/.test(before) ? '' : metricBefore(text, own - 1, undefined);
}

function toSuggestion(text: string, sections: readonly Section[], d: IndicatorDraft): Suggestion {
  const fields: Record<string, FieldValue> = {
    kind: d.kind,
    metric: d.metric ?? '',
    value: d.value,
    unit: d.unit,
    baseline: d.baseline,
    baselineYear: d.baselineYear,
    year: d.year,
    direction: d.direction,
    change: d.change,
    changeUnit: d.changeUnit,
    approx: d.approx,
  };
  if (d.valueMax !== null) fields.valueMax = d.valueMax;
  return makeSuggestion('indicator', text, sections, d.start, d.end, fields, indicatorScore(d, sections));
}

