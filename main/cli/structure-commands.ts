import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors.ts';
import { describeIssues } from '../../shared/model/schemas.ts';
import { corrections as correctionList, type Applied, type Correction, type ReloadReport } from '../../shared/outline/index.ts';
import { readInputFile } from '../services/input-file.ts';
import { correctionsWithEdits, fileEdit } from '../services/outline/file-edits.ts';
import { loadCorrected } from '../services/outline/load-input.ts';
import { sourceBytes } from '../services/outline/project-document.ts';
import { unfitMessage } from '../services/outline/unfit-message.ts';
import { outline } from './inspect.ts';
import { printJson } from './io.ts';
import { openCliProject } from './project.ts';

/** The largest corrections file read (5000 corrections of a few hundred bytes each). */
const MAX_CORRECTIONS_BYTES = 8 * 1024 * 1024;

/**
 * A corrections file, as `structure DIR --json` prints it: per document (by id, or by file name
 * for files not imported yet), the corrections of its outline in order. A person may write
 * `edits` instead (or after them): {"op": "split", "at": "丙区：打造健康社区", "titleFromParagraph": true}.
 */
export const correctionsFile = z
  .object({
    documents: z
      .array(
        z
          .object({
            documentId: z.string().min(1).max(200).optional(),
            file: z.string().min(1).max(300).optional(),
            /** Anchored corrections, as casebench writes them; they replace the document's. */
            corrections: correctionList.optional(),
            /** Edits by case id and paragraph (its offset, or the text it starts with), made after the corrections, in order. */
            edits: z.array(fileEdit).max(5000).optional(),
            unfit: z.array(z.unknown()).optional(),
          })
          .strict()
          .refine((d) => d.documentId || d.file, { message: 'name the document by "documentId" or "file"' }),
      )
      .max(1000),
  })
  .strict();
export type CorrectionsFile = z.infer<typeof correctionsFile>;

/** A corrections file as read, with the path it was read from (its errors name it). */
export type ReadCorrections = CorrectionsFile & { path: string };

/**
 * Read a corrections file. JSON is UTF-8 (a BOM is allowed): it is not guessed at like an input
 * text, where a short ASCII file of an even length may pass for UTF-16 and come out as CJK.
 */
