import type { Candidate } from './candidates.ts';
import { clauseStart } from './clauses.ts';
import { joinLabels } from './table-cells.ts';

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
      '(?:增|降|升)至', '(?:增加|增长|提高|提升|降低|下降)到', '的', '为', '达到', '已达到', '已经达到', '已达', '达', '是', '约为', '约占', '约', '占', '共计?', '累计', '合计', '有', '了', '已', '均',
      '分别', '仅为?', '高达', '超过', '超', '近', '接近', '将近', '逾', '提升', '提高', '上升', '增加', '增长', '下降', '降低', '减少', '缩短', '到',
      '至', '从', '由', '快速', '大幅', '逐步', '稳步', '持续', '显著', '明显', '逐年', '不断', '呈[^，。]*趋势', '长达', '多达', '位居', '位列', '名列', '排名', '居', '突破', '维持', '保持', '连续', '以上', '总数', '总计', '最高', '最短', '平均', '之一', '尚未', '仍', '较高', '较低', '(?:的)?基础上', '(?<=[^，,。、]{2})已[^，,。]{0,6}(?:播出|推出|发布|完成|建成|开通)',
    ].join('|') +
    ')[\\s$]*$',
);
const LEADING = new RegExp(
  '^(?:' +
    [
      '[、，,；;]', '将', '仅在', '仅', '每年', '其中', '同时', '此外', '另外', '目前', '当前', '现已', '已经', '截至', '截止到?', '到', '至', '在(?!线)', '自', '经过', '通过', '据统计', '经调查', '调查显示',
      '数据显示', '结果显示', '监测显示', '共有', '现有', '拥有', '共', '累计', '(?:已)?连续[\\s$]*\\d+[\\s$]*年', '全年', '年内', '近年来', '如', '并', '且', '还', '已', '均', '先后', '共计', '合计', '总计',
      '(?:(?:19|20)\\d{2}[\\s$]*年[\\s$]*(?:\\d{1,2}[\\s$]*月)?(?:份)?(?:底|末|初|以来|度|上半年|下半年)?(?:[\\s$]*\\d{1,2}[\\s$]*日)?)',
      '(?:\\d{1,2}[\\s$]*月(?:份)?(?:底|末|初)?)', '(?:(?:19|20)\\d{2}[\\s$]*[-～~—至到][\\s$]*(?:19|20)\\d{2}[\\s$]*年)', '近[\\s$]*\\d+[\\s$]*年(?:来)?', '\\d+[\\s$]*年来',
      '[至到～-]', '[（(）)]', '全市', '全省', '全区', '全县', '全国', '全镇', '全州', '我省', '我市', '本市', '该市', '该省',
    ].join('|') +
    ')[\\s$，,]*',
);
/** Action verbs that open a clause before its object ("建设省级以上健康促进医院127所"): the object is the metric. */
/** A run of Latin letters and digits with a letter in it (a link, a hash) is no word of a metric. */
const JUNK = /(?=[\x21-\x7e]*[A-Za-z])[\x21-\x7e]{6,}/g;
const JUNK_AT_START = /^(?=[\x21-\x7e]*[A-Za-z])[\x21-\x7e]{6,}/;

/**
 * Action verbs that open a clause before its object ("建设省级以上健康促进医院127所"): the object is
 * the metric. Not 培训: "培训专家4045人次" counts trainings, and the verb belongs to the name.
 */
const LEADING_VERB = /^(?:累计|先后|共)?(?:建设|建成|创建|开展|完成|举办|组织|发放|投入|新增|新建|打造|成立|设立|组建|推出|制作|录制|发表|收集|拨付|下拨|配备|招募|遴选|评定|修缮|更新|开通|聘任|确定|核定)(?:了)?/;
/**
 * The same verbs (and a few that only occur inside a clause) where a long phrase has its object
 * after them: "组织科普专家制作《e点健康》等多系列健康科普专家短视频" → what was made.
 */
