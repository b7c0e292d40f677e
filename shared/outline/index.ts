/**
 * Corrections of a document's outline, kept over its source: split and merge cases, retitle,
 * set region and part, drop what is not a case, make paragraphs headings or body text, another
 * shape or reading. Applied to a fresh load of the same file, they find their places again by
 * their source anchors; those that no longer fit are listed. See apply.ts.
 */
export { correction, corrections, sourceAnchor, READING_CHOICES, UNFIT_REASONS, type Correction, type CorrectionOp, type SourceAnchor, type Unfit, type UnfitReason } from './corrections.ts';
export { applyCorrections, type Applied, type ApplyOptions } from './apply.ts';
export { Lineage, type Placed } from './lineage.ts';
export { carrySpans, carryPlaced, carrySections, uniqueInContext, OUTLINE_ORPHAN, type CarryReport, type CarryTarget } from './carry.ts';
export { outlineEdit, correctionFor, paragraphAnchor, caseAnchor, freshCaseId, nextCorrectionId, loadOptionsOf, EditRefused, type OutlineEdit, type EditIds } from './edits.ts';
export { outlineView, placeWarning, type OutlineView, type OutlineCase, type OutlineParagraph, type PlacedWarning } from './view.ts';
export { anchorAt, locateAnchor } from './source-anchor.ts';
export { paragraphRanges, paragraphAt, withSectionEnds } from './paragraphs.ts';
export { TrackedText } from './tracked-text.ts';
export type { StoredTitleParagraph } from './working-case.ts';
export type { ImportPreview, OutlineChange, ReloadReport } from './api-types.ts';
export { MAX_INPUT_BYTES, MAX_INPUT_BASE64, MAX_PREVIEW_FILES } from './limits.ts';
export { revisedSourceMap } from './revised-map.ts';
