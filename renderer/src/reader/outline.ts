import type { TaggedSection } from '../../../shared/model/review.ts';
import type { SectionKind } from '../../../shared/model/sections.ts';
import { parseNumbering } from '../../../shared/ingest/numbering.ts';

/** An outline entry: a section with its place in the tree. */
export interface OutlineNode {
  index: number;
  section: TaggedSection;
  depth: number;
  children: OutlineNode[];
}

/** The section list as a tree, by level (a section nests under the nearest earlier one of lower level). */
export function outlineTree(sections: readonly TaggedSection[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  sections.forEach((section, index) => {
    while (stack.length && stack[stack.length - 1]!.section.level >= section.level) stack.pop();
    const node: OutlineNode = { index, section, depth: stack.length, children: [] };
    (stack.length ? stack[stack.length - 1]!.children : roots).push(node);
    stack.push(node);
  });
  return roots;
}

/** The first top-level section of a kind (L jumps to 经验启示, R to 成效 …), else the first of any level. */
export function firstSectionOfKind(sections: readonly TaggedSection[], kind: SectionKind): number {
  const top = Math.min(...sections.map((s) => s.level));
  const atTop = sections.findIndex((s) => s.level === top && s.kinds.includes(kind));
  return atTop >= 0 ? atTop : sections.findIndex((s) => s.kinds.includes(kind));
}

/** The section holding an offset (the innermost one). */
export function sectionAt(sections: readonly TaggedSection[], offset: number): number {
  let found = -1;
  sections.forEach((s, i) => {
    if (s.start <= offset && offset < s.end && (found < 0 || s.level >= sections[found]!.level)) found = i;
  });
  return found;
}

/** Next (or previous) section start from an offset, at any level. */
export function adjacentSection(sections: readonly TaggedSection[], offset: number, direction: 1 | -1): number {
  if (direction > 0) return sections.findIndex((s) => s.start > offset);
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i]!.start < offset) return i;
  return -1;
}

/**
 * The level a new section heading most likely has. A heading numbered like existing ones
 * ("（三）" beside "（一）", "（二）") takes their level; otherwise one below the innermost section
 * around it (a sub-heading inside "二、主要做法" must not end that section), or the top level
 * outside every section.
 */
export function defaultSectionLevel(sections: readonly TaggedSection[], start: number, headingText: string): number {
  const style = parseNumbering(headingText.trimStart());
  if (style) {
    const alike = sections.find((s) => s.numbering && parseNumbering(s.numbering)?.level === style.level);
    if (alike) return alike.level;
  }
  const around = sectionAt(sections, start);
  if (around >= 0) return Math.min(MAX_SECTION_LEVEL, sections[around]!.level + 1);
  return sections.length ? Math.min(...sections.map((s) => s.level)) : 1;
}

/** The service takes levels 1–9. */
export const MAX_SECTION_LEVEL = 9;

/**
 * The levels to offer for a new section, each with an existing heading of that level as an
 * example (so a reviewer picks "like （一）加强领导" rather than a bare number): from level 1
 * to one below the deepest, and always the suggested one.
 */
export function sectionLevelChoices(sections: readonly TaggedSection[], suggested: number): Array<{ level: number; example: TaggedSection | null }> {
  const bottom = Math.min(MAX_SECTION_LEVEL, Math.max(suggested, ...sections.map((s) => s.level + 1)));
  const out: Array<{ level: number; example: TaggedSection | null }> = [];
  for (let level = 1; level <= bottom; level++) out.push({ level, example: sections.find((s) => s.level === level) ?? null });
  return out;
}
