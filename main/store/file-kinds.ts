import { z } from 'zod';
import { caseMeta, caseScore, caseSections, compendiumDraft, id, labelSchema, reviewStatus, reviewerName, rubric, section, spanAnnotation, suggestionDecision, suggestionSet } from '../../shared/model/schemas.ts';
import { DOCUMENT_SHAPES } from '../../shared/model/document.ts';
import { correction, UNFIT_REASONS } from '../../shared/outline/corrections.ts';
import type { FileKind } from './durable-json-file.ts';

/**
 * The files of a project folder and their schemas. Each kind has its own `schemaVersion` and
 * migrations; version 1 is the first released format.
 *
 *   casebench.json                      the project: name, id, creation time
 *   schema.json                         the label schema (editable per project)
 *   rubric.json                         the scoring rubric (editable per project)
 *   compendium.json                     the editors' draft of the next compendium
 *   corpus/documents.json               the loaded documents
 *   corpus/cases/<case>.json            one case: metadata from the loader and its text revisions
 *   reviews/<reviewer>.json             one reviewer's per-case state (status, metadata, sections)
 *   reviews/<reviewer>.spans/<case>.json  one reviewer's spans in one case (sharded for fast saves)
 *   suggestions/<case>.json             suggestions for every reviewer (`casebench suggest --apply`)
 *   corpus/outline/<document>.json      corrections of a document's outline, kept over its source
 *   corpus/layout/<document>.json       a paged source's decoded text and where each stretch of it is on its pages (PDF)
 */

export const projectFile = z.object({
  schemaVersion: z.literal(1),
  id,
  name: z.string().min(1).max(200),
  createdAt: z.string(),
});
export type ProjectFile = z.infer<typeof projectFile>;

export const schemaFile = labelSchema.and(z.object({ schemaVersion: z.literal(1) }));
export type SchemaFile = z.infer<typeof schemaFile>;

export const rubricFile = rubric.and(z.object({ schemaVersion: z.literal(1) }));
export type RubricFile = z.infer<typeof rubricFile>;

export const compendiumFile = z.object({ schemaVersion: z.literal(1), draft: compendiumDraft.nullable() });
export type CompendiumFile = z.infer<typeof compendiumFile>;

export const documentRecord = z.object({
  id,
  file: z.string(),
  title: z.string(),
  format: z.enum(DOCUMENT_SHAPES),
  issuer: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: z.string().nullable(),
  encoding: z.string(),
  /** The original file, copied into sources/, so a span can be shown in the source. */
  source: z.string().nullable(),
  importedAt: z.string(),
  caseIds: z.array(id),
  warnings: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      caseId: z.string().optional(),
      severity: z.enum(['info', 'warning']).optional(),
      at: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
    }),
  ),
  /** The loader's confidence in the outline (absent in files from before it was kept). */
  confidence: z.number().min(0).max(1).optional(),
});
export type DocumentRecord = z.infer<typeof documentRecord>;
export const documentsFile = z.object({ schemaVersion: z.literal(1), documents: z.array(documentRecord) });
export type DocumentsFile = z.infer<typeof documentsFile>;

/**
 * A text's offset map into its source (triples of numbers): checked in one pass. A case's map
 * holds hundreds of numbers, and zod's check of each element was most of the time a project of
 * thousands of cases took to open.
 */
const integers = z.custom<number[]>((v) => Array.isArray(v) && v.every(Number.isInteger), { message: 'expected an array of integers' });
const offsetMap = z.object({ runs: integers });

export const revisionRecord = z.object({
  revision: z.number().int().nonnegative(),
  text: z.string(),
  createdAt: z.string(),
  author: z.string(),
  note: z.string(),
  /** The loader's sections, mapped through every revision since. */
  sections: z.array(section),
  /**
   * The offset map of this revision's text into the source, when the text came from the loader
   * (an outline correction or a reload made it); absent otherwise: the map is then revision 0's
   * (the case's `sourceMap`), carried through the edits.
   */
  sourceMap: offsetMap.optional(),
  /** What the re-anchoring did to the annotations when this revision was made (absent for revision 0 and older files). */
  report: z
    .object({
      unchanged: z.number().int().nonnegative(),
      moved: z.number().int().nonnegative(),
      refound: z.number().int().nonnegative(),
      orphaned: z.number().int().nonnegative(),
    })
    .optional(),
});
export type RevisionRecord = z.infer<typeof revisionRecord>;

export const caseRecord = z.object({
  id,
  documentId: id,
  ordinal: z.number().int().positive(),
  title: z.string(),
  region: z.string().nullable(),
  unit: z.string().nullable(),
  part: z.string().nullable(),
  marks: z.array(z.object({ kind: z.string(), text: z.string() })),
  sourceRange: z.object({ start: z.number().int(), end: z.number().int() }),
  sourceMap: offsetMap,
  revisions: z.array(revisionRecord).min(1),
});
export type CaseRecord = z.infer<typeof caseRecord>;
export const caseFile = z.object({ schemaVersion: z.literal(1), case: caseRecord });
export type CaseFile = z.infer<typeof caseFile>;