export function readCorrectionsFile(path: string): ReadCorrections {
  const bytes = readInputFile(path, MAX_CORRECTIONS_BYTES);
  if (!bytes.length) throw new ApiError('invalid-input', `${path}: file is empty`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError('invalid-input', `${path}: not UTF-8 text (a corrections file is JSON, written as UTF-8)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ApiError('invalid-input', `${path}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = correctionsFile.safeParse(value);
  if (!parsed.success) throw new ApiError('invalid-input', `${path}: not a corrections file (${describeIssues(parsed.error)})`);
  return { ...parsed.data, path };
}

/** The same call, its refusal said with the corrections file's name in front. */
async function naming<T>(path: string, make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (e) {
    if (e instanceof ApiError) throw new ApiError(e.code, `${path}: ${e.message}`);
    throw e;
  }
}

/**
 * A corrections file given to init or import must name at least one of the files: entries for
 * other files are left alone (a team's file lists many), but a file that names none of them was
 * meant for other files, and loading them as the loader reads them would hide the mistake.
 */
export function checkNamesInputs(file: ReadCorrections, paths: readonly string[]): void {
  const given = new Set(paths.map((p) => basename(p)));
  if (file.documents.some((d) => d.file !== undefined && given.has(basename(d.file)))) return;
  throw new ApiError('invalid-input', `${file.path} names none of the files given (${[...given].join(', ')}): its entries are for ${file.documents.map((d) => d.file ?? d.documentId).join(', ')}`);
}

/** The corrections a file gives an input file (by its name), its edits made into corrections; none when it does not name it. */
export async function correctionsForInput(file: ReadCorrections | null, path: string, bytes: Uint8Array, id: string): Promise<Correction[]> {
  const name = basename(path);
  const entry = file?.documents.find((d) => d.file !== undefined && basename(d.file) === name);
  if (!file || !entry) return [];
  return naming(file.path, () => correctionsWithEdits(bytes, name, id, entry.corrections ?? [], entry.edits ?? []));
}

/** Corrections for another document: it has anchored ones, and not one of them is anchored in this file. */
async function forAnotherDocument(bytes: Uint8Array, name: string, id: string, corrections: readonly Correction[]): Promise<boolean> {
  const anchored = corrections.filter((k) => 'at' in k);
  if (!anchored.length) return false;
  const { unfit } = await loadCorrected(bytes, name, id, corrections);
  return anchored.every((k) => unfit.some((u) => u.correction.id === k.id));
}

/** A document's outline as `init` and `import` print it before writing: the loader's outline, then the corrections that did not fit. */
export function printCorrectedOutline(file: string, applied: Applied, depth = 2): void {
  const doc = { ...applied.document, file };
  process.stdout.write(outline(doc, depth) + '\n');
  // (The outline's first line gives the confidence.)
  if (applied.applied.length) process.stdout.write(`  ${applied.applied.length} corrections applied\n`);
  for (const u of applied.unfit) process.stdout.write(`  ! ${unfitMessage(u)}\n`);
  process.stdout.write('\n');
}

function printReload(documentId: string, r: ReloadReport): void {
  const parts = [
    `${r.view.cases.length} cases`,
    r.added.length ? `added ${r.added.join(', ')}` : '',
    r.removed.length ? `retired ${r.removed.join(', ')}` : '',
    r.kept.length ? `kept (annotated, no longer found by the loader) ${r.kept.join(', ')}` : '',
    r.revised.length ? `new text for ${r.revised.join(', ')}` : '',
    r.editedKept.length ? `edited text kept for ${r.editedKept.join(', ')}` : '',
  ].filter(Boolean);
  process.stdout.write(`${documentId}: ${parts.join(' · ')}\n`);
  for (const u of r.unfit) process.stdout.write(`  ! ${unfitMessage(u)}\n`);
}

/** `structure` and `reload`: a project's outline corrections, shared as a file, and re-applied with the current loader. */
export function registerStructureCommands(program: Command): void {
  program
    .command('structure')
    .description("print each document's outline corrections, or apply a corrections file (as --json prints it) and reload those documents with them")
    .argument('<dir>', 'the project folder')
    .argument('[file]', 'a corrections file to apply: {"documents": [{"documentId", "corrections": [...]}]}')
    .option('--json', 'print the corrections as JSON (the shape FILE takes)')
    .option('--reviewer <name>', 'who applies them (recorded as the author of new revisions)')
    .action(async (dir: string, file: string | undefined, opts: { json?: boolean; reviewer?: string }) => {
      const { api, store } = await openCliProject(dir, { reviewer: opts.reviewer ?? null });
      if (file) {
        const wanted = readCorrectionsFile(file);
        const resolved = wanted.documents.map((d) => {
          const doc = store.documents.find((x) => (d.documentId ? x.id === d.documentId : x.file === basename(d.file!)));
          if (!doc) throw new ApiError('not-found', `${file}: no document ${d.documentId ? `"${d.documentId}"` : `from "${d.file}"`} in this project`);
          return { doc, entry: d };
        });
        // Every document's corrections are made and checked first: a file that cannot be applied whole changes nothing.
        const planned: Array<{ documentId: string; corrections: Correction[] }> = [];
        for (const { doc, entry } of resolved) {
          const bytes = await sourceBytes(store, doc);
          const current = (await store.outline(doc.id))?.corrections ?? [];
          const corrections = entry.edits?.length ? await naming(file, () => correctionsWithEdits(bytes, doc.file, doc.id, entry.corrections ?? current, entry.edits!, new Set(store.caseIds))) : (entry.corrections ?? current);
          if (await forAnotherDocument(bytes, doc.file, doc.id, corrections)) throw new ApiError('invalid-input', `${file}: none of the corrections for ${doc.id} fits its file (${doc.file}): are they for another document?`);
          planned.push({ documentId: doc.id, corrections });
        }
        for (const { documentId, corrections } of planned) {
          const report = await api.reloadDocument({ documentId, corrections });
          if (!opts.json) printReload(documentId, report);
        }
        await store.flush();
      }
      const documents = [];
      for (const d of store.documents) {
        const o = await store.outline(d.id);
        documents.push({ documentId: d.id, file: d.file, corrections: o?.corrections ?? [], unfit: o?.unfit ?? [] });
      }
      if (opts.json) return printJson({ documents });
      for (const d of documents) {
        process.stdout.write(`${d.documentId} (${d.file}): ${d.corrections.length ? `${d.corrections.length} corrections` : 'no corrections'}\n`);
        for (const k of d.corrections) process.stdout.write(`  ${k.id}  ${describeCorrection(k)}\n`);
        for (const u of d.unfit) process.stdout.write(`  ! ${unfitMessage(u)}\n`);
      }
    });

  program
    .command('reload')
    .description("load documents' source files again with the current loader and re-apply their corrections; lists those that no longer fit")
    .argument('<dir>', 'the project folder')
    .argument('[documents...]', 'document ids (default: every document)')
    .option('--reviewer <name>', 'who reloads (recorded as the author of new revisions)')
    .option('--json', 'print the reports as JSON')
    .action(async (dir: string, ids: string[], opts: { reviewer?: string; json?: boolean }) => {
      const { api, store } = await openCliProject(dir, { reviewer: opts.reviewer ?? null });
      const targets = ids.length ? ids : store.documents.map((d) => d.id);
      const reports: Record<string, ReloadReport> = {};
      for (const id of targets) {
        reports[id] = await api.reloadDocument({ documentId: id });
        if (!opts.json) printReload(id, reports[id]);
      }
      await store.flush();
      if (opts.json) printJson(Object.fromEntries(Object.entries(reports).map(([id, r]) => [id, { ...r, view: undefined, cases: r.view.cases.map((c) => ({ id: c.id, title: c.title })) }])));
    });
}

/** One correction in a line: what it does, and where in the source it is anchored. */
export function describeCorrection(k: Correction): string {
  const at = 'at' in k ? ` at "${k.at.exact}" (offset ${k.at.start})` : '';
  switch (k.op) {
    case 'shape':
      return `read as ${k.shape}`;
    case 'reading':
      return `read line breaks as ${k.reading}`;
    case 'split':
      return `split${at}${k.titleFromParagraph ? ', the paragraph as title' : ''}${k.title ? `, titled "${k.title}"` : ''} → ${k.newCaseId}`;
    case 'merge':
      return `merge the case${at} into the one before`;
    case 'retitle':
      return `retitle the case${at}: "${k.title}"`;
    case 'set-region':
      return `region of the case${at}: ${k.region ?? '—'}`;
    case 'set-part':
      return `part of the case${at}: ${k.part ?? '—'}`;
    case 'drop-case':
      return `drop the case${at}`;
    case 'drop-text':
      return `drop the text from${at} to "${k.to.exact}"`;
    case 'make-heading':
      return `heading${at}, level ${k.level}, ${k.kinds.join(', ')}`;
    case 'make-body':
      return `body text${at}`;
    case 'set-heading':
      return `heading${at}:${k.level !== undefined ? ` level ${k.level}` : ''}${k.kinds ? ` ${k.kinds.join(', ')}` : ''}`;
  }
}
