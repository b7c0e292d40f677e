import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParsedInputOf } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ImportPreview } from '../../../shared/outline/api-types.ts';
import { ProjectStore } from '../../store/project-store.ts';
import { ProjectService } from '../project-service.ts';
import { ImportDrafts } from './import-drafts.ts';

export { ImportDrafts };

/** previewImport: the page's files (base64) loaded for the open project or a new one. */
export async function previewImport(drafts: ImportDrafts, input: ParsedInputOf<'previewImport'>, current: ProjectService): Promise<ImportPreview> {
  const files = input.files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.content, 'base64')) }));
  return drafts.preview(files, input.target === 'open' ? current.store : null);
}

/**
 * commitImport: the previewed files into the open project, or into a new project made in `dir`
 * (which must not hold one). Returns the service of the project they went into. Every file was
 * loaded when it was previewed, so a commit fails only on the disk.
 */
export async function commitImport(drafts: ImportDrafts, input: ParsedInputOf<'commitImport'>, current: ProjectService): Promise<ProjectService> {
  const author = current.reviewer ?? 'casebench';
  if (!input.dir) {
    if (drafts.isForNewProject(input.draftId)) throw new ApiError('invalid-input', 'these files were previewed for a new project: give its folder');
    await drafts.commit(input.draftId, current.store, author, input.corrections);
    await current.store.flush();
    current.forgetCases([]);
    return current;
  }
  if (!drafts.isForNewProject(input.draftId)) throw new ApiError('invalid-input', 'these files were previewed for the open project: add them without a folder');
  if (existsSync(join(resolve(input.dir), 'casebench.json'))) throw new ApiError('conflict', `${input.dir} already holds a project; open it instead`);
  const store = await ProjectStore.create(input.dir, input.name);
  const service = new ProjectService(store);
  await drafts.commit(input.draftId, store, author, input.corrections);
  await store.flush();
  return service;
}