export const reviewerCase = z.object({
  status: reviewStatus.optional(),
  meta: caseMeta.optional(),
  sections: caseSections.optional(),
  score: caseScore.optional(),
  /** Suggestions made for this reviewer alone (`suggest --apply --reviewer`, or asked for in the workbench). */
  suggestions: suggestionSet.optional(),
  /** The reviewer's answer to each suggestion (by suggestion id); an accepted one is also a span of theirs. */
  decisions: z.record(id, suggestionDecision).optional(),
  /** When the committee last adjudicated this case (the consensus only): even "adopt none" is its decision. */
  adjudicatedAt: z.string().optional(),
  /** Cached counts of the span shard, for the navigator; reconciled whenever the shard is read. */
  spanCount: z.number().int().nonnegative(),
  orphanCount: z.number().int().nonnegative(),
  labelCounts: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * The oldest case revision a span of the shard is anchored to, when the counts were taken.
   * Behind the case's current revision, the counts are of spans not yet carried to it (another
   * reviewer's shard, re-anchored lazily): a re-anchoring may orphan some, so counting reads the
   * shard. Absent in files from before it was kept, and when the shard is empty.
   */
  spansRevision: z.number().int().nonnegative().optional(),
});
export type ReviewerCase = z.infer<typeof reviewerCase>;
export const reviewerFile = z.object({
  schemaVersion: z.literal(1),
  reviewer: reviewerName,
  createdAt: z.string(),
  cases: z.record(id, reviewerCase),
});
export type ReviewerFile = z.infer<typeof reviewerFile>;

/**
 * What an outline correction left in a shard it carried the spans of (see ProjectStore.updateSpans):
 * the case's revision it brought them to (and the hash of its text: a correction rewrites a revision 0
 * in place), or that the case is retired (its text went to others).
 * An edit made on an older text of the case is refused rather than put on text that moved.
 */
export const spansFloor = z
  .object({
    revision: z.number().int().nonnegative(),
    textHash: z.string().max(64).optional(),
    retired: z.boolean().optional(),
    /** The shard's spans the correction is carrying, still in it until they are where their text went (a kill may stop it between); edits of the shard wait. */
    carrying: z.array(z.string().max(64)).max(100_000).optional(),
  })
  .strict();
export type SpansFloor = z.infer<typeof spansFloor>;
export const spansFile = z.object({ schemaVersion: z.literal(1), caseId: id, spans: z.array(spanAnnotation), floor: spansFloor.optional() });
export type SpansFile = z.infer<typeof spansFile>;

export const suggestionsFile = z.object({ schemaVersion: z.literal(1), caseId: id, set: suggestionSet });
export type SuggestionsFile = z.infer<typeof suggestionsFile>;

/**
 * A document's outline corrections (see shared/outline): the list a reload applies again, the
 * titles splits made from paragraphs (a merge puts them back), every case id the document has
 * used (a new case never takes one: files and reviewers' entries of retired cases stay on disk),
 * and what did not fit when the list was last applied.
 */
export const outlineFile = z.object({
  schemaVersion: z.literal(1),
  documentId: id,
  corrections: z.array(correction).max(5000),
  titleParagraphs: z.record(id, z.object({ text: z.string(), sourceMap: offsetMap, sections: z.array(section) })),
  usedCaseIds: z.array(id),
  unfit: z.array(z.object({ correction, reason: z.enum(UNFIT_REASONS) })),
  updatedAt: z.string(),
});
export type OutlineFile = z.infer<typeof outlineFile>;

/**
 * A paged document's decoded text (what the cases' source maps point into: for a PDF it is the
 * decoder's, so it is kept rather than decoded again) and its geometry (shared/model/geometry.ts):
 * septuples of raw start, raw end, page, x, y, width, height.
 */
export const layoutFile = z.object({
  schemaVersion: z.literal(1),
  documentId: id,
  rawText: z.string(),
  geometry: z.object({
    pages: z.array(z.object({ width: z.number().positive().finite(), height: z.number().positive().finite() })).min(1),
    boxes: z
      .array(z.number().finite())
      .refine((b) => b.length % 7 === 0, { message: 'boxes come in sevens (start, end, page, x, y, width, height)' }),
  }),
});
export type LayoutFile = z.infer<typeof layoutFile>;

const v1 = <T>(what: string, schema: z.ZodType<T>, unrecoverable: FileKind<T>['unrecoverable'] = 'stop'): FileKind<T> => ({ what, version: 1, schema, migrations: [], unrecoverable });

export const FILE_KINDS = {
  project: v1<ProjectFile>('a casebench project file', projectFile),
  schema: v1<SchemaFile>('a label schema', schemaFile),
  rubric: v1<RubricFile>('a rubric', rubricFile),
  compendium: v1<CompendiumFile>('a compendium draft', compendiumFile),
  documents: v1<DocumentsFile>('a document list', documentsFile),
  case: v1<CaseFile>('a case', caseFile),
  reviewer: v1<ReviewerFile>("a reviewer's file", reviewerFile),
  // One reviewer's spans in one case: a shard the project can open without (set aside, with a note).
  spans: v1<SpansFile>("a reviewer's annotations", spansFile, 'set-aside'),
  suggestions: v1<SuggestionsFile>('suggestions for a case', suggestionsFile),
  outline: v1<OutlineFile>("corrections of a document's outline", outlineFile),
  // Made again by reloading the document, so a corrupt one is set aside rather than stopping.
  layout: v1<LayoutFile>("a document's page layout", layoutFile, 'set-aside'),
};

/** Ids that become file names: no separators, no dot-dot, no surprises on any file system. */
export const SAFE_FILE_ID = /^[A-Za-z0-9\p{L}][A-Za-z0-9\p{L}._-]{0,150}$/u;
