import type { Candidate } from './candidates.ts';
import { clauseStart, lastYearIn, LIST_JOINER, sentenceStart } from './clauses.ts';
import { BOUND_VERB, directionOf, FREE_VERB, type Direction } from './direction-words.ts';
import { plainDraft, type ChangeUnit, type IndicatorDraft } from './indicator-draft.ts';
import { roundTo } from './number-tokens.ts';
import type { TextRegions } from './text-regions.ts';

/**
 * Change expressions, the strongest evidence of results:
 *
 * - from–to: "从2019年19.18%提升到2021年26.82%", "由 46.83%降低为41.71%",
 *   "由创建之初的 13万平方米增长到 1060万平方米", "从全省第 158名快速提升到 2023年的全省第 1名";
 * - delta: "较 2020 年增长 10.82 个百分点", "下降约10个百分点", "提高了27.73%", "下降 64.10%";
 * - either as a "分别" list: "由 2020 年的 0.58‰、0.61‰分别下降至 2023年 0.34‰、0.42‰",
 *   "较2019年分别提升8.72、10.15、2.50个百分点".
 *
 * Span boundary: a single change covers the whole expression, from 从/由 (or 较/比, or the
 * verb) to the end of the last amount. In a "分别" list each indicator covers only its own
 * number (the later one of a from–to pair), since the expression is shared.
 */
const YEAR_PART = String.raw`(?:((?:19|20)\d{2})[\s$]*年(?:底|末|初|度)?[\s$]*(?:的)?)`;
const ADVERB = '(?:快速|迅速|大幅度|大幅|逐步|稳步|显著|明显|持续|直线|进一步|逐年|有效|均)';

/** Between the baseline and the later value: "提升到2021年", "的下降到", "快速提升到 2023年的". */
const FROM_TO_GAP = new RegExp(String.raw`^[\s$]*(?:的)?[\s$]*${ADVERB}?[\s$]*(?:分别)?[\s$]*(${BOUND_VERB})(?:了)?[\s$]*(?:到|至|为|成)?[\s$]*${YEAR_PART}?[\s$]*$`);
/**
 * The same across a clause: "由2018年的29.21%直线上升，2021年全省婚检率达到了79.8%" — the verb
 * ends the first clause and the second names the later value.
 */
const FROM_TO_SPLIT_GAP = new RegExp(
  String.raw`^[\s$]*(?:的)?[\s$]*${ADVERB}?[\s$]*(${FREE_VERB})[\s$]*[，,][\s$]*${YEAR_PART}?[^，。；\d]{0,16}?(?:达到了?|已达|达|为|升至|降至|提高到|提升至|提高至|下降至|降低至)[\s$]*$`,
);
/** Before the baseline: "从2019年", "由 2020 年的", "由条例实施前的", "从". */
const FROM_HEAD = new RegExp(String.raw`(从|由)[\s$]*(?:${YEAR_PART}|[^，。；、\d\s]{1,10}?的)?[\s$]*$`);
/** Before an amount of change: "较 2020 年增长", "相比 2020年分别增长了", "下降", "下降幅度". */
const DELTA_HEAD = new RegExp(
  String.raw`(?:(较|比|相比|相较于?)[\s$]*(?:((?:19|20)\d{2})[\s$]*年(?:底|末|初|度)?|上年|去年|同期|上一年|基线|干预前|活动前)[^，。；\d]{0,8}?)?(?:同比|环比)?[\s$]*(?:分别)?[\s$]*${ADVERB}?[\s$]*(${FREE_VERB})(?:了|幅度为?|幅度达|幅为?|率为)?[\s$]*$`,
);
const LEVEL_HEAD = new RegExp(String.raw`(${BOUND_VERB})(?:了)?[\s$]*(?:到|至|为)[\s$]*${YEAR_PART}?[\s$]*$`);

export interface ChangeResult {
  drafts: IndicatorDraft[];
  /** Candidates used up as baselines or later values. */
  consumed: Set<Candidate>;
}

