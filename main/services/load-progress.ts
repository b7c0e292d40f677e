import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoadProgress } from '../../shared/api/types.ts';

export type { LoadProgress };

type Listener = (p: LoadProgress) => void;

const active = new Map<number, LoadProgress>();
let next = 0;

/**
 * Whoever runs a command that loads files can listen to every load inside it (the CLI writes a
 * progress line on stderr), without the progress being threaded through each caller.
 */
export const progressListeners = new AsyncLocalStorage<Listener>();

/** The loads under way in this process now: what the workbench shows while it waits for one. */
export function activeLoads(): LoadProgress[] {
  return [...active.values()].map((p) => ({ ...p }));
}

/** Track one load: each report goes to the active list, the caller's listener and the scope's. */
export function trackLoad(file: string, onProgress?: Listener): { report: Listener; done: () => void } {
  const id = ++next;
  const scoped = progressListeners.getStore();
  return {
    report(p) {
      active.set(id, { ...p, file });
      onProgress?.({ ...p, file });
      scoped?.({ ...p, file });
    },
    done() {
      active.delete(id);
    },
  };
}
