import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import type { InputOf, MethodName, OutputOf, ProjectHandlers } from '../../shared/api/contract.ts';
import { ApiError, validateInput } from '../../shared/api/errors.ts';
import { describeIssues, reviewerName } from '../../shared/model/schemas.ts';
import { ProjectService } from '../services/project-service.ts';
import { finishInterruptedChanges } from '../services/outline/document-change.ts';
import { ProjectStore } from '../store/project-store.ts';

type ProjectMethod = keyof ProjectHandlers & MethodName;

/** The handler map as the CLI calls it: every payload checked against the contract first, as HTTP and IPC do. */
export type CliApi = { [K in ProjectMethod]: (input: InputOf<K>) => Promise<OutputOf<K>> };

/** Wrap a handler map so that each call validates its payload (a clear `invalid-input` error) before the handler runs. */
export function validatingApi(handlers: ProjectHandlers): CliApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(handlers) as ProjectMethod[]) {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    api[method] = async (input: unknown) => handler(validateInput(method, input));
  }
  return api as unknown as CliApi;
}

/** Check a value the CLI passes to a service function that has no method of its own. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError('invalid-input', `${what}: ${describeIssues(result.error)}`);
  return result.data;
}

export interface CliProject {
  service: ProjectService;
  api: CliApi;
  store: ProjectStore;
}

export interface OpenOptions {
  /** Who is working. The name is validated; their reviewer file is created only with `createReviewer`. */
  reviewer?: string | null;
  /** Make the reviewer known to the project (their file in reviews/) now, as the workbench does. */
  createReviewer?: boolean;
}

/** Stores opened during one run of the CLI, and how many of their recovery notes were printed. */
const opened: Array<{ store: ProjectStore; printed: number }> = [];

/** Forget the stores of an earlier run (the CLI runs in-process in tests). */
export function resetOpened(): void {
  opened.length = 0;
}

/** Print, to stderr, what the store repaired (a corrupt file set aside, a backup restored) since last asked. */
export function reportRecoveries(): void {
  for (const entry of opened) {
    for (const note of entry.store.recovered.slice(entry.printed)) {
      const message = note.message.replace(/\s*\n\s*/g, ' ');
      process.stderr.write(`warning: ${message.includes(note.file) ? '' : `${note.file}: `}${message}\n`);
    }
    entry.printed = entry.store.recovered.length;
  }
}

/** Refuse a project folder that is missing or is a file, with a message naming it. */
export function checkProjectDir(dir: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ApiError('not-found', `${dir}: no such folder (create a project there with \`casebench init ${dir}\`)`);
    if (code === 'ENOTDIR') throw new ApiError('invalid-input', `${dir}: part of this path is a file, not a folder`);
    throw e;
  }
  if (!isDir) throw new ApiError('invalid-input', `${dir} is a file, not a project folder`);
}

/**
 * Open a project for a CLI command: the folder checked first, the store's repairs reported, and
 * the handlers behind validation. A reviewer given here is validated as the API validates names.
 */
export async function openCliProject(dir: string, options: OpenOptions = {}): Promise<CliProject> {
  checkProjectDir(dir);
  const reviewer = options.reviewer == null ? null : checked(reviewerName, options.reviewer, '--reviewer');
  const store = await ProjectStore.open(resolve(dir));
  opened.push({ store, printed: 0 });
  reportRecoveries();
  const service = new ProjectService(store, { reviewer: options.createReviewer ? null : reviewer });
  await finishInterruptedChanges(service);
  reportRecoveries();
  const api = validatingApi(service.handlers);
  if (reviewer && options.createReviewer) await api.setReviewer({ name: reviewer });
  return { service, api, store };
}

/** Start reporting a store's repairs (for stores the CLI made rather than opened). */
export function watchStore(store: ProjectStore): void {
  opened.push({ store, printed: 0 });
}