/** `usable` are the candidates that may take part in a change, in text order. */
export function findChanges(text: string, regions: TextRegions, usable: readonly Candidate[]): ChangeResult {
  const drafts: IndicatorDraft[] = [];
  const consumed = new Set<Candidate>();
  let previous: IndicatorDraft | null = null;
  for (let i = 0; i < usable.length; i++) {
    if (consumed.has(usable[i]!)) continue;
    const found = fromTo(text, regions, usable, i);
    if (!found) continue;
    for (const d of found.drafts) {
      inheritYears(text, regions, d, previous);
      drafts.push(d);
    }
    for (const c of found.used) consumed.add(c);
    previous = found.drafts[found.drafts.length - 1]!;
  }
  for (let i = 0; i < usable.length; i++) {
    if (consumed.has(usable[i]!)) continue;
    const found = delta(text, regions, usable, i);
    if (!found) continue;
    for (const d of found) {
      drafts.push(d);
      consumed.add(d.main);
    }
  }
  return { drafts, consumed };
}

/** A run of candidates joined by 、/和/及/与 starting at `i`. */
function listFrom(text: string, usable: readonly Candidate[], i: number): Candidate[] {
  const list = [usable[i]!];
  while (i + 1 < usable.length && LIST_JOINER.test(text.slice(usable[i]!.end, usable[i + 1]!.start))) list.push(usable[++i]!);
  return list;
}

function fromTo(text: string, regions: TextRegions, usable: readonly Candidate[], i: number): { drafts: IndicatorDraft[]; used: Candidate[] } | null {
  const first = usable[i]!;
  const cs = clauseStart(text, first.start, 60);
  const head = FROM_HEAD.exec(text.slice(cs, first.start));
  if (!head) return null;
  const from = cs + head.index;
  const baselines = listFrom(text, usable, i);
  const afterIndex = i + baselines.length;
  const firstLater = usable[afterIndex];
  if (!firstLater) return null;
  const between = text.slice(baselines[baselines.length - 1]!.end, firstLater.start);
  const gap = FROM_TO_GAP.exec(between) ?? (baselines.length === 1 ? FROM_TO_SPLIT_GAP.exec(between) : null);
  if (!gap) return null;
  const laters = listFrom(text, usable, afterIndex);
  if (laters.length < baselines.length || (baselines.length > 1 && laters.length !== baselines.length)) return null;
  const verb = gap[1]!;
  const baselineYear = head[2] ? Number(head[2]) : null;
  const laterYear = gap[2] ? Number(gap[2]) : null;
  const drafts: IndicatorDraft[] = [];
  const used: Candidate[] = [];
  baselines.forEach((b, k) => {
    const later = laters[k]!;
    const single = baselines.length === 1;
    const d = plainDraft(later);
    d.start = single ? from : later.start;
    d.kind = 'change';
    const baseline = inUnitOf(b, later);
    d.baseline = baseline;
    d.baselineYear = baselineYear;
    d.year = laterYear;
    d.unit = later.unit || b.unit;
    d.direction = directionOf(verb) ?? signOf(later.value - baseline, later.kind === 'ranking');
    d.change = roundTo(Math.abs(later.value - baseline), Math.max(b.decimals, later.decimals));
    d.changeUnit = isPercent(d.unit) ? 'pp' : 'abs';
    if (!single) {
      d.listHead = from;
      d.listIndex = k;
      d.listSize = baselines.length;
    }
    drafts.push(d);
    used.push(b, later);
  });
  return { drafts, used };
}

/**
 * Years left unsaid are those of the sentence: "…由 2012年的 62.1%上升至 2022年的 87.4%，家庭
 * 盐勺持有率由 23.0%上升至 37.2%" reads as the same period, and "2023年全市居民健康素养水平由
 * 2022年的 22.98%提升至 29.52%" as reaching 29.52% in 2023.
 */
