import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportDataset, formatById, FORMAT_IDS } from '../../shared/export/index.ts';
import { importAnnotations } from '../services/annotation-import.ts';
import { buildDataset } from '../services/dataset.ts';
import { parseFormat, writeExport } from '../services/export-jobs.ts';
import { openProject } from '../services/open-project.ts';
import { printJson } from './io.ts';

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
      const service = await openProject(dir);
      const dataset = await buildDataset(service, opts.reviewers);
      const result = exportDataset(dataset, format, opts.reviewers ? { reviewers: opts.reviewers } : {});
      const written = await writeExport(result, format, opts.out);
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
    .description('load annotations from casebench JSONL ({"case","start","end","label","quote"?,"fields"?} per line), a Label Studio or a doccano export')
    .argument('<dir>', 'the project folder')
    .argument('<file>', 'the annotation file')
    .requiredOption('--reviewer <name>', 'whose annotations these become')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, file: string, opts: { reviewer: string; json?: boolean }) => {
      const service = await openProject(dir, opts.reviewer);
      const report = await importAnnotations(service, readFileSync(file, 'utf8'), opts.reviewer);
      await service.store.flush();
      if (report.rejected.length) setCode(1);
      if (opts.json) return printJson(report);
      process.stdout.write(`imported ${report.imported} annotations for ${report.reviewer}\n`);
      if (report.rejected.length) {
        process.stdout.write(`${report.rejected.length} not imported:\n`);
        for (const r of report.rejected) process.stdout.write(`  ! ${r.reason}\n`);
      }
    });
}
