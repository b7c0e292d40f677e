import type { LoadedCase } from '../../../shared/model/document.ts';
import type { CaseRecord, RevisionRecord } from '../../store/file-kinds.ts';

/** A new case record from a loaded (and corrected) case: its text as revision 0. */
export function newCaseRecord(c: LoadedCase, author: string, note: string, createdAt: string): CaseRecord {
  return {
    id: c.id,
    documentId: c.documentId,
    ordinal: c.ordinal,
    title: c.title,
    region: c.region,
    unit: c.unit,
    part: c.part,
    marks: c.marks.map((m) => ({ ...m })),
    sourceRange: { ...c.sourceRange },
    sourceMap: { runs: [...c.sourceMap.runs] },
    revisions: [{ revision: 0, text: c.text, createdAt, author, note, sections: c.sections.map((s) => ({ ...s })) }],
  };
}

/**
 * A case record brought to a corrected case that keeps its id. A case never revised is the
 * loader's text: its revision 0 becomes the corrected text (the corrections are the record of
 * how it was made, and a reload makes it again), so span offsets and the source view stay exact.
 * A case an editor revised keeps its history: the corrected text is a new revision, with its own
 * map into the source.
 */
export function updatedCaseRecord(record: CaseRecord, c: LoadedCase, author: string, note: string, at: string, options: { newRevision?: boolean } = {}): { record: CaseRecord; revision: number } {
  const next: CaseRecord = structuredClone(record);
  Object.assign(next, { ordinal: c.ordinal, title: c.title, region: c.region, unit: c.unit, part: c.part, marks: c.marks.map((m) => ({ ...m })) });
  const latest = next.revisions[next.revisions.length - 1]!;
  const sections = c.sections.map((s) => ({ ...s }));
  if (latest.text === c.text) {
    // Only the outline changed (headings, title): the revision's sections, in place.
    latest.sections = sections;
    if (next.revisions.length === 1) Object.assign(next, { sourceMap: { runs: [...c.sourceMap.runs] }, sourceRange: { ...c.sourceRange } });
    return { record: next, revision: latest.revision };
  }
  // (`newRevision`: annotations made on the old text are to be re-anchored to it, as for an edit.)
  if (next.revisions.length === 1 && !options.newRevision) {
    Object.assign(latest, { text: c.text, sections });
    Object.assign(next, { sourceMap: { runs: [...c.sourceMap.runs] }, sourceRange: { ...c.sourceRange } });
    return { record: next, revision: 0 };
  }
  const made: RevisionRecord = { revision: latest.revision + 1, text: c.text, createdAt: at, author, note, sections, sourceMap: { runs: [...c.sourceMap.runs] } };
  next.revisions.push(made);
  next.sourceRange = { ...c.sourceRange };
  return { record: next, revision: made.revision };
}
