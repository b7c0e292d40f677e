import { classifyHeading } from '../ingest/section-kinds.ts';
import type { Section } from '../model/sections.ts';
import type { Span } from './point-reading.ts';

/**
 * Where a case states its lessons (经验启示). A section headed 经验启示 / 经验与体会 is lessons
 * throughout. A section that merges them with results (成效和经验, 工作成效与经验) holds lessons
 * where the text sets them apart — a subsection of their own ("（二）工作经验"), a paragraph that
 * announces them ("体会：…"), or a passage that announces itself as the experience drawn ("总结出了
 * 一套…模式") — and otherwise is read point by point (`merged`): each point of its enumeration is
 * a lesson or a result (point-reading.ts).
 */
export interface LessonRegion {
  start: number;
  end: number;
  /**
   * `lessons`: a lessons-only section; `part`: a lessons part set apart inside a merged section;
   * `merged`: a merged section with nothing set apart, whose points are read one by one.
   */
  kind: 'lessons' | 'part' | 'merged';
  /** Where the headline starts when it is not at the start of the region (an announced passage). */
  leadStart?: number;
}

/** A lessons heading names the part ("经验启示", "（二）工作经验"); a long one is a sentence that merely mentions 经验. */
const MAX_HEADING = 12;
const LESSON_WORD = /经验|启示|体会|启发/;
const LESSON_LEAD = /(?:^|\n)[\s　]*(?:主要|工作|几点)?(?:体会|经验|启示|经验启示|启发)[：:]/;
/** "总结出了一套较为成熟的健康城市建设模式": the clause that announces the experience drawn. */
const SUMMARY_CLAUSE = /总结(?:出|提炼出|形成)了?[^，,。；;\n]{0,24}(?:模式|经验|做法|路子)/;

/**
 * `figures` gives the indicator spans of the case, where an announced passage gives way to
 * results; it is called only for a merged section.
 */
export function findLessonRegions(text: string, sections: readonly Section[], figures: () => readonly Span[] = () => []): LessonRegion[] {
  const regions: LessonRegion[] = [];
  const handled: Section[] = [];
  for (const s of sections) {
    if (!s.kinds.includes('lessons')) continue;
    // Subsections inherit their parent's kinds; the parent already covers them.
    if (handled.some((p) => p.start <= s.start && s.end <= p.end)) continue;
    if (!isLessonHeading(s.heading)) continue;
    handled.push(s);
    const own = classifyHeading(s.heading);
    const merged = own.includes('results') || own.includes('practices');
    if (!merged) {
      regions.push({ start: s.headingEnd, end: s.end, kind: 'lessons' });
      continue;
    }
    regions.push(lessonSubsection(sections, s) ?? lessonLead(text, s) ?? announcedPassage(text, s, figures()) ?? { start: s.headingEnd, end: s.end, kind: 'merged' });
  }
  return regions;
}

function isLessonHeading(heading: string): boolean {
  const h = heading.replace(/\s+/g, '');
  return h.length <= MAX_HEADING && LESSON_WORD.test(h);
}

/** "三、工作成效与经验 … （二）工作经验": the subsection that is lessons only. */
function lessonSubsection(sections: readonly Section[], parent: Section): LessonRegion | null {
  for (const c of sections) {
    if (c === parent || c.start < parent.headingEnd || c.end > parent.end || c.level <= parent.level) continue;
    const kinds = classifyHeading(c.heading);
    if (isLessonHeading(c.heading) && kinds.includes('lessons') && !kinds.includes('results')) {
      return { start: c.headingEnd, end: c.end, kind: 'part' };
    }
  }
  return null;
}

/** "体会：做好这项工作必须坚持…": from the announcing paragraph to the end of the section. */
function lessonLead(text: string, section: Section): LessonRegion | null {
  const body = text.slice(section.headingEnd, section.end);
  const m = LESSON_LEAD.exec(body);
  if (!m) return null;
  const at = section.headingEnd + m.index + (m[0].startsWith('\n') ? 1 : 0);
  return { start: at, end: section.end, kind: 'part' };
}

/**
 * "25年来，苏州市…总结出了一套较为成熟的健康城市建设模式。在理念上，…形成了“…”的发展模式。截至
 * 2023年，…": a paragraph whose first sentence announces the experience drawn. The passage runs
 * from the paragraph's start to the last sentence before the first one that reports a figure —
 * there the paragraph turns to results. The headline is the announcing clause.
 */
function announcedPassage(text: string, section: Section, figures: readonly Span[]): LessonRegion | null {
  let at = section.headingEnd;
  while (at < section.end) {
    const lineEnd = Math.min(section.end, indexOrEnd(text, '\n', at));
    const first = sentenceEndFrom(text, at, lineEnd);
    const m = SUMMARY_CLAUSE.exec(text.slice(at, first));
    if (m && !hasFigure(figures, at, first)) {
      let end = first;
      while (end < lineEnd) {
        const next = sentenceEndFrom(text, end, lineEnd);
        if (hasFigure(figures, end, next)) break;
        end = next;
      }
      return { start: at, end, kind: 'part', leadStart: clauseStartBefore(text, at, at + m.index) };
    }
    at = lineEnd + 1;
  }
  return null;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? text.length : i;
}

/** The end of the sentence starting at `from` (after its 。), at most `limit`. */
function sentenceEndFrom(text: string, from: number, limit: number): number {
  const rel = text.slice(from, limit).search(/[。！!？?]/);
  return rel < 0 ? limit : from + rel + 1;
}

function clauseStartBefore(text: string, floor: number, at: number): number {
  let p = at;
  while (p > floor && !/[，,；;。]/.test(text[p - 1]!)) p--;
  return p;
}

function hasFigure(figures: readonly Span[], start: number, end: number): boolean {
  return figures.some((f) => f.start < end && f.end > start);
}
