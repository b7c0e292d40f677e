import { z } from 'zod';
import { DOCUMENT_SHAPES } from '../model/document.ts';
import { sectionKind } from '../model/schemas.ts';

/**
 * A place in a document's source: a raw offset into the decoded file (`LoadedDocument.rawText`,
 * UTF-16 units) with the text found there and just before it. The offset alone would break as
 * soon as the file is edited; the text alone would be ambiguous. Together they find the same
 * place again after a newer loader re-reads the file, or in a slightly edited copy of it.
 */
export const sourceAnchor = z
  .object({
    start: z.number().int().nonnegative(),
    /** The raw text from `start` (up to ANCHOR_TEXT units, never half a character). */
    exact: z.string().min(1).max(200),
    /** The raw text just before `start` (up to ANCHOR_CONTEXT units). */
    prefix: z.string().max(200),
  })
  .strict();
export type SourceAnchor = z.infer<typeof sourceAnchor>;

export const READING_CHOICES = ['auto', 'lines', 'wrapped'] as const;

const correctionId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** Case ids a split makes: the same characters the project uses for file names. */
const caseId = z.string().min(1).max(150).regex(/^[A-Za-z0-9\p{L}][A-Za-z0-9\p{L}._-]*$/u);
const title = z.string().trim().min(1).max(500);
const label = z.string().trim().max(200).nullable();
const level = z.number().int().min(1).max(9);
const kinds = z.array(sectionKind).min(1).max(8);

/**
 * One correction of a document's outline, kept over the source so that it can be applied again
 * to a fresh load of the same file. They apply in order; each names the case or paragraph it
 * concerns by an anchor at the start of that paragraph (a case by its first paragraph).
 */
export const correction = z.discriminatedUnion('op', [
  /** Read the whole document as another shape (how it splits into cases). */
  z.object({ op: z.literal('shape'), id: correctionId, shape: z.enum(DOCUMENT_SHAPES) }).strict(),
  /** Read line breaks another way (every line a paragraph, or hard-wrapped text joined back). */
  z.object({ op: z.literal('reading'), id: correctionId, reading: z.enum(READING_CHOICES) }).strict(),
  /**
   * Start a new case at a paragraph. With `titleFromParagraph` the paragraph is the new case's
   * title (the title line the loader missed) and leaves the body; otherwise it stays the first
   * paragraph and `title` names the case.
   */
  z
    .object({ op: z.literal('split'), id: correctionId, at: sourceAnchor, titleFromParagraph: z.boolean(), title: title.optional(), newCaseId: caseId })
    .strict()
    .refine((c) => c.titleFromParagraph || c.title !== undefined, { message: 'a split that keeps its paragraph as body text needs a title' }),
  /** Merge the case that starts at `at` into the case before it. */
  z.object({ op: z.literal('merge'), id: correctionId, at: sourceAnchor }).strict(),
  z.object({ op: z.literal('retitle'), id: correctionId, at: sourceAnchor, title }).strict(),
  z.object({ op: z.literal('set-region'), id: correctionId, at: sourceAnchor, region: label }).strict(),
  z.object({ op: z.literal('set-part'), id: correctionId, at: sourceAnchor, part: label }).strict(),
  /** The case that starts at `at` is not a case (front matter, an index, a notice's cover letter). */
  z.object({ op: z.literal('drop-case'), id: correctionId, at: sourceAnchor }).strict(),
  /** Paragraphs from `at` through the one starting at `to` are not part of the case (front matter inside it). */
  z.object({ op: z.literal('drop-text'), id: correctionId, at: sourceAnchor, to: sourceAnchor }).strict(),
  /** The paragraph at `at` is a section heading (the whole paragraph, or its first `length` units when it runs in). */
  z.object({ op: z.literal('make-heading'), id: correctionId, at: sourceAnchor, level, kinds, length: z.number().int().positive().optional() }).strict(),
  /** The heading at `at` is body text. */
  z.object({ op: z.literal('make-body'), id: correctionId, at: sourceAnchor }).strict(),
  /** The heading at `at` has another level or other kinds. */
  z
    .object({ op: z.literal('set-heading'), id: correctionId, at: sourceAnchor, level: level.optional(), kinds: kinds.optional() })
    .strict()
    .refine((c) => c.level !== undefined || c.kinds !== undefined, { message: 'say the new level or kinds' }),
]);
export type Correction = z.infer<typeof correction>;
export type CorrectionOp = Correction['op'];

export const corrections = z.array(correction).max(5000);

/**
 * Why a correction does not fit the document it is applied to (listed, never forced):
 * not-found: the anchored text is not in the source any more; not-a-paragraph-start: the text is
 * there, but no paragraph (or case) starts there now; no-case: the text is in no case (dropped,
 * or between cases); first-case: a merge anchored on the first case, with nothing before it;
 * case-start: a split where the case starts already; last-case: dropping the only case left;
 * not-a-heading / already-a-heading: a heading change where none starts, or one where one is;
 * id-taken: a split's new case id is a case of the document already; other-shape: the document
 * was loaded as another shape than the correction asks; order: a text drop that ends before it
 * starts, or runs over two cases.
 */
export const UNFIT_REASONS = ['not-found', 'not-a-paragraph-start', 'no-case', 'first-case', 'case-start', 'last-case', 'not-a-heading', 'already-a-heading', 'id-taken', 'other-shape', 'order'] as const;
export type UnfitReason = (typeof UNFIT_REASONS)[number];

export interface Unfit {
  correction: Correction;
  reason: UnfitReason;
}
