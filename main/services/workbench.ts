import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers, MethodName, ParsedInputOf } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { API_METHODS } from '../../shared/api/methods.ts';
import type { ProjectInfo } from '../../shared/api/types.ts';
import { CorruptFileError } from '../store/durable-json-file.ts';
import { NewerFileError } from '../store/migrations.ts';
import { ProjectError } from '../store/project-store.ts';
import { createProject, openProject } from './open-project.ts';
import type { ProjectService } from './project-service.ts';
import type { RecentProjects } from './recent-projects.ts';
import { commitImport, ImportDrafts, previewImport } from './outline/import-host.ts';
import { activeLoads } from './load-progress.ts';
import { FolderAccess } from './folder-access.ts';

/** What differs between hosts: the desktop has native dialogs, a browser tab has none. */
export interface HostDialogs {
  /** The folder the person chooses (the dialog opened at `defaultPath`), or null when cancelled or there is no dialog. */
  chooseFolder(purpose: 'open' | 'create', defaultPath?: string): Promise<string | null>;
}

export const noDialogs: HostDialogs = { chooseFolder: async () => null };

/** What a host gives its workbench besides the project. */
export interface WorkbenchHost {
  dialogs?: HostDialogs;
  /**
   * The folders the page may open and create projects in (see FolderAccess). By default only
   * the project the workbench starts on, and those chosen in `dialogs`.
   */
  access?: FolderAccess;
  onSwitch?: (service: ProjectService) => void;
}

/**
 * One window's workbench: the open project's services, and switching between projects. Its
 * handler map is the whole API; project methods go to the current project's service, and the
 * errors of the store and loader become ApiErrors both transports carry.
 */
export class Workbench {
  private current: ProjectService;
  /** Files being added, shown before anything is written (see main/services/outline). */
  private readonly imports = new ImportDrafts();

  private readonly dialogs: HostDialogs;
  private readonly access: FolderAccess;
  private readonly onSwitch: ((service: ProjectService) => void) | undefined;

  constructor(
    service: ProjectService,
    private readonly recent: RecentProjects,
    host: WorkbenchHost = {},
  ) {
    this.current = service;
    // A workbench shows what other writers change in the folder (another window, file sync): it watches it.
    service.store.watch();
    this.dialogs = host.dialogs ?? noDialogs;
    this.access = host.access ?? new FolderAccess();
    this.onSwitch = host.onSwitch;
    // The settings folder is a convenience: when it cannot be written (read-only home, full
    // disk), the workbench works on without remembering.
    this.restoring = Promise.all([
      this.access.grant(service.store.dir),
      this.recent
        .touch(service.store.dir, service.store.info.name)
        .then(() => this.restoreReviewer(service))
        .catch(() => undefined),
    ]).then(() => undefined);
  }

  /** A folder the page named, once the page may use it (asking the person in the host's dialog otherwise). */
  private folder(dir: string, purpose: 'open' | 'create'): Promise<string> {
    return this.access.admit(dir, (at) => this.dialogs.chooseFolder(purpose, at));
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
    this.current.store.close();
    const reviewer = this.current.reviewer;
    this.current = service;
    service.store.watch();
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
      case 'recentProjects': {
        // Only the folders the page may open: the machine's other projects are not its business.
        const all = await this.recent.list();
        const allowed = await Promise.all(all.map((p) => this.access.allows(p.dir).catch(() => false)));
        return all.filter((_, i) => allowed[i]);
      }
      case 'chooseFolder': {
        const chosen = await this.dialogs.chooseFolder((input as ParsedInputOf<'chooseFolder'>).purpose);
        if (chosen) await this.access.grant(chosen);
        return chosen;
      }
      case 'openProject':
        return this.switchTo(await openProject(await this.folder((input as ParsedInputOf<'openProject'>).dir, 'open')));
      case 'createProject': {
        const { sample } = input as ParsedInputOf<'createProject'>;
        const dir = await this.folder((input as ParsedInputOf<'createProject'>).dir, 'create');
        if (existsSync(join(dir, 'casebench.json'))) throw new ApiError('conflict', `${dir} already holds a project; open it instead`);
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
        const given = input as ParsedInputOf<'commitImport'>;
        const dir = given.dir === undefined ? undefined : await this.folder(given.dir, 'create');
        const made = await commitImport(this.imports, { ...given, ...(dir === undefined ? {} : { dir }) }, this.current);
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
    if (e instanceof ProjectError) throw new ApiError(e.code === 'not-found' || e.code === 'not-a-project' ? 'not-found' : e.code === 'exists' ? 'conflict' : e.code === 'outside' ? 'forbidden' : 'invalid-input', e.message);
    if (e instanceof CorruptFileError) throw new ApiError('corrupt', e.message);
    // A file from a newer casebench (read when first needed, or a teammate's through file sync): refused, not misread.
    if (e instanceof NewerFileError) throw new ApiError('conflict', e.message);
    // A path the page gave with a NUL in it (Node refuses such paths before any system call).
    if (e instanceof Error && (e as NodeJS.ErrnoException).code === 'ERR_INVALID_ARG_VALUE' && /null bytes/.test(e.message)) throw new ApiError('invalid-input', 'a path cannot contain a NUL character');
    if (e instanceof Error && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall) {
      throw new ApiError('io', `${(e as NodeJS.ErrnoException).code}: ${e.message}`);
    }
    throw e;
  }
}
