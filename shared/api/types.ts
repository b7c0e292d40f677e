import type { SpanAnnotation } from '../model/annotation.ts';
import type { IdentifiedSuggestion } from '../suggest/ids.ts';
import type { DocumentShape } from '../model/document.ts';
import type { CaseMeta, ReviewStatus, TaggedSection } from '../model/review.ts';
import type { CompletenessIssue } from '../compendium/checks.ts';
import type { CompendiumDraft, LeftOutReason } from '../compendium/draft.ts';
import type { TocEntry } from '../compendium/toc.ts';

/** Results of the API. Inputs are described by the zod schemas in contract.ts. */

export interface RecoveryNote {
  file: string;
  message: string;
  at: string;
}

export interface RecentProject {
  dir: string;
  name: string;
  openedAt: string;
}

export interface DocumentSummary {
  id: string;
  title: string;
  file: string;
  format: DocumentShape;
  issuer: string | null;
  year: number | null;
  kind: string | null;
  caseCount: number;
  encoding: string;
}

export interface ProjectInfo {
  name: string;
  dir: string;
  schemaVersion: number;
  /** Who is annotating in this window; null until chosen. */
  reviewer: string | null;
  reviewers: string[];
  documents: DocumentSummary[];
  caseCount: number;
  /** Files found corrupt and restored from a backup when the project was opened. */
  recovered: RecoveryNote[];
}

export interface CaseSummary {
  id: string;
  documentId: string;
  documentTitle: string;
  ordinal: number;
  title: string;
  region: string | null;
  unit: string | null;
  part: string | null;
  revision: number;
  length: number;
  /** Review status per reviewer ("todo" when a reviewer has not set one). */
  status: Record<string, ReviewStatus>;
  /** Placed spans per reviewer. */
  spanCounts: Record<string, number>;
  /** Spans per label, all reviewers. */
  labelCounts: Record<string, number>;
  orphanCount: number;
  tags: string[];
  /** The current reviewer's own weighted rubric score (null when they have not scored it). */
  score: number | null;
  /** Mean of the reviewers' weighted rubric scores, the consensus left out (null when nobody scored it). */
  meanScore: number | null;
}

export interface CaseFilter {
  documentId?: string;
  part?: string;
  region?: string;
  label?: string;
  status?: ReviewStatus;
  reviewer?: string;
  tag?: string;
}

export interface CaseDetail {
  summary: CaseSummary;
  text: string;
  revision: number;
  /** The current reviewer's section layer, or the loader's sections when untouched. */
  sections: TaggedSection[];
  meta: CaseMeta;
  marks: Array<{ kind: string; text: string }>;
  /** Placed spans of the requested reviewers, in text order. */
  spans: SpanAnnotation[];
  /** Spans the last revision could not place with confidence, waiting for a person. */
  orphans: SpanAnnotation[];
}

