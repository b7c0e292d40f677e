import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { ApiError, validateInput } from '../../shared/api/errors.ts';
import { exportDataset, formatById, FORMAT_IDS, type FormatId } from '../../shared/export/index.ts';
import { decodeAnnotationFile, importAnnotations, MAX_ANNOTATION_FILE_BYTES } from '../services/annotation-import.ts';
import { buildDataset } from '../services/dataset.ts';
import { parseFormat, writeExport } from '../services/export-jobs.ts';
import { fileInPath, withFsErrors } from './fs-errors.ts';
import { printJson, readInputFile } from './io.ts';
import { openCliProject } from './project.ts';

type SetCode = (code: number) => void;

/** `export` and `annotations import`: datasets out and annotations in. */
export function registerDataCommands(program: Command, setCode: SetCode): void {
  program
    .command('export')
    .description('export the annotated dataset')
    .argument('<dir>', 'the project folder')
    .requiredOption('--format <format>', `one of ${FORMAT_IDS.join(', ')}`)
    .requiredOption('--out <path>', 'output file (or folder, or .zip, for formats with several files)')
    .option('--reviewers <names...>', 'only these reviewers (default: all)')
    .action(async (dir: string, opts: { format: string; out: string; reviewers?: string[] }) => {
      const format = parseFormat(opts.format);
      validateInput('startExport', { format, ...(opts.reviewers ? { reviewers: opts.reviewers } : {}) });
      checkExportTarget(format, opts.out);
      const { service, store } = await openCliProject(dir);
      const unknown = (opts.reviewers ?? []).filter((r) => !store.reviewers.includes(r));
      if (unknown.length) {
        process.stderr.write(`warning: no reviewer ${unknown.map((r) => `"${r}"`).join(', ')} in this project (reviewers: ${store.reviewers.join(', ') || 'none yet'}); nothing of theirs is exported\n`);
      }
      const dataset = await buildDataset(service, opts.reviewers);
      const result = exportDataset(dataset, format, opts.reviewers ? { reviewers: opts.reviewers } : {});
      const written = await withFsErrors(opts.out, 'write the export', () => writeExport(result, format, opts.out));
      const def = formatById(format)!;
      process.stdout.write(`exported ${dataset.spans.length} spans of ${dataset.cases.length} cases as ${def.label}\n`);
      process.stdout.write(`offsets count ${result.offsetUnit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points'}\n`);
      process.stdout.write(written.length === 1 ? `wrote ${written[0]}\n` : `wrote ${written.length} files under ${opts.out}\n`);
      if (dataset.orphans.length) process.stdout.write(`${dataset.orphans.length} orphaned annotations were left out (place or drop them first)\n`);
      for (const w of result.warnings.slice(0, 20)) process.stdout.write(`  ! ${w.message}\n`);
      if (result.warnings.length > 20) process.stdout.write(`  … and ${result.warnings.length - 20} more warnings\n`);
    });

  const annotations = program.command('annotations').description('annotation files');
  annotations
    .command('import')
    .description(
      'load annotations from casebench JSONL ({"case","start","end","label","quote"?,"fields"?} per line), casebench\'s own JSON or JSONL export, a Label Studio or a doccano export; labels by id or by name (指标, Indicator); each annotator the file names becomes a reviewer of their own',
    )
    .argument('<dir>', 'the project folder')
    .argument('<file>', 'the annotation file (UTF-8, UTF-16 with BOM or GB18030)')
    .option('--reviewer <name>', 'whose annotations the records that name no annotator become')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, file: string, opts: { reviewer?: string; json?: boolean }) => {
      // A reviewer's file is written only when annotations are stored for them: a failed import leaves nothing behind.
      const { service, store } = await openCliProject(dir, opts.reviewer ? { reviewer: opts.reviewer } : {});
      const content = decodeAnnotationFile(readInputFile(file, MAX_ANNOTATION_FILE_BYTES), file);
      const input = validateInput('importAnnotations', { content, ...(opts.reviewer ? { reviewer: opts.reviewer } : {}), fileName: file.slice(-300) });
      const report = await importAnnotations(service, input.content, input.reviewer ?? null);
      await store.flush();
      if (report.rejected.length) setCode(1);
      if (opts.json) return printJson(report);
      const who = Object.entries(report.byReviewer);
      process.stdout.write(
        who.length === 1 || (who.length === 0 && report.reviewer)
          ? `imported ${report.imported} annotations for ${who[0]?.[0] ?? report.reviewer}\n`
          : `imported ${report.imported} annotations${who.length ? `: ${who.map(([r, n]) => `${n} for ${r}`).join(', ')}` : ''}\n`,
      );
      for (const r of report.renamed) process.stdout.write(`  annotator "${r.from}" is reviewer ${r.to}\n`);
      if (report.duplicates) process.stdout.write(`${report.duplicates} already there, not added again\n`);
      if (report.rejected.length) {
        process.stdout.write(`${report.rejected.length} not imported:\n`);
        for (const r of report.rejected) process.stdout.write(`  ! ${r.reason}\n`);
      }
    });
}

/**
 * Refuse an --out the format cannot be written to, before any work: a folder where one file is
 * written, a file where a folder of files is.
 */
function checkExportTarget(format: FormatId, out: string): void {
  const def = formatById(format)!;
  const intoFolder = def.layout === 'directory' && !out.endsWith('.zip');
  const parentFile = fileInPath(dirname(out));
  if (parentFile) throw new ApiError('invalid-input', `${out}: ${parentFile} is a file, not a folder`);
  let isDir: boolean;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    return; // does not exist yet (or cannot be looked at): writing says what is wrong, naming it
  }
  if (intoFolder && !isDir) throw new ApiError('invalid-input', `${out} is a file, but ${def.label} is a folder of files: give a folder (new or existing), or a path ending in .zip`);
  if (!intoFolder && isDir) throw new ApiError('invalid-input', `${out} is a folder, but ${def.label} is written as one file: give a file name`);
}
