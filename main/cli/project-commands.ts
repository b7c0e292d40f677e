import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors.ts';
import { IngestError, loadDocument } from '../../shared/ingest/index.ts';
import { bundledCorpus } from '../services/bundled-corpus.ts';
import { importFile, type ImportResult } from '../services/corpus-import.ts';
import { createProject } from '../services/open-project.ts';
import { fileInPath } from './fs-errors.ts';
import { checked, openCliProject, watchStore } from './project.ts';
import { printJson, readInputFile, readTextFile } from './io.ts';

type SetCode = (code: number) => void;

/** `init`, `import`, `revise` and `stats`: the project commands editors script. */
export function registerProjectCommands(program: Command, _setCode: SetCode): void {
  program
    .command('init')
    .description('create a project in DIR, loading texts (the bundled sample corpus when no file is given); if any file cannot be loaded, nothing is created')
    .argument('<dir>', 'the project folder (created if missing; must not hold a project already)')
    .option('--from <files...>', 'text files to load instead of the bundled corpus')
    .option('--name <name>', 'project name (default: the folder name)')
    .action(async (dir: string, opts: { from?: string[]; name?: string }) => {
      const name = opts.name === undefined ? undefined : checked(z.string().trim().min(1).max(200), opts.name, '--name');
      checkNewProjectDir(dir);
      if (opts.from) checkInputs(opts.from, 'no project was created');
      const { service, imported } = await createOrNothing(dir, async () => {
        const made = await createProject(dir, opts.from ? opts.from.map((path) => ({ path })) : bundledCorpus(), name);
        watchStore(made.service.store);
        await made.service.store.flush();
        return made;
      });
      printLoaded(imported);
      process.stdout.write(`created project "${service.store.info.name}" in ${service.store.dir} with ${service.store.caseIds.length} cases\n`);
    });

  program
    .command('import')
    .description('add text files to the project in DIR; if any file cannot be loaded, none is added')
    .argument('<dir>', 'the project folder')
    .argument('<files...>', 'text files to load')
    .action(async (dir: string, files: string[]) => {
      const { store } = await openCliProject(dir);
      checkInputs(files, 'nothing was imported');
      const imported: ImportResult[] = [];
      for (const path of files) imported.push(await importFile(store, { path }, 'casebench'));
      await store.flush();
      printLoaded(imported);
    });

  program
    .command('revise')
    .description("store a new revision of a case's text and re-anchor every annotation to it; prints the report")
    .argument('<dir>', 'the project folder')
    .argument('<case>', 'case id (or exact title)')
    .argument('<newtext>', 'a file with the new text (UTF-8, UTF-16 with BOM or GB18030, as for inspect)')
    .option('--reviewer <name>', "the editor making the revision: recorded as its author (default: editor); an existing reviewer's annotations are rewritten now, the others' when next read")
    .option('--note <text>', 'what changed', '')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, caseRef: string, newText: string, opts: { reviewer?: string; note: string; json?: boolean }) => {
      // The author is recorded on the revision; no reviewer file is made for them.
      const { api, store } = await openCliProject(dir, { reviewer: opts.reviewer ?? null });
      const caseId = resolveCase(store.caseIds, (id) => store.getCase(id)!.title, caseRef);
      const text = readTextFile(newText);
      const report = await api.reviseText({ caseId, text, note: opts.note });
      await store.flush();
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
      const { api } = await openCliProject(dir);
      const s = await api.stats({});
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

function printLoaded(imported: readonly ImportResult[]): void {
  for (const { document, loaded } of imported) {
    process.stdout.write(`loaded ${document.file}: ${loaded.format}, ${document.caseIds.length} cases (${document.id})\n`);
    for (const w of loaded.warnings) process.stdout.write(`  ! ${w.message}\n`);
  }
}

/**
 * Load every file before anything is written, so that a bad file stops the command with nothing
 * changed. Each file that cannot be loaded is reported on stderr; then the command fails.
 */
export function checkInputs(files: readonly string[], consequence: string): void {
  const bad: string[] = [];
  for (const file of files) {
    try {
      loadDocument(readInputFile(file), file);
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      process.stderr.write(`error: ${e.message}\n`);
      bad.push(file);
    }
  }
  if (bad.length) throw new ApiError('invalid-input', `${consequence}: ${bad.length} of ${files.length} files cannot be loaded (${bad.join(', ')}); fix them or leave them out`);
}

/** `init`'s folder: a folder (or a path that does not exist yet), not a file, and not a project already. */
function checkNewProjectDir(dir: string): void {
  const file = fileInPath(dir);
  if (file) throw new ApiError('invalid-input', file === resolve(dir) ? `${dir} is a file, not a folder: give a folder for the project` : `${dir}: ${file} is a file, not a folder`);
  if (existsSync(join(dir, 'casebench.json'))) throw new ApiError('conflict', `${resolve(dir)} already holds a casebench project`);
}

/**
 * Run `create`; if it fails, remove what it made (the folder, if it did not exist, or else the
 * entries that were not there before), so that a failed `init` leaves nothing behind.
 */
export async function createOrNothing<T>(dir: string, create: () => Promise<T>): Promise<T> {
  const root = resolve(dir);
  let topNew: string | null = null;
  for (let at = root; !existsSync(at); at = dirname(at)) topNew = at;
  const before = topNew ? null : new Set(readdirSync(root));
  try {
    return await create();
  } catch (e) {
    if (topNew) rmSync(topNew, { recursive: true, force: true });
    else for (const entry of readdirSync(root)) if (!before!.has(entry)) rmSync(join(root, entry), { recursive: true, force: true });
    throw e;
  }
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
