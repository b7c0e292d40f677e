/**
 * Whether one point of a section that merges results and lessons ("三、成效和经验" with nothing
 * set apart as lessons) reads as a lesson (经验: how the work succeeded) or as a result (成效: what
 * it achieved). The labelling rule is written at the top of eval/gold.ts; this applies it.
 *
 * The lead phrase (the point's headline) says which it is, clause by clause:
 * - a LESSON clause names a principle, a condition, a mechanism or an approach: "领导重视是前提",
 *   "坚持…", "…有利于…", "管理机制联动性强", "社会动员广泛", "宣传到位", "开发管理工具";
 * - an OUTCOME clause states a result reached: "满意度高", "成效显著", "意识提高", "生活方式养成",
 *   "网络日趋完善", "死亡率已呈现逐年下降趋势", or aims at one: "提升居民健康水平".
 * Only lesson clauses: a lesson. Only outcome clauses: a result. Both ("宣传到位，公众认可度高",
 * "完善共享机制，提升健康服务效率") or neither: the body decides — a body that tells how the work
 * was done is a lesson, one that mostly reports figures is a result.
 */

export type LeadReading = 'lesson' | 'outcome' | 'both' | 'neither';
export type ClauseReading = 'lesson' | 'outcome' | 'neither';

/** "领导重视是前提", "技术支撑是保障", "…至关重要": a condition of success. */
const CONDITION = /是(?:前提|关键|保障|基础|根本|核心|先导|抓手|动力|支撑|基石|途径|法宝|灵魂|生命线)|至关重要|必不可少|不可或缺/;
/** "坚持…", "必须…", "要…": a principle, said as one. */
const PRINCIPLE_START = /^(?:坚持|必须|始终|务必|只有|唯有|须|应当|应该|要(?![素点求]))/;
/** "…有利于提升…", "离不开…": what made something possible. */
const ENABLING = /有利于|有助于|离不开|得益于|取决于/;
/**
 * "管理机制联动性强", "社会动员广泛", "宣传到位", "领导组织保障有力": the quality of a mechanism —
 * how the work was organised, not what it achieved.
 */
const MECHANISM_QUALITY = /(?:机制|体制|领导|组织|动员|宣传|协同|联动|协作|合作|保障|培训|投入|统筹|引领|部门|政策)[^，,、]{0,6}(?:强|广泛|到位|有力|有效|扎实|健全|顺畅|充分|紧密|高效)$/;
/** A clause that starts with what was done: "开发管理工具", "构建健康风险预测模型", "完善共享机制". */
const APPROACH_START = /^(?:开发|研发|构建|建立|搭建|完善|健全|加强|强化|创新|整合|打造|推进|推动|实施|开展|发挥|深化|融合|引入|探索|聚焦|依托|注重|突出|统筹|优化|规范|拓展|联合|培育|借助|运用|利用)/;
/**
 * A clause that ends in a result reached: "满意度高", "成效显著", "意识提高", "养成", "进一步夯实",
 * "日趋完善", "初见成效", "呈现逐年下降趋势". "完善" and "提升" end an outcome ("网络日趋完善") but
 * start an approach ("完善共享机制"), hence the test on the clause's end.
 */
const OUTCOME_END = /(?:显著|明显|初见成效|成效|成果|提高|提升|增强|改善|增加|增长|下降|降低|减少|养成|夯实|丰富|完善|扩大|普及|趋势|突出|良好|好评|认可|高)$/;
/** A clause that starts with the result it aims at or reached: "提升居民健康水平", "实现全覆盖". */
const OUTCOME_START = /^(?:提升|提高|增强|改善|降低|减少|实现|形成|取得|获得|达到|建成)/;

export function readClause(clause: string): ClauseReading {
  const c = clause.trim();
  if (!c) return 'neither';
  if (CONDITION.test(c) || PRINCIPLE_START.test(c) || ENABLING.test(c) || MECHANISM_QUALITY.test(c) || APPROACH_START.test(c)) return 'lesson';
  if (OUTCOME_END.test(c) || OUTCOME_START.test(c)) return 'outcome';
  return 'neither';
}

/** The lead read clause by clause ("宣传到位，公众认可度高" → both). */
export function readLead(lead: string): LeadReading {
  const kinds = new Set(lead.split(/[，,；;：:]/).map(readClause));
  const lesson = kinds.has('lesson');
  const outcome = kinds.has('outcome');
  if (lesson && outcome) return 'both';
  if (lesson) return 'lesson';
  if (outcome) return 'outcome';
  return 'neither';
}

export interface Span {
  start: number;
  end: number;
}

/** Clause edges inside a point's body: a figure belongs to its clause. */
const CLAUSE_EDGE = /[，,；;。！!？?\n：:]/;

/**
 * How much of `text[start, end)` reports figures: the share of its characters (whitespace left
 * out) that sit in clauses holding a figure. "活动前后，1134名参与者…其中 866人（76.37%）体重
 * 下降。1134名参与者人均减重 1.42kg…" is nearly all figures; a body that tells how the work was
 * organised, with one count in passing, is not.
 */
export function figureShare(text: string, start: number, end: number, figures: readonly Span[]): number {
  let all = 0;
  let withFigure = 0;
  let from = start;
  for (let p = start; p <= end; p++) {
    if (p < end && !CLAUSE_EDGE.test(text[p]!)) continue;
    const size = text.slice(from, p).replace(/\s/g, '').length;
    all += size;
    if (figures.some((f) => f.start < p && f.end > from)) withFigure += size;
    from = p + 1;
  }
  return all ? withFigure / all : 0;
}

/** At or above this share, a body "mostly reports figures". */
export const MOSTLY_FIGURES = 0.5;

export interface PointReading {
  lesson: boolean;
  /** Suggestion score: a lead that says lesson outright is surer than one the body decides. */
  score: number;
  /** Why, for tests and debugging: the lead's reading and, when it decided, the body's share of figures. */
  why: string;
}

export const POINT_SCORE = { lessonLead: 0.8, decidedByBody: 0.6 };

/**
 * Read one enumerated point of a merged section: `lead` is its headline, `[bodyStart, end)` its
 * text after the marker, `figures` the indicator spans of the case.
 */
export function readPoint(lead: string, text: string, bodyStart: number, end: number, figures: readonly Span[]): PointReading {
  const reading = readLead(lead);
  if (reading === 'lesson') return { lesson: true, score: POINT_SCORE.lessonLead, why: 'lead: lesson' };
  if (reading === 'outcome') return { lesson: false, score: 0, why: 'lead: outcome' };
  const share = figureShare(text, bodyStart, end, figures);
  const lesson = share < MOSTLY_FIGURES;
  return { lesson, score: lesson ? POINT_SCORE.decidedByBody : 0, why: `lead: ${reading}; figures ${share.toFixed(2)}` };
}
