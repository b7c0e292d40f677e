import { statSync } from 'node:fs';
import type { DurableJsonFile } from './durable-json-file.ts';
import { withFileLock } from './file-lock.ts';
import { looksSame } from './file-stamp.ts';
import type { PathQueue } from './path-queue.ts';
import { ProjectError } from './project-error.ts';

export interface SharedFileEvents {
  /** Another writer's version of the file was read in (another process, a teammate's through file sync). */
  changed(path: string): void;
}

interface Pending<T> {
  change: (data: T) => T | void;
  resolve: (data: T) => void;
  reject: (e: unknown) => void;
}

/**
 * One project file as every casebench process on the folder shares it. Changes are functions
 * of the file's current content, applied under the file's lock (file-lock.ts) to the newest
 * version on disk: when another writer replaced the file since this process read or wrote it,
 * it is read again first and the change applied to that, so neither writer's work is lost. A
 * change that cannot be made on the newer content throws (before changing anything) and
 * nothing is written for it; the caller reports the conflict.
 *
 * Changes queued while a write is in flight go out together in the next write (a burst of
 * edits costs two writes), and each resolves only once a write holding it is on disk.
 */
export class SharedFile<T extends { schemaVersion: number } | null> {
  data: T;
  private pending: Array<Pending<T>> = [];
  private flushing: Promise<void> | null = null;

  constructor(
    readonly adapter: DurableJsonFile<NonNullable<T>>,
    private readonly empty: () => T,
    private readonly queue: PathQueue,
    private readonly events: SharedFileEvents,
  ) {
    this.data = empty();
  }

  get path(): string {
    return this.adapter.path;
  }

  /** Read the file (validated, repaired from a backup if need be); what is missing reads as empty. */
  async read(): Promise<void> {
    this.data = ((await this.adapter.read()) as T | null) ?? this.empty();
  }

  /**
   * Change the file with `change`, applied to its newest content; resolves with the content
   * written. `change` may mutate the data it is given or return a replacement; it must throw
   * before mutating when the change cannot be made.
   */
  update(change: (data: T) => T | void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ change, resolve, reject });
      this.schedule();
    });
  }

  /** Write the file only if there is none yet (on disk, by whoever): a new case, a new document. */
  create(data: T): Promise<void> {
    return this.queue.run(this.path, () =>
      withFileLock(this.path, async () => {
        if (statSync(this.path, { throwIfNoEntry: false })) throw new ProjectError('exists', `${this.path} is already there (written by another casebench meanwhile?)`);
        await this.adapter.writeNow(data as NonNullable<T>);
        this.data = data;
      }),
    );
  }

  /** Read the file again if another writer changed it since; whether the content changed. */
  refresh(): Promise<boolean> {
    return this.queue.run(this.path, () => this.catchUp());
  }

  /** Resolves once every queued change is on disk. */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.adapter.idle();
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = this.queue.run(this.path, () => this.flush()).finally(() => {
      this.flushing = null;
      if (this.pending.length) this.schedule();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    try {
      await withFileLock(this.path, async () => {
        await this.catchUp();
        const applied: Array<Pending<T>> = [];
        for (const p of batch) {
          try {
            const next = p.change(this.data);
            if (next !== undefined) this.data = next;
            applied.push(p);
          } catch (e) {
            p.reject(e);
          }
        }
        if (!applied.length) return;
        try {
          await this.adapter.writeNow(this.data as NonNullable<T>);
        } catch (e) {
          // What is in memory was not written: the next change starts again from the disk.
          this.adapter.lastStamp = null;
          for (const p of applied) p.reject(e);
          return;
        }
        for (const p of applied) p.resolve(this.data);
      });
    } catch (e) {
      // The lock was not had: nothing of the batch was applied or written.
      for (const p of batch) p.reject(e);
    }
  }

  /** Read in another writer's version, if the file is not the one last read or written here. */
  private async catchUp(): Promise<boolean> {
    // At once, not through the thread pool: a look at every open file (thousands, in a large
    // library) was seconds of trips for microseconds of work.
    const info = statSync(this.path, { throwIfNoEntry: false }) ?? null;
    const known = this.adapter.lastStamp;
    if (looksSame(known, info)) return false;
    // Gone from disk (removed, or not written yet): what is here is all there is, and the next write puts it back.
    if (!info) return false;
    const fresh = (await this.adapter.read()) as T | null;
    if (known && this.adapter.lastStamp?.hash === known.hash) return false; // touched, not changed
    this.data = fresh ?? this.empty();
    this.events.changed(this.path);
    return true;
  }
}
