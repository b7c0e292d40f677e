import type { Command } from 'commander';
import { ApiError } from '../../shared/api/errors.ts';
import { IngestError } from '../../shared/ingest/index.ts';
import { importFile } from '../services/corpus-import.ts';
import { createProject, openProject } from '../services/open-project.ts';
import { printJson, readInputFile } from './io.ts';

type SetCode = (code: number) => void;

/** `init`, `import`, `revise` and `stats`: the project commands editors script. */
export function registerProjectCommands(program: Command, setCode: SetCode): void {
  program
    .command('init')
    .description('create a project in DIR, loading texts (the bundled sample corpus when no file is given)')
    .argument('<dir>', 'the project folder (created if missing; must not hold a project already)')
    .option('--from <files...>', 'text files to load instead of the bundled corpus')
    .option('--name <name>', 'project name (default: the folder name)')
    .action(async (dir: string, opts: { from?: string[]; name?: string }) => {
      const { service, imported } = await createProject(dir, opts.from ? opts.from.map((path) => ({ path })) : null, opts.name);
      await service.store.flush();
      for (const { document, loaded } of imported) {
        process.stdout.write(`loaded ${document.file}: ${loaded.format}, ${document.caseIds.length} cases (${document.id})\n`);
        for (const w of loaded.warnings) process.stdout.write(`  ! ${w.message}\n`);
      }
      process.stdout.write(`created project "${service.store.info.name}" in ${service.store.dir} with ${service.store.caseIds.length} cases\n`);
    });

  program
    .command('import')
    .description('add text files to the project in DIR')
    .argument('<dir>', 'the project folder')
    .argument('<files...>', 'text files to load')
    .action(async (dir: string, files: string[]) => {
      const service = await openProject(dir);
      for (const path of files) {
        try {
          const { document, loaded } = await importFile(service.store, { path }, 'casebench');
          process.stdout.write(`loaded ${document.file}: ${loaded.format}, ${document.caseIds.length} cases (${document.id})\n`);
          for (const w of loaded.warnings) process.stdout.write(`  ! ${w.message}\n`);
        } catch (e) {
          if (!(e instanceof IngestError)) throw e;
          process.stderr.write(`error: ${e.message}\n`);
          setCode(1);
        }
      }
      await service.store.flush();
    });

  program
    .command('revise')
    .description("store a new revision of a case's text and re-anchor every annotation to it; prints the report")
    .argument('<dir>', 'the project folder')
    .argument('<case>', 'case id (or exact title)')
    .argument('<newtext>', 'a UTF-8 file with the new text')
    .option('--reviewer <name>', 'the editor making the revision (their annotations are rewritten now)', 'editor')
    .option('--note <text>', 'what changed', '')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, caseRef: string, newText: string, opts: { reviewer: string; note: string; json?: boolean }) => {
      const service = await openProject(dir, opts.reviewer);
      const caseId = resolveCase(service.store.caseIds, (id) => service.store.getCase(id)!.title, caseRef);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(readInputFile(newText)).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
      const report = await service.handlers.reviseText({ caseId, text, note: opts.note });
      await service.store.flush();
      if (opts.json) return printJson(report);
      process.stdout.write(`case ${caseId} is now at revision ${report.revision}\n`);
      process.stdout.write(`  unchanged ${report.unchanged}  moved ${report.moved}  re-found ${report.refound}  orphaned ${report.orphaned}\n`);
      for (const [r, c] of Object.entries(report.byReviewer)) process.stdout.write(`  ${r}: unchanged ${c.unchanged}, moved ${c.moved}, re-found ${c.refound}, orphaned ${c.orphaned}\n`);
      if (report.orphaned) process.stdout.write('  orphaned annotations wait in the orphan queue for a person to place or drop them\n');
    });

  program
    .command('stats')
    .description('counts by case, label, reviewer and status')
    .argument('<dir>', 'the project folder')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const service = await openProject(dir);
      const s = await service.handlers.stats({});
      if (opts.json) return printJson(s);
      const out: string[] = [];
      out.push(`${s.cases} cases · ${s.spans} spans · ${s.orphans} orphans`);
      out.push('by label:    ' + (Object.entries(s.byLabel).map(([l, n]) => `${l} ${n}`).join(' · ') || '—'));
      out.push('by status:   ' + Object.entries(s.byStatus).map(([l, n]) => `${l} ${n}`).join(' · '));
      for (const [r, v] of Object.entries(s.byReviewer)) out.push(`reviewer ${r}: ${v.spans} spans in ${v.cases} cases · ` + Object.entries(v.status).map(([k, n]) => `${k} ${n}`).join(' · '));
      out.push('by case:');
      for (const row of s.byCase.filter((r) => r.spans > 0)) out.push(`  ${row.caseId}  ${row.spans}  ${Object.entries(row.byLabel).map(([l, n]) => `${l}:${n}`).join(' ')}`);
      process.stdout.write(out.join('\n') + '\n');
    });
}

/** A case by id, or by exact (then unique partial) title. */
export function resolveCase(ids: readonly string[], titleOf: (id: string) => string, ref: string): string {
  if (ids.includes(ref)) return ref;
  const exact = ids.filter((id) => titleOf(id) === ref);
  if (exact.length === 1) return exact[0]!;
  const partial = ids.filter((id) => titleOf(id).includes(ref));
  if (partial.length === 1) return partial[0]!;
  throw new ApiError('not-found', partial.length > 1 ? `"${ref}" matches ${partial.length} cases; use a case id` : `no case "${ref}" in this project`);
}