const INNER_VERB = /(?:开展|举办|组织|制作|录制|推广|推送|发放|创建|建成|打造|组建|成立|设立|推出|印发|下发|完成|评定|遴选|招募|修缮)(?:了)?/g;
/** A noun phrase after a measure word; a short quoted name is part of it (885个农村“大喇叭”). */
const NOUN_AFTER = /^[\s$）)]*(?:余|多)?[\s$]*((?:[^\s$，,。；;：:、（(）)“”"《》\n\d]|“[^”\n]{1,8}”|、(?=\p{Script=Han})){1,20})/u;
/** Where a noun phrase after a measure word stops: the verb or particle that follows it. */
const AFTER_STOP = /(?:人均|的|被|在|进行|参与|参加|开展|完成|获得|提供|积极|已|均|各|得到|通过|实现|覆盖|纳入|接受|报名|免受|避免|有(?!声|效|机|关|序)|为|是|对|从|由|向|及|与|等|共(?!卫|同|享|建|青|产|性)|中(?!心|医|国|小|学|药)|，|得|到|达|实施|提出|表示|认为|掌握|受益|发生|接种|配备|联合|定期|申请|基础|之一|下发|制定|印发|全部|全覆盖|统一|成立|设立|建立|按照|建设(?!单位|市|县))/;
/** Measure words that are nouns themselves ("16部门制定发布…", "全市16区及经开区…"): with a verb after them, they are what is counted. */
const NOUN_UNITS = new Set(['部门', '区', '县', '市', '省', '镇', '乡', '村', '单位']);
/** A copula a phrase after a measure word may open with ("3000余人为代表样本"). */
const AFTER_COPULA = /^(?:作为|为|是)/;
/** The connective a phrase may end on when the next item of a list follows ("…患儿和"). */
const TRAILING_JOINER = /[和及与、]+$/;

export function metricBefore(text: string, start: number, from?: number, maxLength = 26): string {
  const cs = Math.max(clauseStart(text, start, 60), from ?? 0);
  // Runs of Latin letters and digits glued together are no words of a metric (a link or a hash left in the text).
  let phrase = text.slice(cs, start).replace(/\s+/g, '').replace(JUNK_AT_START, '');
  for (let i = 0; i < 6; i++) {
    const before = phrase;
    phrase = phrase.replace(TRAILING, '').replace(LEADING, '');
    if (phrase === before) break;
  }
  // "培训内容包括媒体传播与实践、…等6类": what the list is of.
  const listOf = /^(.{2,10}?)(?:包括|包含|涵盖|分为)/.exec(phrase);
  if (listOf) phrase = listOf[1]!;
  const object = phrase.replace(LEADING_VERB, '');
  if (object !== phrase && object.length >= 2) phrase = object;
  else if (object === phrase) phrase = objectOfInnerVerb(phrase);
  // Long clauses lead up to the metric: keep the end, where the metric sits next to its number,
  // from a word's start.
  if (phrase.length > maxLength) phrase = wordsFromEnd(phrase, maxLength);
  // "…发生率呈下降趋势，由 2020年…下降至…", "…占比持续增加，2020 年达到 11.23%": a clause with no
  // subject of its own is about the one before.
  if (!phrase && from === undefined) {
    const prevEnd = clauseStart(text, start, 60) - 1;
    const prevClause = text.slice(clauseStart(text, Math.max(0, prevEnd), 60), Math.max(0, prevEnd));
    // A clause with figures of its own has its own indicators; the caller links to those.
    if (prevEnd > 0 && /[，,]/.test(text[prevEnd]!) && !/\d/.test(prevClause.replace(JUNK, ''))) phrase = metricBefore(text, prevEnd, undefined, maxLength).replace(/(?:呈|逐年|持续)[^，。]*$/, '');
  }
  return phrase;
}

/**
 * A long phrase that is a verb phrase inside ("朋友圈和微信群推广防护知识"): the object of its last
 * action verb, when that object is a name of four or more characters ("推广培训" is a noun: its
 * verb is passed over for the one before, "开展健康科普技能培训和…推广培训").
 */
function objectOfInnerVerb(phrase: string): string {
  if (phrase.length < 8) return phrase;
  const verbs = [...phrase.matchAll(INNER_VERB)].filter((m) => m.index >= 2);
  for (const m of verbs.toReversed()) {
    const object = phrase.slice(m.index + m[0].length);
    // "社会组织及体育俱乐部参与率": 组织 is a noun there, its "object" a conjunction's.
    if (object.length >= 4 && !/^[及和与的等、，]/.test(object)) return object;
  }
  return phrase;
}

const WORDS = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** The end of a phrase, at most `max` characters, starting where a word starts. */
function wordsFromEnd(phrase: string, max: number): string {
  const cut = phrase.length - max;
  for (const w of WORDS.segment(phrase)) if (w.index >= cut) return phrase.slice(w.index);
  return phrase.slice(cut);
}

export function metricAfter(text: string, c: Candidate): string {
  const m = NOUN_AFTER.exec(text.slice(c.end, c.end + 30));
  // A measure word that is a noun, followed by a verb or a conjunction: it is what is counted.
  if (NOUN_UNITS.has(c.unit) && (!m || AFTER_STOP.test(m[1]!.slice(0, 2)) || /^[及和与、]/.test(m[1]!))) return c.unit;
  if (!m) return '';
  let noun = m[1]!.replace(AFTER_COPULA, '');
  const stop = AFTER_STOP.exec(noun.slice(2));
  if (stop) noun = noun.slice(0, 2 + stop.index);
  noun = noun.replace(TRAILING_JOINER, '');
  // One character ("共" of "6类共25堂") names nothing.
  return noun.length >= 2 ? noun : '';
}

/** What a share may be followed by that is its target, not what it measures ("达到80%的目标任务"). */
const SHARE_TARGET = /^(?:目标|目标任务|目标值|要求|标准|水平)$/;
/** Where the predicate of a share's noun begins: "的机构设有专人…", "的人对活动…表示满意". */
const SHARE_PREDICATE = /(?<=.)(?:设有|建有|表示|认为|对|参与了?|参加了?|掌握了?|获得了?|完成了?|接受了?|选择|知晓|了解|使用|能够|愿意|已|均)/;

/**
 * "91%的人对活动的形式和内容表示满意": a share's metric is what follows it, said as the noun it
 * counts: "对活动的形式和内容表示满意的人". A verb the share is the object of comes with it:
 * "覆盖了近90%的基层医疗卫生机构" → "覆盖的基层医疗卫生机构".
 */
export function metricOfShare(text: string, c: Candidate): string {
  const m = /^[\s$]*的([^，,。；;：:\n]{1,24})/.exec(text.slice(c.end, c.end + 30));
  if (!m) return '';
  // Up to the next share: "80%的乡镇和70%的行政村…" names 乡镇.
  const phrase = m[1]!.replace(/[\d.]+[\s$]*[%％‰][\s\S]*$/, '').trim().replace(TRAILING_JOINER, '');
  if (!phrase) return '';
  if (SHARE_TARGET.test(phrase)) return '';
  const predicate = SHARE_PREDICATE.exec(phrase);
  if (predicate && predicate.index >= 1) return `${phrase.slice(predicate.index)}的${phrase.slice(0, predicate.index)}`;
  const verb = /(覆盖|惠及)了?[\s$]*$/.exec(text.slice(Math.max(0, c.start - 6), c.start));
  return verb ? `${verb[1]}的${phrase}` : phrase;
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
  if (c.kind === 'count' && /^[\s$]*(?:余|多)?[\s$]*[\p{Script=Han}A-Za-z“]/u.test(text.slice(c.end, c.end + 3)) && !/^[\s$]*的/.test(text.slice(c.end))) {
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

/** Names that say what kind of figure, not of what ("筛查率达85%以上", "占比40%"): the clause before says of what. */
export const BARE_METRIC = /^(?:筛查率|覆盖率|治疗率|知晓率|参与率|合格率|达标率|使用率|满意度|占比|比例|增幅|增长率)$/;

/**
 * A bare metric named with what the clause before is about: "新生儿先天性心脏病筛查覆盖98%县市区，
 * 筛查率达85%以上" → "新生儿先天性心脏病筛查率"; "媒体传播与实践的培训率最高，占比40%" →
 * "媒体传播与实践的培训占比". `topic` is that clause's own metric.
 */
export function qualifiedMetric(bare: string, topic: string): string {
  // What the topic is about: without the verb it ends on, and without a rate word of its own.
  const of = topic.replace(/(?:覆盖|达到|达|为|是|最高|最低)$/, '').replace(/率$/, '');
  return of ? joinLabels(of, bare) : bare;
}

/** A verb left alone as a metric ("已推出400余期" → "推出"). */
export const BARE_VERB = /^(?:推出|播出|开展|举办|完成|发布|建成|创建|组织|制作|录制|推送|发放|培训|召开|印发|下发)$/;
