import type { Candidate } from './candidates.ts';
import { clauseStart } from './clauses.ts';

/**
 * The noun phrase a number measures. Chinese puts it before a copula ("在线观看人数达 225.9万人",
 * "居民健康素养水平从…提升到…") or after a measure word ("1134名参与者", "41个成员单位"), or after
 * a share ("91%的人对活动…表示满意"). The phrase is trimmed of what frames the statement rather
 * than names the metric: dates (截至2024年底), connectives (其中, 同时), scope (全市, 全省) and
 * the copula or verb itself.
 */
const TRAILING = new RegExp(
  '(?:' +
    [
      '的', '为', '达到', '已达到', '已经达到', '已达', '达', '是', '约为', '约占', '约', '占', '共计?', '累计', '合计', '有', '了', '已', '均',
      '分别', '仅为?', '高达', '超过', '超', '近', '接近', '将近', '逾', '提升', '提高', '上升', '增加', '增长', '下降', '降低', '减少', '缩短', '到',
      '至', '从', '由', '快速', '大幅', '逐步', '稳步', '持续', '显著', '明显', '逐年', '不断', '呈[^，。]*趋势', '长达', '多达', '位居', '位列', '名列', '排名', '居', '突破', '维持', '保持', '连续', '以上', '总数', '总计', '最高', '最短', '平均',
    ].join('|') +
    ')[\\s$]*$',
);
const LEADING = new RegExp(
  '^(?:' +
    [
      '其中', '同时', '此外', '另外', '目前', '当前', '现已', '已经', '截至', '截止到?', '到', '至', '在(?!线)', '自', '经过', '通过', '据统计', '经调查', '调查显示',
      '数据显示', '结果显示', '监测显示', '共', '累计', '全年', '年内', '近年来', '如', '并', '且', '还', '已', '均', '先后', '共计', '合计', '总计',
      '(?:(?:19|20)\\d{2}[\\s$]*年[\\s$]*(?:\\d{1,2}[\\s$]*月)?(?:份)?(?:底|末|初|以来|度|上半年|下半年)?(?:[\\s$]*\\d{1,2}[\\s$]*日)?)',
      '(?:\\d{1,2}[\\s$]*月(?:份)?(?:底|末|初)?)', '(?:(?:19|20)\\d{2}[\\s$]*[-～~—至到][\\s$]*(?:19|20)\\d{2}[\\s$]*年)', '近[\\s$]*\\d+[\\s$]*年(?:来)?', '\\d+[\\s$]*年来',
      '[至到～-]', '[（(）)]', '全市', '全省', '全区', '全县', '全国', '全镇', '全州', '我省', '我市', '本市', '该市', '该省',
    ].join('|') +
    ')[\\s$，,]*',
);
/** Action verbs that open a clause before its object ("建设省级以上健康促进医院127所"): the object is the metric. */
const LEADING_VERB = /^(?:累计|先后|共)?(?:建设|建成|创建|开展|完成|举办|培训|组织|发放|投入|新增|新建|打造|成立|设立|组建|推出|制作|录制|发表|收集|拨付|下拨|配备|招募|遴选|评定|修缮|更新|开通|聘任|确定)(?:了)?/;
const NOUN_AFTER = /^[\s$）)]*(?:余|多)?[\s$]*([^\s$，,。；;：:、（(）)“”"《》\n\d]{1,16})/;
/** Where a noun phrase after a measure word stops: the verb or particle that follows it. */
const AFTER_STOP = /(?:人均|的|被|在|进行|参与|参加|开展|完成|获得|提供|积极|已|均|得到|通过|实现|覆盖|纳入|接受|报名|免受|避免|有|为|是|对|从|由|向|和|及|与|等|共|中|，|得|到|达|实施|提出|表示|认为|掌握|受益|发生|接种)/;

export function metricBefore(text: string, start: number, from?: number, maxLength = 20): string {
  const cs = Math.max(clauseStart(text, start, 60), from ?? 0);
  let phrase = text.slice(cs, start).replace(/\s+/g, '');
  for (let i = 0; i < 6; i++) {
    const before = phrase;
    phrase = phrase.replace(TRAILING, '').replace(LEADING, '');
    if (phrase === before) break;
  }
  const object = phrase.replace(LEADING_VERB, '');
  if (object.length >= 2) phrase = object;
  // Long clauses lead up to the metric: keep the end, where the metric sits next to its number.
  if (phrase.length > maxLength) phrase = phrase.slice(-maxLength);
  // "…发生率呈下降趋势，由 2020年…下降至…", "…占比持续增加，2020 年达到 11.23%": a clause with no
  // subject of its own is about the one before.
  if (!phrase && from === undefined) {
    const prevEnd = clauseStart(text, start, 60) - 1;
    const prevClause = text.slice(clauseStart(text, Math.max(0, prevEnd), 60), Math.max(0, prevEnd));
    // A clause with figures of its own has its own indicators; the caller links to those.
    if (prevEnd > 0 && /[，,]/.test(text[prevEnd]!) && !/\d/.test(prevClause)) phrase = metricBefore(text, prevEnd, undefined, maxLength).replace(/(?:呈|逐年|持续)[^，。]*$/, '');
  }
  return phrase;
}

export function metricAfter(text: string, c: Candidate): string {
  const m = NOUN_AFTER.exec(text.slice(c.end, c.end + 24));
  if (!m) return '';
  let noun = m[1]!;
  const stop = AFTER_STOP.exec(noun.slice(2));
  if (stop) noun = noun.slice(0, 2 + stop.index);
  return noun;
}

/** "91%的人对活动的形式和内容表示满意": a share's metric is what follows it. */
export function metricOfShare(text: string, c: Candidate): string {
  const m = /^[\s$]*的([^，,。；;：:\n]{1,20})/.exec(text.slice(c.end, c.end + 24));
  return m ? m[1]!.trim() : '';
}

/**
 * The metric of a candidate on its own: before a copula, after a measure word, or after a share.
 * `from` keeps the phrase after the previous indicator in the same clause ("12类 4222家").
 */
export function metricOf(text: string, c: Candidate, from?: number): string {
  if (c.kind === 'rate' && c.attributive) {
    const share = metricOfShare(text, c);
    if (share) return share;
  }
  const before = metricBefore(text, c.start, from);
  if (c.kind === 'count' && /^[\s$]*(?:余|多)?[\s$]*[\p{Script=Han}A-Za-z]/u.test(text.slice(c.end, c.end + 3)) && !/^[\s$]*的/.test(text.slice(c.end))) {
    const after = metricAfter(text, c);
    if (after) return after;
  }
  if (before) return before;
  return metricAfter(text, c);
}

/**
 * "分别" lists: the subject before the shared verb names one metric per number, separated by
 * 、 (or 和): "健康知识、健康行为、健康技能素养分别提升8.72、10.15、2.50个百分点" → three
 * metrics in order. Returns null when the subject does not split into exactly `count` parts.
 */
export function splitSubject(subject: string, count: number): string[] | null {
  const byComma = subject.split('、').map((s) => s.trim()).filter(Boolean);
  if (byComma.length === count) return byComma;
  // 和 joins the last two items; 与 and 及 are too often inside words (参与率, 普及率) to split on.
  const byAll = subject.split(/[、和]/).map((s) => s.trim()).filter(Boolean);
  if (byAll.length === count) return byAll;
  return null;
}
