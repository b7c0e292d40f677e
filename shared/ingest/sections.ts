import type { Section, SectionKind } from '../model/sections.ts';
import type { MappedString } from './mapped-string.ts';
import { ordinalValue, parseNumbering } from './numbering.ts';
import { classifyHeading, isKnownSectionName } from './section-kinds.ts';
import { endsSentence } from './width.ts';

/** What the section finder needs of a paragraph of a case body. */
export interface BodyParagraph {
  text: MappedString;
  mdHeading?: number;
  boldLead?: string;
}

interface Heading {
  level: number;
  numbering: string;
  /** Length of the heading within the paragraph (the whole paragraph unless run-in). */
  length: number;
  text: string;
  runIn: boolean;
}

const STOP = /[。：:；;！？!?]/;

/**
 * Designers' section styles ("【工作背景】", "01 工作背景") mark a case's top sections; ranked
 * above 一、 so that the case's own numbered points nest below them.
 */
const BRACKET_LEVEL = 0.5;
const ZERO_DIGIT_LEVEL = 0.7;

/**
 * Recognise a paragraph that starts a section: a numbered heading (一、 / （一） / 1. / （1）),
 * standing alone or running into its paragraph ("（一）抓实四项重点。一是……"), or an
 * unnumbered known section name ("工作背景"). Long numbered list items are not headings.
 */
