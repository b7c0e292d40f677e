import { FORMAT_IDS, formatById, type FormatId } from './catalog.ts';
import { CODECS } from './formats/index.ts';
import { progressReporter } from './progress.ts';
import type { ExportDataset, ExportOptions, ExportResult } from './types.ts';
import { buildExportView } from './view.ts';

/**
 * Writes a dataset in one format. Pure: the same dataset and options always give the same files,
 * whichever host (CLI, desktop app, serve mode) calls it. What the format cannot carry faithfully
 * is listed in `warnings`, never dropped silently.
 */
export function exportDataset(dataset: ExportDataset, format: FormatId, opts: ExportOptions = {}): ExportResult {
  const info = formatById(format);
  if (!info) throw new RangeError(`unknown export format ${JSON.stringify(format)}; known formats: ${FORMAT_IDS.join(', ')}`);
  const codec = CODECS[info.id];
  const view = buildExportView(dataset, opts);
  const progress = progressReporter(opts.onProgress, codec.steps(view));
  const files = codec.write(view, progress);
  return { files, offsetUnit: info.offsetUnit, mediaType: info.mediaType, warnings: view.warnings };
}
