import { link, mkdir, readdir, unlink, copyFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Rotating backups of a project's files in `<project>/backups/`. A backup is a hard link to the
 * file's current version, taken just before it is replaced, at most once per interval per file,
 * keeping the newest few. Links cost nothing to make and are immune to the rename that follows.
 */
export class Backups {
  private lastTaken = new Map<string, number>();

  constructor(
    private readonly projectDir: string,
    private readonly keep = 5,
    private readonly minIntervalMs = 60_000,
  ) {}

  get dir(): string {
    return join(this.projectDir, 'backups');
  }

  private prefixOf(file: string): string {
    return relative(this.projectDir, file).split(/[\\/]/).join('__') + '.';
  }

  /** Back up `file` (which is about to be replaced) if its last backup is old enough. */
  async beforeReplace(file: string, now = Date.now()): Promise<void> {
    const last = this.lastTaken.get(file) ?? 0;
    if (now - last < this.minIntervalMs) return;
    await mkdir(this.dir, { recursive: true });
    const target = join(this.dir, `${this.prefixOf(file)}${stamp(now)}.json`);
    try {
      await link(file, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // nothing to back up yet: a new file
      if (code === 'EEXIST') return;
      // File systems without hard links (some network drives): copy instead.
      await copyFile(file, target);
    }
    this.lastTaken.set(file, now);
    await this.prune(file);
  }

  /** This file's backups, newest first. */
  async list(file: string): Promise<string[]> {
    const prefix = this.prefixOf(file);
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.json') && /^\d{8}T\d{9}Z\.json$/.test(n.slice(prefix.length)))
      .sort()
      .toReversed()
      .map((n) => join(this.dir, n));
  }

  private async prune(file: string): Promise<void> {
    const all = await this.list(file);
    await Promise.all(all.slice(this.keep).map((f) => unlink(f).catch(() => undefined)));
  }
}

/** 20261123T101530123Z: sortable, and legal in file names on every platform. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