export function headingOf(p: BodyParagraph): Heading | null {
  const t = p.text.text;
  // 【工作背景】: a section name in lenticular brackets stands above any numbering in the case.
  const bracket = /^【\s*([^【】]{1,30}?)\s*】$/.exec(t.trim());
  if (bracket && isKnownSectionName(bracket[1]!)) return { level: BRACKET_LEVEL, numbering: '', length: t.length, text: cleanHeading(bracket[1]!), runIn: false };
  const n = parseNumbering(t);
  if (n) {
    const body = t.slice(n.marker.length);
    if (!body.trim()) return null;
    // Circled numbers (①②) enumerate inside paragraphs; only a short standalone line is a heading.
    if (/^[①-⑳]/.test(n.marker) && (t.length > 30 || STOP.test(t))) return null;
    // A standalone heading: short, one sentence at most.
    const inner = t.replace(/[。；;！!？?]+["”’」』)）]*$/, '');
    if (t.length <= 60 && !STOP.test(inner.slice(n.marker.length).replace(/[：:]/g, ''))) {
      return { level: n.scheme === 'zero-digit' ? ZERO_DIGIT_LEVEL : n.level, numbering: n.marker.trim(), length: t.length, text: cleanHeading(body), runIn: false };
    }
    // A bold lead written by the converter marks the heading exactly.
    if (p.boldLead && t.startsWith(p.boldLead) && p.boldLead.length < t.length) {
      return { level: n.level, numbering: n.marker.trim(), length: p.boldLead.length, text: cleanHeading(p.boldLead.slice(n.marker.length)), runIn: true };
    }
    // Run-in heading: up to the first full stop when that is close; otherwise up to the first
    // colon or comma, whichever comes first ("（2）推进六大健康行动，包括：……").
    // Punctuation inside brackets or quotes ("工作机制（即社区（村）设置…，…）") does not end it.
    const { full, colon, comma } = stopsOutside(body);
    let cut = -1;
    if (full && full.index > 0 && full.index <= 50 && (!colon || colon.index > full.index)) cut = full.index;
    else {
      const candidates = [colon && colon.index - colon.quoted <= 30 ? colon.index : -1, comma && comma.index - comma.quoted <= 40 ? comma.index : -1].filter((i) => i > 1);
      if (candidates.length) cut = Math.min(...candidates);
      else cut = Math.min(body.length, 30);
    }
    if (cut > 0) {
      const stopped = /[。；;！？!?：:]/.test(body[cut] ?? '');
      return { level: n.level, numbering: n.marker.trim(), length: n.marker.length + cut + (stopped ? 1 : 0), text: cleanHeading(body.slice(0, cut)), runIn: true };
    }
    return null;
  }
  if (t.length <= 16 && !endsSentence(t) && isKnownSectionName(t)) {
    return { level: 1, numbering: '', length: t.length, text: cleanHeading(t), runIn: false };
  }
  return null;
}

/**
 * The case's section names (工作背景, 主要做法 … standing alone) fix its top level, whatever their
 * numbering style would rank: a heading under them that is no section name is a point of the
 * section it stands in, when its style ranks above theirs (（一） points under 1．工作背景) or it
 * is run in and starts its numbering again (（一）高位推动。… under （二）主要做法).
 */
function subordinatePoints(found: Array<{ heading: string; rawLevel: number; runIn?: boolean; numbering: string }>): void {
  const names = found.filter((s) => !s.runIn && isKnownSectionName(s.heading));
  if (names.length < 2) return;
  const top = Math.min(...names.map((s) => s.rawLevel));
  if (names.some((s) => s.rawLevel !== top)) return;
  const first = found.indexOf(names[0]!);
  let lastTopValue = 0;
  // Inside a run of points: the next run-in point of the style goes on with it (（三）群众参与).
  let inPoints = false;
  for (let i = first; i < found.length; i++) {
    const s = found[i]!;
    const value = s.numbering ? ordinalValue(s.numbering.replace(/[^0-9０-９一二三四五六七八九十①-⑳]/g, '')) : 0;
    const point = s.runIn && !isKnownSectionName(s.heading) && (inPoints || (value > 0 && value <= lastTopValue));
    if (s.rawLevel === top && !point) {
      lastTopValue = value;
      inPoints = false;
      continue;
    }
    if (s.rawLevel === top) inPoints = true;
    // Below the names, in the order of their own styles.
    if (!isKnownSectionName(s.heading) && s.rawLevel <= top) s.rawLevel = top + 0.5 + s.rawLevel / 100;
  }
}

/** Longer than this, a run-in heading or one of several clauses is a statement, not a section name. */
const STATEMENT_MIN = 20;

const OPENERS = '（(“‘《【「『';
const CLOSERS = '）)”’》】」』';

/**
 * The first full stop, colon and comma outside brackets and quotes, each with how many
 * characters before it were inside them, in one reading. Only a heading's reach is read: what
 * lies further is never a heading's end.
 */
function stopsOutside(text: string): Record<'full' | 'colon' | 'comma', { index: number; quoted: number } | null> {
  const found: Record<'full' | 'colon' | 'comma', { index: number; quoted: number } | null> = { full: null, colon: null, comma: null };
  let depth = 0;
  let quoted = 0;
  let left = 3;
  const n = Math.min(text.length, 400);
  for (let i = 0; i < n && left > 0; i++) {
    const kind = STOPS.get(text.charCodeAt(i));
    if (kind === 'open') depth++;
    else if (kind === 'close') depth = Math.max(0, depth - 1);
    else if (kind !== undefined && depth === 0 && found[kind] === null) {
      found[kind] = { index: i, quoted };
      left--;
    }
    if (depth > 0) quoted++;
  }
  return found;
}

/** What each character of a heading's reach is to stopsOutside: a bracket or quote opening or closing, or a stop of a kind. */
const STOPS = new Map<number, 'open' | 'close' | 'full' | 'colon' | 'comma'>([
  ...[...OPENERS].map((c) => [c.charCodeAt(0), 'open'] as const),
  ...[...CLOSERS].map((c) => [c.charCodeAt(0), 'close'] as const),
  ...[...'。；;！？!?'].map((c) => [c.charCodeAt(0), 'full'] as const),
  ...[...'：:'].map((c) => [c.charCodeAt(0), 'colon'] as const),
  ...[...'，,'].map((c) => [c.charCodeAt(0), 'comma'] as const),
]);

function cleanHeading(text: string): string {
  return text.replace(/^[\s、.．]+/, '').replace(/[。：:；;\s]+$/, '').replace(/\s+/g, ' ').trim();
}

/**
 * Build the section list of a case body whose paragraphs start at `offsets` in the case text.
 * Levels come from the enumeration style; a section ends where the next one of the same or a
 * higher level starts. Top-level sections are classified by their wording; a subsection takes
 * its own kinds when its wording says ("（二）工作经验"), otherwise its parent's.
 */
export function findSections(paragraphs: readonly BodyParagraph[], offsets: readonly number[], textLength: number): Section[] {
  const found: Array<Section & { rawLevel: number }> = [];
  paragraphs.forEach((p, i) => {
    const h = headingOf(p);
    if (!h) return;
    const start = offsets[i]!;
    found.push({
      heading: h.text,
      numbering: h.numbering,
      level: h.level,
      rawLevel: h.level,
      kinds: [],
      start,
      headingEnd: start + h.length,
      end: textLength,
      ...(h.runIn ? { runIn: true } : {}),
    });
  });
  if (!found.length) return [];
  subordinatePoints(found);

  // Renumber levels densely (a case using only 一、 and 1. has levels 1 and 2).
  const distinct = [...new Set(found.map((s) => s.rawLevel))].sort((a, b) => a - b);
  for (const s of found) s.level = distinct.indexOf(s.rawLevel) + 1;

  for (let i = 0; i < found.length; i++) {
    const s = found[i]!;
    for (let j = i + 1; j < found.length; j++) {
      if (found[j]!.level <= s.level) {
        s.end = found[j]!.start;
        break;
      }
    }
  }
  const stack: Section[] = [];
  for (const s of found) {
    while (stack.length && stack[stack.length - 1]!.level >= s.level) stack.pop();
    const parent = stack[stack.length - 1];
    // A subsection names its own kind only when its heading is a section name ("（二）工作经验");
    // a descriptive subheading ("（三）探索了有效实施路径") belongs to its parent's kind.
    // A long run-in heading, or a long heading of clauses, is the first sentence of a point
    // ("(1)结合疫情防控工作经验和…", "（3）开展…工作，探索出7个转化成果，…"): it mentions 经验 or 成果
    // in passing, which says nothing of the section's kind.
    const long = s.heading.replace(/\s+/g, '').length > STATEMENT_MIN;
    const statement = long && (s.runIn || /[，,]/.test(s.heading));
    s.kinds = parent && !isKnownSectionName(s.heading) ? [...parent.kinds] : statement ? ['other'] : classifyHeading(s.heading);
    stack.push(s);
  }
  return found.map(({ rawLevel: _raw, ...s }) => s);
}

export type { SectionKind };
