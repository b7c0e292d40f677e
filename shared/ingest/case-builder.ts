import type { LoadedCase, TextMark } from '../model/document.ts';
import type { SectionKind } from '../model/sections.ts';
import { MappedString } from './mapped-string.ts';
import { findSections } from './sections.ts';
import type { CaseDraft } from './shapes/shape.ts';

export function caseId(documentId: string, ordinal: number): string {
  return `${documentId}-${String(ordinal).padStart(2, '0')}`;
}

/**
 * Assemble a case from its draft: the body paragraphs joined by "\n" into the case text (with the
 * map back to the source), and the sections found in it.
 */
export function buildCase(draft: CaseDraft, documentId: string, ordinal: number, defaultKind?: SectionKind): LoadedCase {
  const text = MappedString.join(draft.body.map((p) => p.text), '\n');
  const offsets: number[] = [];
  let at = 0;
  for (const p of draft.body) {
    offsets.push(at);
    at += p.text.length + 1;
  }
  const sections = findSections(draft.body, offsets, text.length);
  if (defaultKind) for (const s of sections) if (s.kinds.length === 1 && s.kinds[0] === 'other') s.kinds = [defaultKind];
  const start = Math.min(draft.titleSource?.rawStart ?? Infinity, text.length ? text.rawStart : Infinity);
  const marks: TextMark[] = draft.marks.map((m) => ({ kind: m.kind, text: m.text }));
  return {
    id: caseId(documentId, ordinal),
    documentId,
    ordinal,
    title: draft.title,
    region: draft.region,
    unit: draft.unit,
    part: draft.part,
    text: text.text,
    sections,
    sourceRange: { start: Number.isFinite(start) ? start : 0, end: text.length ? text.rawEnd : (draft.titleSource?.rawEnd ?? 0) },
    sourceMap: text.toData(),
    marks,
  };
}
