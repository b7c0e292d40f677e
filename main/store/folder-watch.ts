import { watch, type FSWatcher } from 'node:fs';

/** Folders and files casebench writes that hold no shared state (or are written only on the way to it). */
const IGNORED = /^(?:backups|exports|sources|\.git)(?:[\\/]|$)|(?:^|[\\/])\.[^\\/]*\.(?:tmp|lock)$|\.corrupt-\d+$/;

/**
 * Watches a project folder for files other writers change (another casebench process, file
 * sync, git): the names are collected until taken, and `settled` is called once the folder has
 * been quiet for `debounceMs` — a burst of writes (a sync tool bringing fifty files) is one
 * call. Where the system cannot watch (no recursive watching, too many watches), `start`
 * returns false and the caller looks for changes itself, by the files' sizes and times.
 */
export class FolderWatch {
  private watcher: FSWatcher | null = null;
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Events were lost (the watcher failed): everything may have changed. */
  private lost = false;

  constructor(
    private readonly dir: string,
    private readonly settled: () => void,
    private readonly debounceMs = 150,
  ) {}

  get running(): boolean {
    return this.watcher !== null;
  }

  start(): boolean {
    if (this.watcher) return true;
    try {
      this.watcher = watch(this.dir, { recursive: true, persistent: false }, (_event, name) => this.saw(name ? String(name) : null));
    } catch {
      return false;
    }
    this.watcher.on('error', () => {
      // Watching stopped (the folder went away, a limit was reached): the caller falls back to looking itself.
      this.lost = true;
      this.close();
    });
    return true;
  }

  /** The files changed since last taken (relative paths); `all` when some changes may have gone unseen. */
  take(): { files: string[]; all: boolean } {
    const out = { files: [...this.dirty], all: this.lost };
    this.dirty.clear();
    this.lost = false;
    return out;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private saw(name: string | null): void {
    if (name === null) this.lost = true;
    else if (IGNORED.test(name)) return;
    else this.dirty.add(name.split('\\').join('/'));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.settled();
    }, this.debounceMs);
    this.timer.unref();
  }
}
