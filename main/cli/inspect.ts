import type { Command } from 'commander';
import type { LoadedDocument } from '../../shared/model/document.ts';
import { IngestError } from '../../shared/ingest/index.ts';
import { loadInputFile } from '../services/input-file.ts';
import { printJson } from './io.ts';

/** The `inspect --json` shape: other tools and checks rely on it, so fields are only ever added. */
export function inspectJson(doc: LoadedDocument) {
  return {
    file: doc.file,
    format: doc.format,
    title: doc.title,
    encoding: doc.encoding,
    confidence: doc.confidence,
    warnings: doc.warnings,
    cases: doc.cases.map((c) => ({
      id: c.id,
      ordinal: c.ordinal,
      title: c.title,
      region: c.region,
      unit: c.unit,
      part: c.part,
      text: c.text,
      sections: c.sections.map((s) => ({
        heading: s.heading,
        numbering: s.numbering,
        kinds: s.kinds,
        level: s.level,
        start: s.start,
        headingEnd: s.headingEnd,
        end: s.end,
      })),
      marks: c.marks,
      sourceRange: c.sourceRange,
    })),
  };
}

export function outline(doc: LoadedDocument, depth: number): string {
  const lines: string[] = [];
  lines.push(`${doc.file}`);
  lines.push(`  ${doc.format} · ${doc.cases.length} cases · ${doc.encoding} · confidence ${doc.confidence.toFixed(2)}${doc.title ? ` · ${doc.title}` : ''}`);
  for (const c of doc.cases) {
    const where = [c.region, c.unit, c.part].filter(Boolean).join(' · ');
    lines.push('');
    lines.push(`  ${c.id}  ${c.title}`);
    if (where) lines.push(`      ${where}`);
    for (const s of c.sections) {
      if (s.level > depth) continue;
      const kinds = s.level === 1 ? `  [${s.kinds.join(', ')}]` : '';
      lines.push(`      ${'  '.repeat(s.level - 1)}${s.numbering}${s.heading}${kinds}`);
    }
    for (const m of c.marks) lines.push(`      (${m.kind}: ${m.text})`);
  }
  if (doc.warnings.length) {
    lines.push('');
    lines.push('  warnings:');
    // "!" asks a person to check the outline; "·" is only worth knowing.
    for (const w of doc.warnings) lines.push(`    ${(w.severity ?? 'warning') === 'warning' ? '!' : '·'} ${w.message}`);
  }
  return lines.join('\n');
}

export function registerInspect(program: Command, exitCode: (code: number) => void): void {
  program
    .command('inspect')
    .description('load case texts and print their outline: shape, cases, regions, parts, sections and warnings')
    .argument('<files...>', 'text files (UTF-8, UTF-16 or GB18030; plain, Markdown or tab-separated), Word .docx or PDF')
    .option('--json', 'print the machine-readable shape instead of the outline')
    .option('--depth <n>', 'heading levels to show in the outline', '2')
    .action(async (files: string[], opts: { json?: boolean; depth: string }) => {
      const documents: ReturnType<typeof inspectJson>[] = [];
      const errors = await loadEach(files, (doc) => {
        if (opts.json) documents.push(inspectJson(doc));
        else process.stdout.write(outline(doc, Number(opts.depth) || 2) + '\n\n');
      });
      if (opts.json) printJson(errors.length ? { documents, errors } : { documents });
      if (errors.length) exitCode(1);
    });
}

/**
 * Load each file and hand it on; a file that cannot be loaded (empty, binary, undecodable) is
 * reported on stderr and listed, and the others still load.
 */
export async function loadEach(files: readonly string[], each: (doc: LoadedDocument, file: string) => void): Promise<Array<{ file: string; code: string; message: string }>> {
  const errors: Array<{ file: string; code: string; message: string }> = [];
  for (const file of files) {
    let doc: LoadedDocument;
    try {
      doc = await loadInputFile(file);
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      errors.push({ file, code: e.code, message: e.message });
      process.stderr.write(`error: ${e.message}\n`);
      continue;
    }
    each(doc, file);
  }
  return errors;
}