function inheritYears(text: string, regions: TextRegions, d: IndicatorDraft, previous: IndicatorDraft | null): void {
  const ss = sentenceStart(text, d.start);
  if (d.baselineYear === null && d.year === null && previous && previous.start >= ss) {
    d.baselineYear = previous.baselineYear;
    d.year = previous.year;
    return;
  }
  if (d.year === null) {
    const y = lastYearIn(text, ss, d.listHead ?? d.start, regions);
    if (y !== d.baselineYear) d.year = y;
  }
  // "该院自 2017年开展疾病管理后，患者满意度从…": the change is reckoned from the year it began.
  if (d.baselineYear === null) {
    const since = SINCE_YEAR.exec(text.slice(ss, d.listHead ?? d.start));
    if (since && Number(since[1]) !== d.year) d.baselineYear = Number(since[1]);
  }
}

const SINCE_YEAR = /自[\s$]*((?:19|20)\d{2})[\s$]*年(?:[^，。；]{0,20}?(?:后|以来|起))?/;

function delta(text: string, regions: TextRegions, usable: readonly Candidate[], i: number): IndicatorDraft[] | null {
  const first = usable[i]!;
  if (first.kind === 'ranking' || first.attributive) return null;
  // "改造提升 20 家农贸市场": a count before its noun is what the verb acted on, not a change.
  if (first.kind === 'count' && /^[\s$]*\p{Script=Han}/u.test(text.slice(first.end, first.end + 2)) && !/^[\s$]*[，,。；;、]/.test(text.slice(first.end))) return null;
  const cs = clauseStart(text, first.start, 60);
  const head = DELTA_HEAD.exec(text.slice(cs, first.start));
  if (!head) return null;
  const items = listFrom(text, usable, i).filter((c) => c.kind !== 'ranking');
  const anchorAt = head[1] ? cs + head.index : cs + head.index + head[0].indexOf(head[3]!);
  const direction: Direction | null = directionOf(head[3]!);
  const baselineYear = head[2] ? Number(head[2]) : null;
  const year = lastYearIn(text, sentenceStart(text, anchorAt), anchorAt, regions);
  return items.map((c, k) => {
    const d = plainDraft(c);
    d.kind = 'change';
    d.start = items.length === 1 ? anchorAt : c.start;
    d.value = null;
    d.valueMax = null;
    d.change = c.value;
    d.changeUnit = changeUnitOf(c.unit);
    d.unit = d.changeUnit === 'pp' ? '%' : d.changeUnit === 'abs' ? c.unit : '';
    d.direction = direction;
    d.baselineYear = baselineYear;
    d.year = year !== baselineYear ? year : null;
    if (items.length > 1) {
      d.listHead = anchorAt;
      d.listIndex = k;
      d.listSize = items.length;
    }
    return d;
  });
}

/** "提升至 95.72%", "下降至 1.79‰": a level reached, with the direction it moved in. */
export function levelDirection(text: string, c: Candidate): Direction | null {
  const cs = clauseStart(text, c.start, 40);
  const m = LEVEL_HEAD.exec(text.slice(cs, c.start));
  return m ? directionOf(m[1]!) : null;
}

/** Seconds in a unit of time, for a from–to across units. */
const SECONDS: Readonly<Record<string, number>> = { 小时: 3600, 分钟: 60, 秒: 1 };

/**
 * The baseline in the later value's unit, so that value, baseline and change share one unit:
 * "由 3分钟缩短至 48秒" → from 180 to 48 (秒), a change of 132.
 */
function inUnitOf(b: Candidate, later: Candidate): number {
  const from = SECONDS[b.unit];
  const to = SECONDS[later.unit];
  if (!from || !to || from === to) return b.value;
  return Number(((b.value * from) / to).toFixed(6));
}

function isPercent(unit: string): boolean {
  return unit === '%' || unit === '％';
}

function changeUnitOf(unit: string): ChangeUnit {
  if (unit === '个百分点' || unit === '百分点') return 'pp';
  if (isPercent(unit)) return '%';
  return 'abs';
}

/** Direction from the numbers when the verb gives none; for a rank, a smaller number is higher. */
function signOf(diff: number, ranking: boolean): Direction {
  if (diff === 0) return 'none';
  return (diff > 0) !== ranking ? 'up' : 'down';
}
