import { z } from 'zod';
import type { LoadedCase, LoadedDocument } from '../model/document.ts';
import { DOCUMENT_SHAPES } from '../model/document.ts';
import { sectionKind } from '../model/schemas.ts';
import { READING_CHOICES, type Correction, type SourceAnchor } from './corrections.ts';
import { paragraphAt } from './paragraphs.ts';
import { anchorAt } from './source-anchor.ts';
import { TrackedText } from './tracked-text.ts';

const caseRef = z.string().min(1).max(200);
/** A UTF-16 offset into the case text: the paragraph that holds it is meant. */
const offsetInCase = z.number().int().nonnegative();
const label = z.string().trim().max(200).nullable();

/**
 * A correction as a person asks for it, in terms of what they see: a case by its id, a paragraph
 * by an offset in the case text. `correctionFor` turns it into a Correction anchored in the source.
 */
export const outlineEdit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('shape'), shape: z.enum(DOCUMENT_SHAPES) }).strict(),
  z.object({ op: z.literal('reading'), reading: z.enum(READING_CHOICES) }).strict(),
  z.object({ op: z.literal('split'), caseId: caseRef, at: offsetInCase, titleFromParagraph: z.boolean(), title: z.string().trim().min(1).max(500).optional() }).strict(),
  /** Merge the case with the next one. */
  z.object({ op: z.literal('merge'), caseId: caseRef }).strict(),
  z.object({ op: z.literal('retitle'), caseId: caseRef, title: z.string().trim().min(1).max(500) }).strict(),
  z.object({ op: z.literal('set-region'), caseId: caseRef, region: label }).strict(),
  z.object({ op: z.literal('set-part'), caseId: caseRef, part: label }).strict(),
  z.object({ op: z.literal('drop-case'), caseId: caseRef }).strict(),
  z.object({ op: z.literal('drop-text'), caseId: caseRef, at: offsetInCase, to: offsetInCase }).strict(),
  z.object({ op: z.literal('make-heading'), caseId: caseRef, at: offsetInCase, level: z.number().int().min(1).max(9), kinds: z.array(sectionKind).min(1).max(8) }).strict(),
  z.object({ op: z.literal('make-body'), caseId: caseRef, at: offsetInCase }).strict(),
  z.object({ op: z.literal('set-heading'), caseId: caseRef, at: offsetInCase, level: z.number().int().min(1).max(9).optional(), kinds: z.array(sectionKind).min(1).max(8).optional() }).strict(),
]);
export type OutlineEdit = z.infer<typeof outlineEdit>;

/** An edit that cannot be made on this outline, said so a person understands why. */
export class EditRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefused';
  }
}

export interface EditIds {
  /** The correction's own id. */
  correctionId: string;
  /** The id a split gives the new case (see freshCaseId). */
  newCaseId: string;
}

