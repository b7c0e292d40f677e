import { ordinalValue } from './numbering.ts';
import { isInstitution } from './regions.ts';

/**
 * Cues a line gives about the document's structure, whatever the layout around it: a case
 * marker ("案例1", "典型案例01｜标题", "第二批……典型经验案例三"), an attribution after a title
 * ("——鹤壁市", "（健康知识普及行动工作组）", "来源：健康河北"), a news dateline ("本报讯（记者 张三）").
 * Each is evidence for the line joiner (such a line is a block of its own) and for case
 * segmentation (such a line starts or labels a case).
 */

export interface CaseMarker {
  /** The case's ordinal as the marker writes it (三 → 3, 01 → 1). */
  value: number;
  /** The title the marker line carries after the number ("典型案例01｜标题"), or null. */
  title: string | null;
  /**
   * A category the marker names before 典型案例 ("健康知识普及行动类典型案例一" → 健康知识普及行动类):
   * the case's part. Null for a batch name ("第二批……典型经验案例三") or none.
   */
  category: string | null;
}

const CN_NUM = '[一二三四五六七八九十〇零百]{1,4}';
const NUM = `(${CN_NUM}|[0-9０-９]{1,3})`;
const SEP = '\\s*(?:[｜|:：、．.\\-—–]+|\\s)\\s*';
// "第二批健康河北行动推进典型经验案例三", "健康知识普及行动类典型案例一": a batch or category name ending in the case's number.
const BATCH = new RegExp(`^(.{0,30}?)典型(?:经验)?案例${NUM}$`);
const MARKERS: readonly RegExp[] = [
  // "案例1", "案例一：标题", "典型案例01｜标题", "经验案例3 标题"
  new RegExp(`^(?:典型)?(?:经验)?案例之?\\s*${NUM}(?:${SEP}(.{2,80}))?$`),
  // "【案例1】标题", "[典型案例2]", "〔案例之三〕", "（案例4）"
  new RegExp(`^[【\\[〔（(]\\s*(?:典型)?(?:经验)?案例之?\\s*${NUM}\\s*[】\\]〕）)]\\s*(.{2,80})?$`),
  // "第3个案例：标题", "第三例"
  new RegExp(`^第${NUM}(?:个)?(?:典型)?案例(?:${SEP}(.{2,80}))?$`),
  BATCH,
  /^(?:case|example)\s+([0-9０-９]{1,3})(?:\s*[:.\-—]\s*(.{2,80}))?$/i,
];

/**
 * Ornaments a layout puts before a title or a marker: bullets (◆ ★ ■ ● ▶) and, in WeChat copies,
 * emoji (📌 🔶 ▶️, with their variation selectors and joiners). They are no part of the words.
 */
export const LEADING_ORNAMENTS = /^(?:[\p{Extended_Pictographic}◆◇★☆■□●○▶►▪•※◎◉♦❖➤➢]|\ufe0f|\u200d|\u20e3|\s)+/u;

/**
 * A line that marks the start of a case, or null. Typesetters space out short lines
 * ("案 例 三"), so a line that does not match as written is tried without its spaces.
 */
export function caseMarker(text: string): CaseMarker | null {
  // A marker is a short line (most paragraphs are passed over by their length alone) that names
  // a case (案例, 案 例, case, example).
  let t = text.trim().replace(LEADING_ORNAMENTS, '');
  if (t.length > 100 || !/案|case|example/i.test(t)) return null;
  // "Case 1 案例1", "案例2 Case 2": the English beside the marker only translates it.
  if (/case|example/i.test(t) && /案例/.test(t)) t = t.replace(/^(?:case|example)\s*[0-9０-９]{1,3}\s+|\s+(?:case|example)\s*[0-9０-９]{1,3}$/i, '');
  const compact = t.replace(/[\s\u3000]+/g, '');
  for (const candidate of compact === t ? [t] : [t, compact]) {
    for (const re of MARKERS) {
      const m = re.exec(candidate);
      if (!m) continue;
      if (re === BATCH) {
        const value = ordinalValue(m[2]!);
        const prefix = m[1]!.replace(/\s+/g, '');
        if (value) return { value, title: null, category: prefix.endsWith("类") ? prefix : null };
        continue;
      }
      const value = ordinalValue(m[1]!);
      if (!value) continue;
      return { value, title: m[2] ? cleanTitle(m[2]) : null, category: null };
    }
  }
  return null;
}

function cleanTitle(rest: string): string | null {
  const title = rest.replace(/^\s*[】\]]?\s*(?:[｜|:：、．.\-—–]+\s*)?/, '').trim();
  return title.length >= 2 ? title : null;
}

export interface Attribution {
  who: string;
  kind: 'dash' | 'bracket' | 'source';
}

const DASH = /^[—－–-]{1,3}\s*(\S.{0,39})$/;
/** What a dash line after a headline is when it is a subtitle, not a name. */
export const SUBTITLE = /(?:侧记|综述|纪实|报道|访谈|观察|巡礼|掠影|见闻|札记|散记|速写|特写|调查|述评|评述|回眸|寻访)$|[+＋]|\d{4}年/;
const BRACKET = /^[（(]\s*([^（）()]{2,30}?)\s*[）)]$/;
const SOURCE = /^(?:来源|信息来源|报送单位|供稿单位|供稿|推荐单位|申报单位|作者|撰稿|文|图文)\s*[：:]\s*(\S.{0,60})$/;

