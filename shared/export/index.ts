/**
 * Dataset exports in every format casebench writes, the readers that take them back, and the
 * import readers behind `casebench annotations import`. Pure: no DOM, no Node.
 */
export { EXPORT_FORMATS, FORMAT_IDS, formatById, type ExportFormat, type FormatId } from './catalog.ts';
export { exportDataset } from './export-dataset.ts';
export { parseExport } from './parse-export.ts';
export type { ParseOptions } from './formats/index.ts';
export type {
  CaseReview,
  ExportDataset,
  ExportFile,
  ExportOptions,
  ExportResult,
  ExportWarning,
  OffsetUnit,
  ParsedCase,
  ParsedReview,
  ParsedSection,
  ParsedSpan,
  ParseIssue,
  ParseResult,
  ProjectCase,
  RevisionEntry,
} from './types.ts';
export { agreedMeta } from './layers.ts';
export { parseImport, detectImportFormat } from './import/parse-import.ts';
export { checkQuote, type QuoteCheck } from './import/check-quote.ts';
export { IMPORT_FORMATS, type CaseRef, type ImportedSpan, type ImportError, type ImportFormat, type ImportHint, type ImportResult } from './import/types.ts';
