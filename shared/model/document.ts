import type { SourceGeometry } from './geometry.ts';
import type { Section } from './sections.ts';

/**
 * Run-length map from a normalised text back to its raw source: triples of
 * (normalised start, raw start, length) for stretches copied verbatim, in order. A normalised
 * offset that falls between runs (a joining character the loader made up) maps to the raw
 * position of the next run.
 */
export interface OffsetMapData {
  runs: number[];
}

/** The shapes of document the loader recognises; each splits into cases its own way. */
export const DOCUMENT_SHAPES = [
  'compendium',
  'notice',
  'county-table',
  'provincial-batch',
  'newspaper',
  'outline',
  'plain',
] as const;
export type DocumentShape = (typeof DOCUMENT_SHAPES)[number];

/**
 * What the loader noticed about a document. `warning` means the outline may be wrong and a person
 * should look (a table-of-contents entry with no case, a case that looks like two merged);
 * `info` is worth knowing but changes nothing (running headers dropped).
 */
export interface Warning {
  code: string;
  message: string;
  caseId?: string;
  /** Absent means 'warning'. */
  severity?: 'info' | 'warning';
  /** The stretch of the raw source the warning concerns, where it concerns one. */
  at?: { start: number; end: number };
}

/** A stretch of case text that is not body text: a newspaper byline or a photo caption. */
export interface TextMark {
  kind: 'byline' | 'caption' | 'speaker' | 'attribution';
  text: string;
}

/** A case as the loader finds it: the unit reviewers annotate. */
export interface LoadedCase {
  /** Stable within its document: `${documentId}-${ordinal padded to 2}`. */
  id: string;
  documentId: string;
  ordinal: number;
  title: string;
  /** Province, city or reporting unit ("北京市", "鹤壁市", "健康知识普及行动工作组"). */
  region: string | null;
  /** Reporting unit when the document names one beside the region. */
  unit: string | null;
  /** Part or category ("健康影响因素篇", "健康知识普及行动类"), where the document has one. */
  part: string | null;
  /** Normalised case body: paragraphs joined by "\n", title and attribution lines left out. */
  text: string;
  sections: Section[];
  /** Where the case lies in the raw (decoded) source text, UTF-16 code units. */
  sourceRange: { start: number; end: number };
  /** Maps offsets of `text` back to `LoadedDocument.rawText`: see shared/ingest/offset-map.ts. */
  sourceMap: OffsetMapData;
  marks: TextMark[];
}

export interface LoadedDocument {
  /** The file as given by the caller. */
  file: string;
  id: string;
  format: DocumentShape;
  title: string | null;
  encoding: string;
  /** The decoded source text: offsets in `sourceRange`/`sourceMap` point here. */
  rawText: string;
  cases: LoadedCase[];
  warnings: Warning[];
  /**
   * How sure the loader is of the outline, 0–1: how well the signals it used agree (a table of
   * contents met exactly, section cycles that restart where cases start) and how much text it
   * could place. Below 0.7 the workbench asks the reader to check the outline.
   */
  confidence: number;
  /** Where the raw text stands on the pages, for paged sources (PDF). */
  geometry?: SourceGeometry;
}
