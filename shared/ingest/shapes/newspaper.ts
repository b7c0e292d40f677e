import { MappedString } from '../mapped-string.ts';
import type { Paragraph } from '../paragraphs.ts';
import { leadingPlaceName } from '../regions.ts';
import { endsSentence } from '../width.ts';
import { isKnownSectionName } from '../section-kinds.ts';
import { boundaryKind } from '../segment/document-starts.ts';
import { caseMarker } from '../cues.ts';
import type { CaseDraft, ShapeSplitter } from './shape.ts';
import { firstProvinceMentioned, tidyTitle } from './region-title.ts';

type Role = 'heading' | 'banner' | 'speaker' | 'byline' | 'caption' | 'body' | 'furniture';

const BYLINE = /^[□■◇◆●]?\s*(?:本报(?:记者|讯|通讯员)|实习记者|记者|通讯员)\s*\S/;
const CAPTION_END = /(?:供图|摄|图片来源.*)$/;
const SPEAKER = /[：:]$/;

/**
 * A newspaper page: narrow columns, several reports under subheadings, speakers introduced by a
 * line ending in a colon, bylines (□本报记者 …) and photo captions. Subheadings start segments,
 * each a case; a banner over several segments ("健康中国行动 践行者这样推进") is their part;
 * bylines, captions and speaker lines are kept as marks, out of the body text.
 */
