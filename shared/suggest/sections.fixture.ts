import type { Section, SectionKind } from '../model/sections.ts';

export interface HeadingSpec {
  /** The heading line as written, numbering included ("三、推进成效", "（二）工作经验"). */
  line: string;
  kinds: SectionKind[];
  level?: number;
}

/**
 * Sections for a hand-written case text, as the loader would give them: each heading is found in
 * the text, in order, and its section runs to the next heading of the same or a higher level.
 */
export function sectionsOf(text: string, specs: readonly HeadingSpec[]): Section[] {
  let from = 0;
  const placed = specs.map((spec) => {
    const start = text.indexOf(spec.line, from);
    if (start < 0) throw new Error(`heading "${spec.line}" not in text`);
    from = start + spec.line.length;
    const numbering = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．])/.exec(spec.line)?.[0] ?? '';
    return { spec, start, numbering };
  });
  return placed.map(({ spec, start, numbering }, i) => {
    const level = spec.level ?? 1;
    const next = placed.slice(i + 1).find((p) => (p.spec.level ?? 1) <= level);
    return {
      heading: spec.line.slice(numbering.length),
      numbering,
      level,
      kinds: spec.kinds,
      start,
      headingEnd: start + spec.line.length,
      end: next ? next.start : text.length,
    };
  });
}