/** The correction that makes `edit` on `doc` (the document as currently corrected), anchored in its source. */
export function correctionFor(doc: LoadedDocument, edit: OutlineEdit, ids: EditIds): Correction {
  const id = ids.correctionId;
  if (edit.op === 'shape') return { op: 'shape', id, shape: edit.shape };
  if (edit.op === 'reading') return { op: 'reading', id, reading: edit.reading };
  const index = doc.cases.findIndex((c) => c.id === edit.caseId);
  if (index === -1) throw new EditRefused(`no case "${edit.caseId}" in ${doc.file}`);
  const c = doc.cases[index]!;
  const paragraph = (offset: number) => paragraphAnchor(doc.rawText, c, offset);
  switch (edit.op) {
    case 'split': {
      const at = paragraphAt(c.text, Math.min(edit.at, c.text.length));
      if (at.start === 0) throw new EditRefused(`case ${c.id} already starts at that paragraph`);
      // Taken as the title, the last paragraph would leave the new case without a word of text.
      if (edit.titleFromParagraph && !c.text.slice(at.end).trim()) throw new EditRefused(`that is the last paragraph of case ${c.id}, with no text after it: a case it made the title of would have no text (split keeping it as text, with a title)`);
      if (!edit.titleFromParagraph && edit.title === undefined) throw new EditRefused('give the new case a title, or take its first paragraph as the title');
      return { op: 'split', id, at: paragraph(edit.at), titleFromParagraph: edit.titleFromParagraph, ...(edit.title !== undefined ? { title: edit.title } : {}), newCaseId: ids.newCaseId };
    }
    case 'merge': {
      const next = doc.cases[index + 1];
      if (!next) throw new EditRefused(`case ${c.id} is the last case of the document: there is no next case to merge with`);
      return { op: 'merge', id, at: caseAnchor(doc.rawText, next) };
    }
    case 'retitle':
      return { op: 'retitle', id, at: caseAnchor(doc.rawText, c), title: edit.title };
    case 'set-region':
      return { op: 'set-region', id, at: caseAnchor(doc.rawText, c), region: edit.region || null };
    case 'set-part':
      return { op: 'set-part', id, at: caseAnchor(doc.rawText, c), part: edit.part || null };
    case 'drop-case':
      if (doc.cases.length === 1) throw new EditRefused('the document has only this case: it cannot be dropped');
      return { op: 'drop-case', id, at: caseAnchor(doc.rawText, c) };
    case 'drop-text':
      if (edit.to < edit.at) throw new EditRefused('the text to drop ends before it starts');
      return { op: 'drop-text', id, at: paragraph(edit.at), to: paragraph(edit.to) };
    case 'make-heading':
      return { op: 'make-heading', id, at: paragraph(edit.at), level: edit.level, kinds: edit.kinds };
    case 'make-body':
      return { op: 'make-body', id, at: paragraph(edit.at) };
    case 'set-heading':
      if (edit.level === undefined && !edit.kinds) throw new EditRefused('say the new level or kinds of the heading');
      return { op: 'set-heading', id, at: paragraph(edit.at), ...(edit.level !== undefined ? { level: edit.level } : {}), ...(edit.kinds ? { kinds: edit.kinds } : {}) };
  }
}

/** The anchor of the paragraph holding `offset`: on its first character that came from the file. */
export function paragraphAnchor(rawText: string, c: LoadedCase, offset: number): SourceAnchor {
  if (offset > c.text.length) throw new EditRefused(`offset ${offset} is past the end of case ${c.id} (${c.text.length})`);
  const p = paragraphAt(c.text, offset);
  const tracked = TrackedText.fromCase(c.text, c.sourceMap, null);
  for (let i = p.start; i < Math.max(p.end, p.start + 1) && i < c.text.length; i++) {
    const raw = tracked.rawAt(i);
    if (raw === null) continue;
    const last = tracked.rawAt(Math.max(i, p.end - 1));
    return anchorAt(rawText, raw, last === null ? undefined : last + 1);
  }
  throw new EditRefused(`that paragraph of case ${c.id} holds no text from the file (it was made by an edit), so it cannot be found in the file again`);
}

/** The anchor of a case: its first paragraph with text from the file. */
export function caseAnchor(rawText: string, c: LoadedCase): SourceAnchor {
  const paragraphs = c.text ? c.text.split('\n') : [];
  let at = 0;
  for (const p of paragraphs) {
    try {
      return paragraphAnchor(rawText, c, at);
    } catch (e) {
      if (!(e instanceof EditRefused)) throw e;
    }
    at += p.length + 1;
  }
  // No text of its own (its only paragraph became its title, say): its title's place in the source.
  if (c.sourceRange.end > c.sourceRange.start) return anchorAt(rawText, c.sourceRange.start, c.sourceRange.end);
  throw new EditRefused(`case ${c.id} has no text from the file to find it by`);
}

/** A case id for a split that no case has had: `<document>-x<n>`, a form the loader never makes. */
export function freshCaseId(documentId: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${documentId}-x${n}`;
    if (!taken.has(id)) return id;
  }
}

/** The next correction id of a list: k1, k2, … */
export function nextCorrectionId(existing: readonly Correction[]): string {
  let max = 0;
  for (const c of existing) {
    const n = /^k(\d+)$/.exec(c.id)?.[1];
    if (n) max = Math.max(max, Number(n));
  }
  return `k${max + 1}`;
}

/** Options to load a document with, from its shape and reading corrections (the last of each counts). */
export function loadOptionsOf(corrections: readonly Correction[]): { shape?: (typeof DOCUMENT_SHAPES)[number]; reading?: (typeof READING_CHOICES)[number] } {
  const shape = corrections.findLast((c) => c.op === 'shape');
  const reading = corrections.findLast((c) => c.op === 'reading');
  return { ...(shape?.op === 'shape' ? { shape: shape.shape } : {}), ...(reading?.op === 'reading' ? { reading: reading.reading } : {}) };
}
