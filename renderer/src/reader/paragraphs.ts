import type { TaggedSection } from '../../../shared/model/review.ts';

/** A paragraph of the case text as the reader lays it out, with the heading it starts with, if any. */
export interface ReaderParagraph {
  start: number;
  text: string;
  /** Length of a section heading at the paragraph's start (run-in headings are shorter than it). */
  headingLength: number;
  headingLevel: number;
  sectionIndex: number;
}

export function layoutParagraphs(text: string, sections: readonly TaggedSection[]): ReaderParagraph[] {
  const out: ReaderParagraph[] = [];
  let start = 0;
  const byStart = new Map(sections.map((s, i) => [s.start, i]));
  for (const p of text.split('\n')) {
    const si = byStart.get(start);
    const s = si === undefined ? undefined : sections[si];
    out.push({
      start,
      text: p,
      headingLength: s ? Math.min(p.length, Math.max(0, s.headingEnd - s.start)) : 0,
      headingLevel: s?.level ?? 0,
      sectionIndex: si ?? -1,
    });
    start += p.length + 1;
  }
  return out;
}