/**
 * A line that says who a case is from, as it follows a title: "——鹤壁市", "（省卫生健康委）",
 * "来源：健康河北 2022-08-01". A line in brackets counts only when it names a unit or place.
 */
export function attribution(text: string): Attribution | null {
  const t = text.trim();
  if (t.length > 64) return null;
  let m = DASH.exec(t);
  // "——鹤壁市" names who; "——第9届……论坛侧记" is a subtitle, and "- END -" a sign-off.
  // A wrapped line that starts with a dash ("—健康中国行动—医疗机构……平台”平", "—治疗的营养诊疗体系。利用……")
  // is no one: a name has no further dash, no sentence punctuation and no quote it does not open.
  if (m && /\p{Script=Han}/u.test(m[1]!) && !SUBTITLE.test(m[1]!.trim()) && !/[—－–，。；！？]/.test(m[1]!) && balancedQuotes(m[1]!)) return { who: m[1]!.trim(), kind: 'dash' };
  if (m) return null;
  m = SOURCE.exec(t);
  if (m) return { who: m[1]!.replace(/\s+\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?.*$/, '').trim(), kind: 'source' };
  m = BRACKET.exec(t);
  if (m && (/(?:省|市|县|区|州|旗|委|局|厅|办|组)$/.test(m[1]!) || isInstitution(m[1]!))) return { who: m[1]!.trim(), kind: 'bracket' };
  return null;
}

function balancedQuotes(t: string): boolean {
  const count = (re: RegExp) => t.match(re)?.length ?? 0;
  return count(/“/g) === count(/”/g) && count(/《/g) === count(/》/g) && count(/[（(]/g) === count(/[）)]/g);
}

/** The opening of a news report: "本报讯（记者 张三）", "新华社北京5月6日电", "□本报记者 …". */
export const DATELINE = /^(?:[□■◇◆●]?\s*本报(?:讯|记者|通讯员)|本报[\p{Script=Han}]{2,6}\d{0,2}月?\d{0,2}日?电|新华社[\p{Script=Han}]{2,8}\d{1,2}月\d{1,2}日电|中新网[\p{Script=Han}]{2,8}\d{1,2}月\d{1,2}日电|[（(]\s*记者[^）)]{1,30}[）)]|[\p{Script=Han}]{2,10}网讯|[\p{Script=Han}]{2,6}日报讯)/u;

export function isDateline(text: string): boolean {
  return DATELINE.test(text.trim());
}

/** Parts are named as parts: "健康影响因素篇", "健康知识普及行动类", "第一部分 …", "专题一". */
export const PART_WORDS = /(?:篇|类|部分|章|专题[一二三四五六七八九十\d]*|板块|系列|类典型案例[一二三四五六七八九十\d]*)$/;

/** Words that name a part rather than a case. */
export function namesPart(words: string): boolean {
  const w = words.replace(/\s+/g, '');
  return w.length <= 20 && PART_WORDS.test(w);
}

export interface FormField {
  field: 'title' | 'category' | 'label';
  value: string;
}

const FIELD_TITLE = /^(?:案例名称|案例题目|案例标题|项目名称|经验名称|题\s*目|标\s*题|名\s*称)\s*[：:]\s*(\S.{1,80})$/;
const FIELD_CATEGORY = /^(?:案例类别|案例类型|所属类别|类\s*别|所属领域|领\s*域|行动类别|专项行动)\s*[：:]\s*(\S.{0,30})$/;
const FIELD_LABEL = /^(?:案例正文|正\s*文|案例内容|主要内容|具体内容|内\s*容|案例简介|简\s*介)\s*[：:]?$/;

/**
 * A line of a filled-in form (an application for a typical case): "案例名称：……" names the case,
 * "案例类别：……" its part, "案例正文：" only announces the text. 申报单位 is an attribution.
 * A Word table row of two cells (案例名称 | ……) is read the same way.
 */
export function formField(text: string, cells?: readonly { text: string }[]): FormField | null {
  const t = cells && cells.length === 2 ? `${cells[0]!.text}：${cells[1]!.text}` : text.trim();
  if (t.length > 100) return null;
  let m = FIELD_TITLE.exec(t);
  if (m) return { field: 'title', value: m[1]!.trim() };
  m = FIELD_CATEGORY.exec(t);
  if (m) return { field: 'category', value: m[1]!.trim() };
  if (FIELD_LABEL.test(t)) return { field: 'label', value: '' };
  return null;
}

/**
 * A form's label standing alone, its value on the next line (a Word form table saved as text puts
 * each cell on a line of its own): "案例名称" then the title.
 */
const BARE_LABEL = /^(?:案例名称|案例题目|案例标题|项目名称|经验名称|申报单位|报送单位|推荐单位|供稿单位|单位名称|案例类别|案例类型|所属类别|所属领域|行动类别)$/;

export function isBareFormLabel(text: string): boolean {
  // (A label is four characters, spaced out at most: a longer line is text, and is not copied to be sure.)
  return text.length <= 24 && BARE_LABEL.test(text.replace(/\s+/g, ''));
}
