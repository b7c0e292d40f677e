import { classifyHeading } from '../ingest/section-kinds.ts';
import type { Section } from '../model/sections.ts';

/**
 * Where a case states its lessons (经验启示). A section headed 经验启示 / 经验与体会 is lessons
 * throughout. A section that merges them with results (成效和经验, 工作成效与经验) holds lessons
 * only where the text sets them apart — a subsection of their own ("（二）工作经验") or a
 * paragraph that announces them ("体会：…") — and otherwise reports results, which are not
 * proposed as lessons.
 */
export interface LessonRegion {
  start: number;
  end: number;
  /** The section is lessons only, rather than a lesson part found inside a merged section. */
  dedicated: boolean;
}

/** A lessons heading names the part ("经验启示", "（二）工作经验"); a long one is a sentence that merely mentions 经验. */
const MAX_HEADING = 12;
const LESSON_WORD = /经验|启示|体会|启发/;
const LESSON_LEAD = /(?:^|\n)[\s　]*(?:主要|工作|几点)?(?:体会|经验|启示|经验启示|启发)[：:]/;

export function findLessonRegions(text: string, sections: readonly Section[]): LessonRegion[] {
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
      regions.push({ start: s.headingEnd, end: s.end, dedicated: true });
      continue;
    }
    const part = lessonSubsection(sections, s) ?? lessonLead(text, s);
    if (part) regions.push(part);
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
      return { start: c.headingEnd, end: c.end, dedicated: false };
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
  return { start: at, end: section.end, dedicated: false };
}
