import type { ExclusionReason } from './exclusion-reason.ts';
import type { Quantity } from './quantity.ts';

/** A duration is the figure when a time metric names it ("整体干预时间为 12周", "优良天数达325天"). */
const METRIC_OF_TIME = /(?:天数|时间|时长|周期|工期|年限|寿命|用时|时限)[^，。；、\n]{0,12}$/;
const TIME_AMOUNT = new Set(['小时', '分钟', '秒', 'min']);
/** What may follow a duration that is itself the figure: a verb of change, a bound, a particle. */
const DURATION_FOLLOWER = /[减缩降增提延内以之左上到至的为达是，、。；）]/;
const BOUND_QUALIFIER = new Set(['以上', '及以上', '以下', '及以下', '以内', '之内', '内']);
/** A threshold word right before the number, or a few characters before it ("至少上门服务 1次"). */
const STANDARD_BEFORE = /(?:不低于|不少于|不超过|不高于|不多于|不大于|不小于|至少|最多|最低|上限为?|下限为?)[^，。；、\d]{0,6}$/;
/** 每 + a measure word or counted noun, but not 每 + a number (每万人口: a ratio) or a time (每年: a rate). */
const PER_UNIT_BEFORE = /每[\s$]*(?:个|家|张|名|位|所|户|床|座|间|台|辆|支|人(?!口|均)|单位|学校|医院|总医院|社区|村|乡镇|县)/;
/** "为22家幼儿园配备1名", "各配备1个": one given to each of the recipients counted before. */
const ALLOCATION_BEFORE = /\d[^，。；\d]*(?:各|分别)?(?:配备|配置|配|设立|设置|建立|安排)[\s$]*$|各[\s$]*$/;
const CLAUSE_BREAK = /[，,。；;：:！？!?\n（(）)]/;

/**
 * Figures that qualify, bound or restate another rather than measure: the age or threshold
 * that picks out whom a rate counts (15岁以上人群, 每周运动3次及以上的比例), a time that places
 * (近3年, 出生后6～72小时), a rule (不少于700名, 每家总医院100万), or a count that only repeats
 * the length of the list before it.
 */
export function qualifierReason(text: string, q: Quantity): ExclusionReason | null {
  const head = text.slice(Math.max(0, q.token.start - 8), q.token.start);
  if (q.kind === 'time' && !METRIC_OF_TIME.test(text.slice(Math.max(0, q.start - 16), q.start))) return 'time-span';
  if (q.kind === 'age' && !/^[\s]*(?:[，,。；;、）)\n]|$)/.test(text.slice(q.end, q.end + 2))) return 'qualifier';
  if (q.kind !== 'rate' && BOUND_QUALIFIER.has(q.bound) && (q.attributive || (/以内|之内|内|以下/.test(q.bound) && /^\p{Script=Han}/u.test(text[q.end] ?? '') && !/^(?:达|为|是|占)/.test(text[q.end] ?? '')))) return 'qualifier';
  // "出生后 6～72小时", "入组后的第 1个月": a time reckoned from an event places, it does not measure.
  if ((q.kind === 'time' || TIME_AMOUNT.has(q.unit)) && /(?:后|前|之后|以后|之前|以前)[\s$的]*$/.test(text.slice(Math.max(0, q.start - 4), q.start))) return 'time-span';
  // "在 5公里之内可以抵达": a circumstance, not a measurement.
  if (/以内|之内|内/.test(q.bound) && /在[\s$]*$/.test(text.slice(Math.max(0, q.start - 3), q.start))) return 'qualifier';
  if (/每[\s$]*$/.test(head)) return 'qualifier';
  // "每家总医院 100万", "每个设区市推荐1～3个": a share per unit restates an allocation, the total is the figure.
  if (PER_UNIT_BEFORE.test(text.slice(clauseStartOf(text, q.start), q.start))) return 'standard';
  // "15分钟生活圈", "5-10分钟长三角公共卫生播报": a duration glued to the noun it describes.
  if (TIME_AMOUNT.has(q.unit) && /^\p{Script=Han}/u.test(text[q.end] ?? '') && !DURATION_FOLLOWER.test(text[q.end]!)) return 'qualifier';
  // "为29所学校各配备1个健康医疗团队": one per recipient is an allocation, not a count.
  if (q.value === 1 && q.kind === 'count' && ALLOCATION_BEFORE.test(text.slice(Math.max(0, q.start - 16), q.start))) return 'standard';
  if (STANDARD_BEFORE.test(text.slice(Math.max(0, q.start - 12), q.start))) return 'standard';
  if (q.kind === 'count' && restatesList(text, q)) return 'list-count';
  return null;
}

function clauseStartOf(text: string, at: number): number {
  let p = at;
  while (p > 0 && at - p < 40 && !CLAUSE_BREAK.test(text[p - 1]!)) p--;
  return p;
}

/**
 * A count that only restates the length of the list just before it: "心脑血管病、癌症、慢性呼吸
 * 系统病3类重大疾病", "…、创新引领等 8个维度". With a partial list ("国家卫生健康委等 16部门")
 * the count says more than the list and stays an indicator.
 */
function restatesList(text: string, q: Quantity): boolean {
  if (q.valueMax !== null || q.decimals > 0 || q.value < 2 || q.value > 30) return false;
  let s = q.start;
  while (s > 0 && !CLAUSE_BREAK.test(text[s - 1]!) && q.start - s < 200) s--;
  const clause = text.slice(s, q.start).replace(/(?:共|等|在内|这|此|以上)[\s$]*$/, '');
  if (!clause.includes('、')) return false;
  const items = clause.split('、');
  // The last item may join two with 和/及/与 ("…、健康生活方式与行为素养和基本技能").
  const last = items[items.length - 1]!;
  const extra = (last.match(/[和及与]/g) ?? []).length;
  return items.length === q.value || items.length + extra === q.value;
}
