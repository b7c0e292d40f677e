import type { ProjectHandlers } from '../../../shared/api/contract.ts';
import type { ProjectService } from '../project-service.ts';

/**
 * The handlers, each called after the store has read in what other writers changed (the folder
 * watch's list, or a look at the files' sizes and times): a workbench shows and works on the
 * project as it is, not as this process last read it. Writes do not rely on it: each is made
 * on the file as it is on disk, under its lock.
 */
export function syncedHandlers(service: ProjectService, handlers: ProjectHandlers): ProjectHandlers {
  const out: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as Array<[string, (input: unknown) => Promise<unknown>]>) {
    out[name] = async (input: unknown) => {
      await service.store.noticeChanges();
      return handler(input);
    };
  }
  return out as unknown as ProjectHandlers;
}