export const newspaperShape: ShapeSplitter = {
  shape: 'newspaper',
  detect(ctx) {
    const bylines = ctx.paragraphs.filter((p) => BYLINE.test(p.text.text)).length;
    const narrow = ctx.layout.wrapped && ctx.paragraphs.length > 5 && median(ctx.paragraphs.map((p) => p.columnWidth)) <= 40;
    // Reports under headlines: short headings each over body text, none of them section names.
    const paras = ctx.paragraphs;
    let headlines = 0;
    for (let i = 0; i + 1 < paras.length; i++) if (isHeadingLike(paras[i]!) && !isKnownSectionName(paras[i]!.text.text) && paras[i + 1]!.text.length > 60) headlines++;
    return (narrow ? 6 : 0) + (bylines ? 3 : 0) + (!narrow && !bylines && headlines >= 3 ? 3 : 0);
  },
  split(ctx) {
    const paras = gatherCaptions(mergeWrappedHeadings(ctx.paragraphs));
    let reports = false;
    const roles = paras.map((p, i) => {
      const role = roleOf(p, paras[i + 1], !reports);
      if (role === 'heading') reports = true;
      return role;
    });
    const cases: CaseDraft[] = [];
    let part: string | null = null;
    let speaker: string | null = null;
    let title: string | null = null;
    let current: CaseDraft | null = null;
    paras.forEach((p, i) => {
      const text = p.text.text;
      switch (roles[i]) {
        case 'banner':
          // A banner above every report is the page's headline, not a part.
          if (cases.length === 0 && !SPEAKER.test(text)) title ??= tidyTitle(text);
          else part = tidyTitle(text.replace(/[：:]$/, ''));
          break;
        case 'furniture':
          break;
        case 'speaker':
          speaker = text.replace(/[：:]$/, '');
          break;
        case 'heading':
          current = { title: tidyTitle(text), region: null, unit: null, part, titleSource: p.text, body: [], marks: [] };
          if (speaker) {
            current.marks.push({ kind: 'speaker', text: speaker });
            current.unit = speakerUnit(speaker);
            speaker = null;
          }
          cases.push(current);
          break;
        case 'byline':
        case 'caption':
          (current ?? startUntitled(cases, part)).marks.push({ kind: roles[i] as 'byline' | 'caption', text });
          break;
        default:
          (current ?? (current = startUntitled(cases, part))).body.push(p);
      }
    });
    for (const c of cases) {
      const opening = c.body.slice(0, 2).map((p) => p.text.text).join('');
      c.region = leadingPlaceName(opening.replace(/^[“"]/, '')) ?? firstProvinceMentioned(opening);
      // A segment that opens on who speaks ("国家卫生健康委卫生发展研究中心王秀峰研究员最突出感受是…")
      // names its unit there when no speaker line came before it.
      c.unit ??= OPENING_SPEAKER.exec(opening)?.[1] ?? null;
    }
    return { title, cases: cases.filter((c) => c.body.length > 0) };
  },
};

function startUntitled(cases: CaseDraft[], part: string | null): CaseDraft {
  const draft: CaseDraft = { title: '', region: null, unit: null, part, body: [], marks: [] };
  cases.push(draft);
  return draft;
}

function roleOf(p: Paragraph, next: Paragraph | undefined, before: boolean): Role {
  const t = p.text.text;
  // The masthead (健康报 2022年12月1日 星期四 第3版) and, above the reports, the headline's
  // subtitle ("——第9届……综述") are the page's, not a report's.
  // A case marker (案例3) is a batch's, never a report's headline.
  if (boundaryKind(t) === 'masthead' || (before && /^[—－]{1,2}\S/.test(t)) || caseMarker(t)) return 'furniture';
  if (BYLINE.test(t)) return 'byline';
  if (/图为/.test(t) || CAPTION_END.test(t)) return 'caption';
  if (SPEAKER.test(t) && t.length <= 40 && !/[。，；]/.test(t)) {
    // "智慧圆桌分享：" heads a group of segments; "……处长王璐：" introduces the next one's speaker.
    return t.length <= 10 ? 'banner' : 'speaker';
  }
  if (isHeadingLike(p)) {
    const nextIsBody = next !== undefined && !isHeadingLike(next) && !(SPEAKER.test(next.text.text) && next.text.length <= 40);
    return nextIsBody ? 'heading' : 'banner';
  }
  return 'body';
}

function isHeadingLike(p: Paragraph): boolean {
  const t = p.text.text;
  return p.lineCount <= 2 && t.length <= 20 && !endsSentence(t) && !/[，。；：:、]/.test(t) && !BYLINE.test(t);
}

/** A subheading wrapped in a narrow column ("持续推进健康城市建设" / "工作") is put back together. */
function mergeWrappedHeadings(paras: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    const t = p.text.text;
    if (prev && isHeadingLike(prev) && t.length <= 6 && !endsSentence(t) && !/[，。：:]/.test(t)) out[out.length - 1] = merge(prev, p);
    else out.push(p);
  }
  return out;
}

/** A photo caption runs over several very narrow lines; gather the lines before its "图为". */
function gatherCaptions(paras: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paras) {
    if (/图为/.test(p.text.text)) {
      let merged = p;
      while (out.length) {
        const prev = out[out.length - 1]!;
        if (prev.maxWidth > 20 || endsSentence(prev.text.text) || BYLINE.test(prev.text.text)) break;
        merged = merge(prev, merged);
        out.pop();
      }
      out.push(merged);
    } else out.push(p);
  }
  return out;
}

function merge(a: Paragraph, b: Paragraph): Paragraph {
  return { ...a, text: MappedString.concat([a.text, b.text]), lastLine: b.lastLine, lineCount: a.lineCount + b.lineCount, maxWidth: Math.max(a.maxWidth, b.maxWidth) };
}

/** An institution, a person's name and their title at the start of a segment's text. */
const OPENING_SPEAKER = /^((?:国家|中国|[\p{Script=Han}]{2,3}(?:省|市))[\p{Script=Han}]{2,30}?(?:委员会|委|研究中心|中心|研究院|院|司|局|所|协会|大学))[\p{Script=Han}]{2,3}(?:研究员|教授|处长|副处长|主任|副主任|所长|院长|局长|会长)/u;

/** "国家卫生健康委规划司爱卫工作办处长王璐" → the unit, without the speaker's title and name. */
function speakerUnit(speaker: string): string | null {
  const m = /^(.+?(?:委|司|办|处|中心|医院|部|局|厅|大学))(?:[^委司办处心院部局厅学]*?(?:处长|副处长|主任|副主任|部长|院长|研究员|书记|局长|厅长))?[\p{Script=Han}]{2,4}$/u.exec(speaker);
  return m ? m[1]! : null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
