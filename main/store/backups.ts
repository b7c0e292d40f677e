import { link, readdir, rename, unlink, copyFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { tempPathFor } from './atomic-write.ts';
import { insidePath, ownFolder } from './inside-project.ts';

const STAMPED = /^\d{8}T\d{9}Z\.json$/;
/** "20261123T101530123Z.json": the stamp and extension that end every backup's name. */
const STAMP_LENGTH = '20261123T101530123Z.json'.length;

/**
 * Rotating backups of a project's files in `<project>/backups/`, keeping the newest few per file.
 *
 * - Before a file is replaced, its current version is backed up (at most once per interval per
 *   file) as a hard link: links cost nothing to make and are immune to the rename that follows.
 * - A file that has no backup at all gets one as soon as it is written or read: a copy of the
 *   text just written or just validated (a copy, not a link, so that damage to the file in place
 *   cannot reach it). Without this a file written once (casebench.json, schema.json, a span file)
 *   would have nothing to be restored from.
 * - When the project is flushed (at the end of a CLI command, when the app closes or switches
 *   project), files whose newest version has no backup yet — written since their last backup,
 *   within the interval — get a copy of it, so a restore loses at most what was written after.
 */
export class Backups {
  private lastTaken = new Map<string, number>();
  /** Files written since a backup of their current version was taken. */
  private readonly unsaved = new Set<string>();
  /**
   * The backups of each file (by name prefix), read from the folder once and kept up to date
   * with those taken and pruned here: a large project's folder holds tens of thousands, and
   * listing it for every first write of a shard made each such save slow.
   */
  private backedUp: Promise<Map<string, string[]>> | null = null;

  constructor(
    private readonly projectDir: string,
    private readonly keep = 5,
    private readonly minIntervalMs = 60_000,
  ) {}

  get dir(): string {
    return join(this.projectDir, 'backups');
  }

  /** Make backups/ if need be, and check it is the project's own folder: a link elsewhere is not written through. */
  private async ownDir(): Promise<void> {
    await ownFolder(this.projectDir, 'backups');
  }

  private prefixOf(file: string): string {
    return relative(this.projectDir, file).split(/[\\/]/).join('__') + '.';
  }

  private target(file: string, now: number): string {
    return join(this.dir, `${this.prefixOf(file)}${stamp(now)}.json`);
  }

  /** Back up `file` (which is about to be replaced) if its last backup is old enough. */
  async beforeReplace(file: string, now = Date.now()): Promise<void> {
    const last = this.lastTaken.get(file) ?? 0;
    if (now - last < this.minIntervalMs) return;
    await this.ownDir();
    const target = this.target(file, now);
    try {
      await link(file, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // nothing to back up yet: a new file
      if (code === 'EEXIST') return;
      // File systems without hard links (some network drives): copy instead.
      await copyFile(file, target);
    }
    await this.taken(file, now);
    await this.prune(file);
  }

  /**
   * Make sure `file` has at least one backup: when it has none, keep `text` (its content, just
   * written or read and validated) as its first, and say so. Cheap when a backup exists: the
   * folder is listed once per project, then it is a lookup. Never throws: a backup that cannot be
   * made must not fail the write it follows (the next write or open tries again).
   */
  async ensureOne(file: string, text: string, now = Date.now()): Promise<boolean> {
    try {
      if (await this.has(file)) return false;
      await this.takeCopy(file, now, (temp) => writeFile(temp, text));
      return true;
    } catch {
      // See above: the file itself is on disk; only its first backup is late.
      return false;
    }
  }

  /** `file` was just written with a version no backup holds yet: flushPending() keeps a copy. */
  written(file: string): void {
    this.unsaved.add(file);
  }

  /** Copy the current version of every file written since its last backup. Never throws. */
  async flushPending(now = Date.now()): Promise<void> {
    const files = [...this.unsaved];
    this.unsaved.clear();
    await Promise.all(
      files.map(async (file) => {
        try {
          await this.takeCopy(file, now, (temp) => copyFile(file, temp));
          await this.prune(file);
        } catch {
          // Gone or unreadable: nothing to keep (a corrupt file is found when it is next read).
        }
      }),
    );
  }

  /** A new backup of `file`, made by `fill` beside it and renamed, so a crash never leaves a half backup under a backup's name. */
  private async takeCopy(file: string, now: number, fill: (temp: string) => Promise<void>): Promise<void> {
    await this.ownDir();
    const target = this.target(file, now);
    const temp = tempPathFor(target);
    try {
      await fill(temp);
      await rename(temp, target);
    } catch (e) {
      await unlink(temp).catch(() => undefined);
      throw e;
    }
    await this.taken(file, now);
  }

  /** Whether `file` has at least one backup. */
  async has(file: string): Promise<boolean> {
    return ((await this.index()).get(this.prefixOf(file))?.length ?? 0) > 0;
  }

  /** This file's backups, newest first. */
  async list(file: string): Promise<string[]> {
    const prefix = this.prefixOf(file);
    let names: string[];
    try {
      await insidePath(this.projectDir, 'backups', 'the folder');
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.startsWith(prefix) && STAMPED.test(n.slice(prefix.length)))
      .sort()
      .toReversed()
      .map((n) => join(this.dir, n));
  }

  private index(): Promise<Map<string, string[]>> {
    this.backedUp ??= readdir(this.dir).then(
      (names) => {
        const byPrefix = new Map<string, string[]>();
        for (const n of names) {
          if (n.length <= STAMP_LENGTH || !STAMPED.test(n.slice(-STAMP_LENGTH))) continue;
          const prefix = n.slice(0, -STAMP_LENGTH);
          (byPrefix.get(prefix) ?? byPrefix.set(prefix, []).get(prefix)!).push(n);
        }
        return byPrefix;
      },
      () => new Map<string, string[]>(),
    );
    return this.backedUp;
  }

  private async taken(file: string, now: number): Promise<void> {
    this.lastTaken.set(file, now);
    const index = await this.index();
    const prefix = this.prefixOf(file);
    const name = `${prefix}${stamp(now)}.json`;
    const names = index.get(prefix) ?? index.set(prefix, []).get(prefix)!;
    if (!names.includes(name)) names.push(name);
  }

  /** Keep the newest few of a file's backups (those this process knows of: another's are pruned by it). */
  private async prune(file: string): Promise<void> {
    const names = (await this.index()).get(this.prefixOf(file));
    if (!names || names.length <= this.keep) return;
    names.sort();
    const old = names.splice(0, names.length - this.keep);
    await Promise.all(old.map((n) => unlink(join(this.dir, n)).catch(() => undefined)));
  }
}

/** 20261123T101530123Z: sortable, and legal in file names on every platform. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
