import { join, resolve } from 'node:path';
import { hashText } from '../store/file-stamp.ts';
import { ProjectStore } from '../store/project-store.ts';
import { bundledCorpus } from './bundled-corpus.ts';
import { importFile, type SourceFile } from './corpus-import.ts';
import { ProjectService } from './project-service.ts';
import { settingsDir } from './settings-dir.ts';
import { finishInterruptedChanges } from './outline/document-change.ts';
import { applySuggestions } from './suggestions.ts';

/**
 * Where this machine keeps which versions of the project in `dir` it found valid: in the user's
 * settings, by the folder's path (see known-files.ts).
 */
export function knownFilesOf(dir: string): string {
  return join(settingsDir(), 'known-files', `${hashText(resolve(dir))}.json`);
}

/** Open a project folder and the services over it. */
export async function openProject(dir: string, reviewer?: string | null): Promise<ProjectService> {
  const store = await ProjectStore.open(dir, { knownFiles: knownFilesOf(dir) });
  const service = new ProjectService(store, { reviewer: reviewer ?? null });
  await finishInterruptedChanges(service);
  if (reviewer) await service.handlers.setReviewer({ name: reviewer });
  return service;
}

/** Create a project and load texts into it: the given files, or the bundled corpus. */
export async function createProject(dir: string, files: SourceFile[] | null, name?: string): Promise<{ service: ProjectService; imported: Awaited<ReturnType<typeof importFile>>[] }> {
  const store = await ProjectStore.create(dir, name);
  const service = new ProjectService(store);
  const imported = [];
  for (const f of files ?? bundledCorpus()) imported.push(await importFile(store, f, 'casebench'));
  return { service, imported };
}

/**
 * The bundled corpus in a new project, ready to show what casebench does: with suggestions for
 * every reviewer already made (a project made with `casebench init` gets them on request, with
 * `casebench suggest --apply`).
 */
export async function createSampleProject(dir: string, name?: string): Promise<ProjectService> {
  const { service } = await createProject(dir, null, name);
  await applySuggestions(service, {});
  return service;
}
