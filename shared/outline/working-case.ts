import type { LoadedCase, OffsetMapData, TextMark } from '../model/document.ts';
import type { Section } from '../model/sections.ts';
import { TrackedText } from './tracked-text.ts';

/**
 * Where a case's title came from, which a merge needs to put it back: a line of the source the
 * loader took as the title (`raw`: where it stands, when the loader says), a paragraph a split
 * made the title (kept whole, with any section heading it was), or words a person gave.
 */
export type TitleSource = { kind: 'loader'; raw: { start: number; end: number } | null } | { kind: 'paragraph'; paragraph: TrackedText; sections: Section[] } | { kind: 'given' };

/** A title paragraph as the project keeps it beside the case (see titleParagraphs in apply.ts). */
export interface StoredTitleParagraph {
  text: string;
  sourceMap: OffsetMapData;
  sections: Section[];
}

/** A case while corrections are applied to it. */
export interface WorkingCase {
  id: string;
  documentId: string;
  title: string;
  region: string | null;
  unit: string | null;
  part: string | null;
  marks: TextMark[];
  body: TrackedText;
  sections: Section[];
  titleFrom: TitleSource;
}

/** The working form of a loaded case; its characters' origins start at `originBase`. */
export function workingCase(c: LoadedCase, originBase: number, stored?: StoredTitleParagraph): WorkingCase {
  const body = TrackedText.fromCase(c.text, c.sourceMap, originBase);
  const bodyRaw = body.rawRange();
  let titleFrom: TitleSource;
  if (stored) titleFrom = { kind: 'paragraph', paragraph: TrackedText.fromCase(stored.text, stored.sourceMap, null), sections: stored.sections };
  else if (bodyRaw) titleFrom = { kind: 'loader', raw: c.sourceRange.start < bodyRaw.start ? { start: c.sourceRange.start, end: bodyRaw.start } : null };
  // A case with no text: its place in the source is its title's.
  else titleFrom = { kind: 'loader', raw: c.sourceRange.end > c.sourceRange.start ? { ...c.sourceRange } : null };
  return {
    id: c.id,
    documentId: c.documentId,
    title: c.title,
    region: c.region,
    unit: c.unit,
    part: c.part,
    marks: c.marks.map((m) => ({ ...m })),
    body,
    sections: c.sections.map((s) => ({ ...s, kinds: [...s.kinds] })),
    titleFrom,
  };
}

/** The loaded form of a working case: the text, its offset map and where it stands in the source. */
export function loadedCase(w: WorkingCase, ordinal: number): LoadedCase {
  const bodyRaw = w.body.rawRange();
  const titleRaw = w.titleFrom.kind === 'loader' ? w.titleFrom.raw : w.titleFrom.kind === 'paragraph' ? w.titleFrom.paragraph.rawRange() : null;
  const starts = [bodyRaw?.start, titleRaw?.start].filter((n): n is number => n !== undefined);
  const ends = [bodyRaw?.end, titleRaw?.end].filter((n): n is number => n !== undefined);
  return {
    id: w.id,
    documentId: w.documentId,
    ordinal,
    title: w.title,
    region: w.region,
    unit: w.unit,
    part: w.part,
    text: w.body.text,
    sections: w.sections.map((s) => ({ ...s, kinds: [...s.kinds] })),
    sourceRange: starts.length ? { start: Math.min(...starts), end: Math.max(...ends) } : { start: 0, end: 0 },
    sourceMap: w.body.sourceMap(),
    marks: w.marks.map((m) => ({ ...m })),
  };
}
