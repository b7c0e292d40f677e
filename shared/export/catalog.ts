import type { OffsetUnit } from './types.ts';

export const FORMAT_IDS = ['json', 'jsonl', 'csv', 'w3c', 'labelstudio', 'doccano', 'brat', 'conll', 'qdpx'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export interface ExportFormat {
  id: FormatId;
  label: string;
  /** Extension of the file written, or of the main files of a directory layout (no dot). */
  extension: string;
  /** 'file': one file; 'directory': several files with relative paths (one per reviewer, or per case). */
  layout: 'file' | 'directory';
  offsetUnit: OffsetUnit;
  mediaType: string;
  /**
   * What survives a round trip besides case, offsets, label and quote. `layers`: each reviewer's
   * work besides spans — 'all' (status, section tags, metadata and tags, scores, and the case's
   * sections and metadata), 'sections' (reviewers' section tags only), 'none'.
   */
  carries: { reviewer: boolean; fields: boolean; note: boolean; caseText: boolean; layers: 'all' | 'sections' | 'none' };
  /**
   * Spans the format cannot express exactly, or not at all. 'none': every span round-trips;
   * 'newlines': newlines at a span's edges are trimmed (a span of newlines only is dropped);
   * 'newlines-and-overlaps': as 'newlines', and of overlapping spans with the same reviewer and
   * label only one is kept; 'newlines-breaks-and-overlaps': as that, and a span across a newline
   * is written (and read back) as one span per paragraph. Each change is reported as an ExportWarning.
   */
  lossy: 'none' | 'newlines' | 'newlines-and-overlaps' | 'newlines-breaks-and-overlaps';
}

const all = { reviewer: true, fields: true, note: true, caseText: true, layers: 'none' } as const;

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'json', label: 'casebench JSON (everything)', extension: 'json', layout: 'file', offsetUnit: 'utf16', mediaType: 'application/json', carries: { ...all, layers: 'all' }, lossy: 'none' },
  { id: 'jsonl', label: 'JSON Lines (one case a line)', extension: 'jsonl', layout: 'file', offsetUnit: 'utf16', mediaType: 'application/jsonl', carries: { ...all, layers: 'all' }, lossy: 'none' },
  {
    id: 'csv',
    label: 'CSV (one span a row, for Excel)',
    extension: 'csv',
    layout: 'file',
    offsetUnit: 'utf16',
    mediaType: 'text/csv; charset=utf-8',
    carries: { reviewer: true, fields: true, note: true, caseText: false, layers: 'none' },
    lossy: 'none',
  },
  {
    id: 'w3c',
    label: 'W3C Web Annotation (JSON-LD)',
    extension: 'jsonld',
    layout: 'file',
    offsetUnit: 'codepoint',
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    carries: { ...all, layers: 'sections' },
    lossy: 'none',
  },
  { id: 'labelstudio', label: 'Label Studio JSON (tasks and labeling config)', extension: 'json', layout: 'directory', offsetUnit: 'codepoint', mediaType: 'application/json', carries: all, lossy: 'none' },
  {
    id: 'doccano',
    label: 'doccano sequence labeling (JSONL per reviewer)',
    extension: 'jsonl',
    layout: 'directory',
    offsetUnit: 'utf16',
    mediaType: 'application/jsonl',
    carries: { reviewer: true, fields: false, note: false, caseText: true, layers: 'none' },
    lossy: 'none',
  },
  {
    id: 'brat',
    label: 'brat standoff (.txt + .ann per case and reviewer)',
    extension: 'ann',
    layout: 'directory',
    offsetUnit: 'codepoint',
    mediaType: 'text/plain; charset=utf-8',
    carries: { reviewer: true, fields: false, note: true, caseText: true, layers: 'none' },
    lossy: 'newlines',
  },
  {
    id: 'conll',
    label: 'CoNLL character BIO (one column per label, file per reviewer; plain/ two-column CoNLL for other readers)',
    extension: 'conll',
    layout: 'directory',
    offsetUnit: 'codepoint',
    mediaType: 'text/plain; charset=utf-8',
    carries: { reviewer: true, fields: false, note: false, caseText: true, layers: 'none' },
    lossy: 'newlines-breaks-and-overlaps',
  },
  { id: 'qdpx', label: 'REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)', extension: 'qdpx', layout: 'file', offsetUnit: 'codepoint', mediaType: 'application/zip', carries: { ...all, layers: 'sections' }, lossy: 'none' },
];

export function formatById(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}
