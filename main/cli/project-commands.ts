import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors.ts';
import { IngestError } from '../../shared/ingest/index.ts';
import { loadInputFile } from '../services/input-file.ts';
import { bundledCorpus } from '../services/bundled-corpus.ts';
import type { ImportResult } from '../services/corpus-import.ts';
import { importCorrected, uniqueDocumentId, withFreeCaseIds, type CorrectedInput } from '../services/outline/import-corrected.ts';
import { loadCorrected } from '../services/outline/load-input.ts';
import { ProjectStore } from '../store/project-store.ts';
import { checkNamesInputs, correctionsForInput, printCorrectedOutline, readCorrectionsFile, type ReadCorrections } from './structure-commands.ts';
import { createProject } from '../services/open-project.ts';
import { fileInPath } from './fs-errors.ts';
import { checked, openCliProject, watchStore } from './project.ts';
import { printJson, readInputFile, readTextFile } from './io.ts';

type SetCode = (code: number) => void;

/** `init`, `import`, `revise` and `stats`: the project commands editors script. */
export function registerProjectCommands(program: Command, _setCode: SetCode): void {
  program
    .command('init')
    .description('create a project in DIR, loading texts (the bundled sample corpus when no file is given); the outline of each file is printed first; if any file cannot be loaded, nothing is created')
    .argument('<dir>', 'the project folder (created if missing; must not hold a project already)')
    .option('--from <files...>', 'text files to load instead of the bundled corpus')
    .option('--name <name>', 'project name (default: the folder name)')
    .option('--corrections <file>', 'corrections of the outlines, by file name (the shape `structure DIR --json` prints)')
    .option('--preview', 'print the outline of each file (with the corrections) and create nothing')
    .action(async (dir: string, opts: { from?: string[]; name?: string; corrections?: string; preview?: boolean }) => {
      const name = opts.name === undefined ? undefined : checked(z.string().trim().min(1).max(200), opts.name, '--name');
      const fixes = opts.corrections ? readCorrectionsFile(opts.corrections) : null;
      if (!opts.preview) checkNewProjectDir(dir);
      if (opts.from) await checkInputs(opts.from, 'no project was created');
      if (!opts.from) {
        if (opts.preview || fixes) throw new ApiError('invalid-input', '--preview and --corrections need the files to load (--from)');
        const { service, imported } = await createOrNothing(dir, async () => {
          const made = await createProject(dir, bundledCorpus(), name);
          watchStore(made.service.store);
          await made.service.store.flush();
          return made;
        });
        printLoaded(imported);
        process.stdout.write(`created project "${service.store.info.name}" in ${service.store.dir} with ${service.store.caseIds.length} cases\n`);
        return;
      }
      const inputs = await previewInputs(opts.from, fixes, null);
      if (opts.preview) return;
      const store = await createOrNothing(dir, async () => {
        const made = await ProjectStore.create(dir, name);
        watchStore(made);
        const imported = await importCorrected(made, inputs, 'casebench');
        await made.flush();
        printLoaded(imported.map((i) => ({ document: i.document, loaded: i.applied.document })));
        return made;
      });
      process.stdout.write(`created project "${store.info.name}" in ${store.dir} with ${store.caseIds.length} cases\n`);
    });

  program
    .command('import')
    .description('add text files to the project in DIR; the outline of each file is printed first; if any file cannot be loaded, none is added')
    .argument('<dir>', 'the project folder')
    .argument('<files...>', 'text files to load')
    .option('--corrections <file>', 'corrections of the outlines, by file name (the shape `structure DIR --json` prints)')
    .option('--preview', 'print the outline of each file (with the corrections) and add nothing')
    .action(async (dir: string, files: string[], opts: { corrections?: string; preview?: boolean }) => {
      const { store } = await openCliProject(dir);
      const fixes = opts.corrections ? readCorrectionsFile(opts.corrections) : null;
      await checkInputs(files, 'nothing was imported');
      const inputs = await previewInputs(files, fixes, store);
      if (opts.preview) return;
      const imported = await importCorrected(store, inputs, 'casebench');
      await store.flush();
      printLoaded(imported.map((i) => ({ document: i.document, loaded: i.applied.document })));
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

/** Each file read and loaded with its corrections, its outline printed: all before anything is written. */
async function previewInputs(files: readonly string[], fixes: ReadCorrections | null, store: ProjectStore | null): Promise<CorrectedInput[]> {
  if (fixes) checkNamesInputs(fixes, files);
  const takenCaseIds = new Set(store?.caseIds ?? []);
  const inputs: CorrectedInput[] = [];
  const chosen = new Set<string>();
  for (const path of files) {
    const name = basename(path);
    const bytes = readInputFile(path);
    // The document id is chosen now: the case ids of splits are made from it.
    const id = uniqueDocumentId(store, name, chosen);
    chosen.add(id);
    // Split ids another copy of the file took are given new ones (as the import will), and printed so.
    const given = await correctionsForInput(fixes, path, bytes, id);
    const input = { name, bytes, id, corrections: store ? withFreeCaseIds(store, id, given, takenCaseIds) : given };
    printCorrectedOutline(path, await loadCorrected(bytes, name, id, input.corrections));
    inputs.push(input);
  }
  return inputs;
}

function printLoaded(imported: ReadonlyArray<Pick<ImportResult, 'document' | 'loaded'>>): void {
  for (const { document, loaded } of imported) {
    process.stdout.write(`loaded ${document.file}: ${loaded.format}, ${document.caseIds.length} cases (${document.id})\n`);
    for (const w of loaded.warnings) process.stdout.write(`  ! ${w.message}\n`);
  }
}

/**
 * Load every file before anything is written, so that a bad file stops the command with nothing
 * changed. Each file that cannot be loaded is reported on stderr; then the command fails.
 */
export async function checkInputs(files: readonly string[], consequence: string): Promise<void> {
  const bad: string[] = [];
  for (const file of files) {
    try {
      await loadInputFile(file);
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