export interface SearchHit {
  caseId: string;
  caseTitle: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

export interface RevisionInfo {
  revision: number;
  createdAt: string;
  author: string;
  note: string;
  length: number;
  /** What the re-anchoring did to every reviewer's annotations when the revision was made. */
  report?: AnchorCounts;
}

export interface AnchorCounts {
  unchanged: number;
  moved: number;
  refound: number;
  orphaned: number;
}

export interface ReanchorReport extends AnchorCounts {
  caseId: string;
  revision: number;
  byReviewer: Record<string, AnchorCounts>;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface HistoryResult extends HistoryState {
  /** What was undone or redone, and in which case; null when there was nothing to do. */
  applied: string | null;
  caseId: string | null;
}

export interface ExportJob {
  id: string;
  format: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  offsetUnit: 'utf16' | 'codepoint' | null;
  files: Array<{ path: string; bytes: number }>;
  /** Where the export was written (a file or a folder), once done. */
  output: string | null;
  error: string | null;
}

export interface ImportReport {
  /** Who records that name no annotator went to (null: no one; such records were refused). */
  reviewer: string | null;
  imported: number;
  /** Reviewer → spans imported for them: each annotator a file names is a reviewer of their own. */
  byReviewer: Record<string, number>;
  /** Annotator names the file gave that became another reviewer name (an email, a user id, another letter case). */
  renamed: Array<{ from: string; to: string }>;
  /** Spans left out because the reviewer already had them (same label and place). */
  duplicates: number;
  rejected: Array<{ line: number | null; reason: string }>;
}

export interface RankingFilter {
  part?: string;
  region?: string;
  documentId?: string;
}

export interface RatingDistributions {
  perCriterion: Record<string, Record<number, number>>;
  perReviewer: Record<string, Record<number, number>>;
}

export interface CompendiumView {
  draft: CompendiumDraft | null;
  toc: TocEntry[];
  checks: Record<string, CompletenessIssue[]>;
  /** Per case in the draft: whose annotations and sections its indicators, headings and checks come from. */
  sources: Record<string, CaseSource>;
  /** The cases the committee scored or recommended that the draft leaves out, with why (against the rule it was proposed by). */
  leftOut: Array<{ caseId: string; reason: LeftOutReason }>;
  /** Part names in the order the project's texts give them: where a case added by hand puts a part of its own. */
  partOrder: string[];
}

/**
 * Whose work a case of the compendium is built from: the consensus where it has work on the
 * case, else the current reviewer (the workbench's, or the CLI's `--reviewer`), else the reviewer
 * with the most spans on the case; `none` when nobody annotated it (the loader's sections, no
 * indicators).
 */
export interface CaseSource {
  reviewer: string | null;
  why: 'consensus' | 'current' | 'most-spans' | 'none';
}

export interface Stats {
  cases: number;
  spans: number;
  orphans: number;
  byLabel: Record<string, number>;
  byReviewer: Record<string, { spans: number; cases: number; status: Record<ReviewStatus, number> }>;
  byStatus: Record<ReviewStatus, number>;
  byCase: Array<{ caseId: string; title: string; spans: number; byLabel: Record<string, number> }>;
}

/**
 * A suggestion as a reviewer sees it: pending until they accept or reject it; covered when an
 * annotation of theirs of the same label already takes in its text (accepting it adds no second
 * one: its parsed fields fill what that annotation lacks).
 */
export type SuggestionItem = IdentifiedSuggestion & {
  state: 'pending' | 'accepted' | 'rejected' | 'covered';
  /** The annotation that covers it (state 'covered'). */
  coveredBy?: string;
  /** Suggested for every reviewer (`suggest --apply`) or for this reviewer alone. */
  source: 'shared' | 'mine';
};

export interface SuggestionView {
  caseId: string;
  revision: number;
  /** When the newest set was made; null when nothing was suggested for this case yet. */
  generatedAt: string | null;
  items: SuggestionItem[];
}

/** A lesson (经验启示) a reviewer accepted or marked, with where it comes from. */
export interface LessonEntry {
  spanId: string;
  reviewer: string;
  caseId: string;
  caseTitle: string;
  region: string | null;
  part: string | null;
  documentTitle: string;
  headline: string;
  text: string;
  section: string | null;
  start: number;
  end: number;
}

/** A range of a case shown in the file it was loaded from (offsets into the decoded file, UTF-16). */
export interface SourceExcerpt {
  file: string;
  /** False when the range is text a revision added: it has no place in the source. */
  found: boolean;
  /** The text at the range in the source (or, when not found, in the current text). */
  quote: string;
  rawStart?: number;
  rawEnd?: number;
  /** The source lines around the range (1-based numbers), with the range's part of each marked. */
  lines: Array<{ number: number; text: string; mark?: { start: number; end: number } }>;
  /**
   * Where the range stands on the pages of a paged source (PDF): the document (its file comes
   * from `sourceFile`), each page's size in PDF points, and the range's boxes, in points from the
   * page's top left. Absent for sources without pages.
   */
  layout?: SourceLayout;
}

export interface SourceBox {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SourceLayout {
  documentId: string;
  pages: Array<{ width: number; height: number }>;
  boxes: SourceBox[];
}

/** How far the host has got reading one input file (a PDF, page by page). */
export interface LoadProgress {
  file: string;
  page: number;
  pages: number;
}

/** A document's original file, as kept in the project (sources/), for showing it as it is. */
export interface SourceFileContent {
  name: string;
  mediaType: string;
  /** The file's bytes, base64. */
  base64: string;
}
