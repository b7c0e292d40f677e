import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiHandlers, MethodName, ParsedInputOf } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { API_METHODS } from '../../shared/api/methods.ts';
import type { ProjectInfo } from '../../shared/api/types.ts';
import { CorruptFileError } from '../store/durable-json-file.ts';
import { ProjectError } from '../store/project-store.ts';
import { createProject, openProject } from './open-project.ts';
import type { ProjectService } from './project-service.ts';
import type { RecentProjects } from './recent-projects.ts';
import { commitImport, ImportDrafts, previewImport } from './outline/import-host.ts';
import { activeLoads } from './load-progress.ts';

/** What differs between hosts: the desktop has native dialogs, a browser tab has none. */
export interface HostDialogs {
  chooseFolder(purpose: 'open' | 'create'): Promise<string | null>;
}

export const noDialogs: HostDialogs = { chooseFolder: async () => null };

/**
 * One window's workbench: the open project's services, and switching between projects. Its
 * handler map is the whole API; project methods go to the current project's service, and the
 * errors of the store and loader become ApiErrors both transports carry.
 */
export class Workbench {
  private current: ProjectService;
  /** Files being added, shown before anything is written (see main/services/outline). */
  private readonly imports = new ImportDrafts();

  constructor(
    service: ProjectService,
    private readonly recent: RecentProjects,
    private readonly dialogs: HostDialogs = noDialogs,
    private readonly onSwitch?: (service: ProjectService) => void,
  ) {
    this.current = service;
    // The settings folder is a convenience: when it cannot be written (read-only home, full
    // disk), the workbench works on without remembering.
    this.restoring = this.recent
      .touch(service.store.dir, service.store.info.name)
      .then(() => this.restoreReviewer(service))
      .catch(() => undefined);
  }

  /** Settled once the reviewer of the last session is back: calls wait for it. */
  private restoring: Promise<void>;

  /** Who was annotating here last time (on this machine) annotates again, unless the host said who. */
  private async restoreReviewer(service: ProjectService): Promise<void> {
    if (service.reviewer) return;
    const name = await this.recent.reviewerFor(service.store.dir);
    if (name) await service.handlers.setReviewer({ name }).catch(() => undefined);
  }

  get service(): ProjectService {
    return this.current;
  }

  private async switchTo(service: ProjectService): Promise<ProjectInfo> {
    await this.current.store.flush();
    const reviewer = this.current.reviewer;
    this.current = service;
    await this.recent.touch(service.store.dir, service.store.info.name).catch(() => undefined);
    // The person at the keyboard stays the same when another project opens, unless they used
    // another name there before.
    const name = (await this.recent.projectReviewer(service.store.dir)) ?? reviewer ?? (await this.recent.reviewerFor(service.store.dir));
    if (name) await service.handlers.setReviewer({ name });
    this.onSwitch?.(service);
    return service.handlers.projectInfo({});
  }

  /** The whole API: host methods here, the rest passed to the open project's services. */
  readonly handlers: ApiHandlers = (() => {
    const handlers = {} as Record<MethodName, (input: never) => Promise<unknown>>;
    for (const method of API_METHODS) handlers[method] = (input: never) => guard(() => this.dispatch(method, input));
    return handlers as unknown as ApiHandlers;
  })();

  private async dispatch(method: MethodName, input: unknown): Promise<unknown> {
    await this.restoring;
    switch (method) {
      case 'setReviewer': {
        const info = await this.current.handlers.setReviewer(input as ParsedInputOf<'setReviewer'>);
        await this.recent.rememberReviewer(this.current.store.dir, (input as ParsedInputOf<'setReviewer'>).name).catch(() => undefined);
        return info;
      }
      case 'recentProjects':
        return this.recent.list();
      case 'chooseFolder':
        return this.dialogs.chooseFolder((input as ParsedInputOf<'chooseFolder'>).purpose);
      case 'openProject':
        return this.switchTo(await openProject((input as ParsedInputOf<'openProject'>).dir));
      case 'createProject': {
        const { dir, sample } = input as ParsedInputOf<'createProject'>;
        if (existsSync(join(resolve(dir), 'casebench.json'))) throw new ApiError('conflict', `${dir} already holds a project; open it instead`);
        const { service } = await createProject(dir, sample ? null : []);
        return this.switchTo(service);
      }
      case 'loadProgress':
        return activeLoads();
      case 'previewImport':
        return previewImport(this.imports, input as ParsedInputOf<'previewImport'>, this.current);
      case 'editImport': {
        const { draftId, document, edit, corrections } = input as ParsedInputOf<'editImport'>;
        return this.imports.edit(draftId, document, { edit, corrections });
      }
      case 'commitImport': {
        const made = await commitImport(this.imports, input as ParsedInputOf<'commitImport'>, this.current);
        return made === this.current ? made.handlers.projectInfo({}) : this.switchTo(made);
      }
      default: {
        const handler = this.current.handlers[method] as (input: unknown) => Promise<unknown>;
        return handler(input);
      }
    }
  }
}

/** Store and loader errors become ApiErrors with a code the UI can act on. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (e instanceof ProjectError) throw new ApiError(e.code === 'not-found' || e.code === 'not-a-project' ? 'not-found' : e.code === 'exists' ? 'conflict' : 'invalid-input', e.message);
    if (e instanceof CorruptFileError) throw new ApiError('corrupt', e.message);
    if (e instanceof Error && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall) {
      throw new ApiError('io', `${(e as NodeJS.ErrnoException).code}: ${e.message}`);
    }
    throw e;
  }
}
