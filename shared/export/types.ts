import type { CaseMeta, CaseScore, Dataset, DatasetCase, FieldValue, ReviewStatus, Rubric, Section, TaggedSection } from '../model/index.ts';

/** One reviewer's work on a case besides spans. */
export interface CaseReview {
  /** 'todo' until they set one. */
  status: ReviewStatus;
  /**
   * Their section tags at the current revision: kinds, boundaries, sections they added (source
   * 'reviewer'), which they confirmed. Absent while they have not touched the outline: the
   * case's sections, as the loader found them, stand.
   */
  sections?: TaggedSection[];
  /** Their metadata and tags (title, region, category, year, custom tags). */
  meta?: CaseMeta;
  /** Their rubric scores: ratings, evidence (span ids), comment, recommendation. */
  score?: CaseScore;
}

/** One stored revision of a case text (the texts of old revisions stay in the project). */
export interface RevisionEntry {
  revision: number;
  createdAt: string;
  author: string;
  note: string;
  /** Length of that revision's text, in UTF-16 code units. */
  length: number;
}

/** A case with every reviewer's layers and its revision history. */
export interface ProjectCase extends DatasetCase {
  /** Reviewer → their work on the case, for reviewers who have any (status, sections, metadata or scores). */
  reviews?: Record<string, CaseReview>;
  revisions?: RevisionEntry[];
}

/**
 * What exports are made from: a Dataset, and optionally the rest of the project — every
 * reviewer's layers per case, the rubric and the revision history. A plain Dataset exports as it
 * always did.
 */
export interface ExportDataset extends Dataset {
  cases: ProjectCase[];
  rubric?: Rubric;
}

/**
 * What an offset counts. casebench stores UTF-16 code units (JavaScript string indexes); most
 * exchange formats count Unicode code points (Python string indexes). Every export states its unit.
 */
export type OffsetUnit = 'utf16' | 'codepoint';

/** One file of an export. Strings are text to be written as UTF-8; bytes are written as they are. */
export interface ExportFile {
  /** Relative POSIX path ("report.csv", "alice/hc2024-01.ann"). */
  path: string;
  data: string | Uint8Array;
}

/** Something an export could not carry faithfully, reported instead of silently dropped. */
export interface ExportWarning {
  code:
    | 'bad-offsets'
    | 'unknown-case'
    | 'quote-mismatch'
    | 'newline-trimmed'
    | 'newline-only'
    | 'empty-span'
    | 'overlap-dropped'
    | 'overlap-dropped-plain'
    | 'overlap-doccano'
    | 'split-at-line-break'
    | 'xml-char-replaced';
  message: string;
  spanId?: string;
  caseId?: string;
}

export interface ExportResult {
  files: ExportFile[];
  offsetUnit: OffsetUnit;
  mediaType: string;
  warnings: ExportWarning[];
}

export interface ExportOptions {
  /** Export only these reviewers' spans; all reviewers when absent. */
  reviewers?: string[];
  onProgress?: (done: number, total: number) => void;
}

/** A section as read back: what every format that carries sections keeps, and the rest where it does. */
export type ParsedSection = Pick<Section, 'heading' | 'kinds' | 'level' | 'start' | 'end'> & Partial<TaggedSection>;

/** A reviewer's layers of a case as read back; each part present when the format carries it. */
export interface ParsedReview {
  status?: ReviewStatus;
  sections?: ParsedSection[];
  meta?: CaseMeta;
  score?: CaseScore;
}

/** A case as read back from an export. `text` is absent when the format does not carry case texts (csv). */
export interface ParsedCase {
  id: string;
  text?: string;
  title?: string;
  /** The case's sections as loaded (json, jsonl). */
  sections?: ParsedSection[];
  /** The case's metadata (json, jsonl). */
  meta?: CaseMeta;
  /** Reviewer → their layers (json, jsonl; qdpx: section tags). */
  reviews?: Record<string, ParsedReview>;
}

/** A span as read back from an export or import, offsets in UTF-16 code units of its case text. */
export interface ParsedSpan {
  caseId: string;
  start: number;
  end: number;
  label: string;
  quote: string;
  id?: string;
  reviewer?: string;
  /** Present when the format carries fields. */
  fields?: Record<string, FieldValue>;
  note?: string;
}

/** A problem found while reading: where it is and what is wrong, in words a user can act on. */
export interface ParseIssue {
  /** The file, for multi-file formats. */
  file?: string;
  /** 1-based line, where the format has lines. */
  line?: number;
  /** 1-based spreadsheet row of a CSV file (the header is row 1); a quoted cell may span several lines. */
  row?: number;
  message: string;
}

export interface ParseResult {
  cases: ParsedCase[];
  spans: ParsedSpan[];
  issues: ParseIssue[];
}
