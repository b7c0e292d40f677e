import type { TaggedSection } from '../../../shared/model/review.ts';
import type { SectionKind } from '../../../shared/model/sections.ts';

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
