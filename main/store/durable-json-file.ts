import { readFile, rename } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { relative } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { describeIssues } from '../../shared/model/schemas.ts';
import { writeFileDurably } from './atomic-write.ts';
import { NO_FOLLOW, readFileNoFollow } from './inside-project.ts';
import type { Backups } from './backups.ts';
import { CoalescingWriter } from './coalescing-writer.ts';
import { migrate, NewerFileError, type Migration } from './migrations.ts';
import { stampOf, stampNow, type FileStamp } from './file-stamp.ts';
import { gitSides } from './git-markers.ts';
import type { KnownFiles } from './known-files.ts';

/** How one kind of project file is read and checked. */
export interface FileKind<T> {
  /** What the file holds, for messages ("a reviewer's annotations"). */
  what: string;
  version: number;
  schema: z.ZodType<T>;
  migrations: readonly Migration[];
  /**
   * What to do when the file is corrupt and no backup is good. 'stop' (the default): reading
   * fails and nothing is touched; the project cannot open without the file. 'set-aside': the file
   * is renamed `*.corrupt-<time>` (kept as it was, nothing lost) and reading goes on as if it did
   * not exist, with a note naming it. For files one part of the project can do without (one
   * reviewer's spans in one case), so one damaged file does not block the whole project.
   */
  unrecoverable?: 'stop' | 'set-aside';
}

export interface RecoveryLog {
  note(file: string, message: string): void;
}

/** A project file that is corrupt and has no good backup: opening must stop, not reset it. */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'CorruptFileError';
  }
}

/**
 * The lowdb adapter for every project file: validated reads with migrations, durable and
 * coalesced writes with rotating backups, and recovery from corruption. A corrupt file is set
 * aside (renamed `*.corrupt-<time>`) and the newest backup that passes validation takes its
 * place, with a note for the user; if no backup is good, reading fails with a clear error and
 * nothing is overwritten — or, for kinds that allow it, the file stays set aside and reading
 * goes on without it, with a note naming it. A file with no backup gets one as soon as it is
 * written or read, so even a file written only once can be restored.
 */
export class DurableJsonFile<T extends { schemaVersion: number }> implements Adapter<T> {
  private readonly writer = new CoalescingWriter();
  /** A first backup being taken after a read, waited for by idle(). */
  private backingUp: Promise<void> | null = null;
  /** Set when the last read found the file corrupt beyond repair and set it aside (`unrecoverable: 'set-aside'`). */
  setAsideAs: string | null = null;
  /** Which version of the file the last read or write saw (null: none on disk), for telling another writer's change. */
  lastStamp: FileStamp | null = null;

  constructor(
    readonly path: string,
    private readonly kind: FileKind<T>,
    private readonly projectDir: string,
    private readonly backups: Backups,
    private readonly log: RecoveryLog,
    /** Versions of the project's files this machine found valid before (see known-files.ts). */
    private readonly known: KnownFiles | null = null,
  ) {}

  private get name(): string {
    return relative(this.projectDir, this.path);
  }

  async read(): Promise<T | null> {
    this.setAsideAs = null;
    this.lastStamp = null;
    let text: string;
    let info: Stats;
    try {
      // Not through a symbolic link: a project file that links elsewhere is not the project's (see inside-project.ts).
      ({ text, info } = readFileNoFollow(this.path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return this.restoreMissing();
      if (code === 'ELOOP') return this.recover('a symbolic link to a file elsewhere, which casebench does not read');
      throw e;
    }
    const knownHash = this.known?.knownHash(this.name, this.kind, info) ?? null;
    const asKnown = knownHash === null ? null : parseKnown<T>(text, this.kind.version);
    this.lastStamp = asKnown ? { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, hash: knownHash! } : stampOf(info, text);
    const parsed = asKnown ?? this.parse(text);
    if (parsed.ok && !asKnown && this.known?.remembers) {
      // Known from now on only when parsing alone gives the checked value (its keys in the schema's order, nothing dropped).
      if (JSON.stringify(parsed.value) === text) this.known.remember(this.name, this.kind, info, this.lastStamp.hash);
      else this.known.forget(this.name);
    }
    if (!parsed.ok) this.known?.forget(this.name);
    if (parsed.ok) {
      // A file that has never been backed up (a project from before first backups, or a crash
      // right after a first write) gets one now, in the background: opening does not wait for it.
      const backup = this.backups.ensureOne(this.path, text).then(() => undefined);
      this.backingUp = backup;
      void backup.finally(() => {
        if (this.backingUp === backup) this.backingUp = null;
      });
      return parsed.value;
    }
    this.lastStamp = null;
    const merged = await this.fromGitConflict(text);
    if (merged) return merged;
    return this.recover(parsed.reason);
  }

  /**
   * A file git left with conflict markers: not corrupt, two versions. This side (HEAD) is kept in
   * place and the whole file set aside beside it as `<name>.git-conflict-<time>`, listed among
   * the conflict copies for a person to keep one side or merge them (conflict-copies.ts).
   */
  private async fromGitConflict(text: string): Promise<T | null> {
    const sides = gitSides(text);
    if (!sides) return null;
    const ours = this.parse(sides.ours);
    const theirs = this.parse(sides.theirs);
    const kept = ours.ok ? { side: 'this side (HEAD)', text: sides.ours, value: ours.value } : theirs.ok ? { side: 'the side merged in', text: sides.theirs, value: theirs.value } : null;
    if (!kept) return null;
    const aside = `${this.path}.git-conflict-${Date.now()}`;
    await writeFileDurably(aside, text);
    await writeFileDurably(this.path, kept.text, () => this.backups.beforeReplace(this.path));
    this.lastStamp = await stampNow(this.path, kept.text);
    this.log.note(this.name, `${this.name} had git conflict markers (a merge both sides changed). casebench kept ${kept.side} and set the file with both aside as ${relative(this.projectDir, aside)}: keep one side or merge them in the conflicts list.`);
    return kept.value;
  }

  /** Parse a text of this kind as read would (validated, migrated), without touching the file: null when it is not one. */
  parseText(text: string): T | null {
    const parsed = this.parse(text);
    return parsed.ok ? parsed.value : null;
  }

  write(data: T): Promise<void> {
    return this.writer.write(async () => {
      const text = JSON.stringify(data);
      await writeFileDurably(this.path, text, () => this.backups.beforeReplace(this.path));
      // A new file has had nothing to back up before its rename: its first version is its first
      // backup. Any other version waits for the next backup, or for the project's flush.
      if (!(await this.backups.ensureOne(this.path, text))) this.backups.written(this.path);
    });
  }

  /**
   * Write now, not coalesced (the caller batches, holding the file's lock), and return the
   * version written.
   */
  async writeNow(data: T): Promise<FileStamp> {
    const text = JSON.stringify(data);
    await writeFileDurably(this.path, text, () => this.backups.beforeReplace(this.path));
    if (!(await this.backups.ensureOne(this.path, text))) this.backups.written(this.path);
    this.lastStamp = await stampNow(this.path, text);
    return this.lastStamp!;
  }

  async idle(): Promise<void> {
    await this.writer.idle();
    await this.backingUp;
  }

  private parse(text: string): { ok: true; value: T } | { ok: false; reason: string } {
    return parseFileText(this.kind, text, this.name);
  }

  /** A file that is gone but has backups was lost between a backup and a rename: bring it back. */
  private async restoreMissing(): Promise<T | null> {
    const backups = await this.backups.list(this.path);
    if (!backups.length) return null;
    return this.recover('missing');
  }

  private async recover(reason: string): Promise<T | null> {
    for (const backup of await this.backups.list(this.path)) {
      let text: string;
      try {
        text = await readFile(backup, { encoding: 'utf8', flag: NO_FOLLOW });
      } catch {
        continue;
      }
      const parsed = this.parse(text);
      if (!parsed.ok) continue;
      const setAside = reason === 'missing' ? null : `${this.path}.corrupt-${Date.now()}`;
      if (setAside) await rename(this.path, setAside);
      await writeFileDurably(this.path, text);
      this.lastStamp = await stampNow(this.path, text);
      const when = /(\d{8}T\d{9}Z)\.json$/.exec(backup)?.[1] ?? 'a backup';
      this.log.note(
        this.name,
        reason === 'missing'
          ? `${this.name} was missing; restored the backup of ${formatStamp(when)}.`
          : `${this.name} was corrupt (${reason}); it was set aside as ${relative(this.projectDir, setAside!)} and the backup of ${formatStamp(when)} restored. Edits made after that backup are in the set-aside file.`,
      );
      return parsed.value;
    }
    if (this.kind.unrecoverable === 'set-aside') return this.goOnWithout(reason);
    throw new CorruptFileError(this.name, `${this.name} is corrupt (${reason}) and no good backup of it was found in backups/. Nothing was changed; repair or remove the file and open the project again.`);
  }

  /** No good backup, and the file may be done without: keep it aside, say so, and read nothing. */
  private async goOnWithout(reason: string): Promise<null> {
    if (reason === 'missing') {
      this.log.note(this.name, `${this.name} was missing and none of its backups in backups/ is readable; the project opened without it (${this.kind.what} in it are not shown).`);
      return null;
    }
    const setAside = `${this.path}.corrupt-${Date.now()}`;
    await rename(this.path, setAside);
    this.setAsideAs = setAside;
    this.log.note(
      this.name,
      `${this.name} is corrupt (${reason}) and no good backup of it was found in backups/. It was set aside as ${relative(this.projectDir, setAside)}, unchanged, and the project opened without it: ${this.kind.what} in it are not shown until it is repaired and put back.`,
    );
    return null;
  }
}

function formatStamp(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} UTC` : s;
}

/** A known-valid version's text (see KnownFiles), parsed alone; null if it does not parse as one after all. */
function parseKnown<T>(text: string, version: number): { ok: true; value: T } | null {
  try {
    const value = JSON.parse(text) as { schemaVersion?: unknown };
    return value && typeof value === 'object' && value.schemaVersion === version ? { ok: true, value: value as T } : null;
  } catch {
    return null;
  }
}

/**
 * A file's text as a file of `kind`: parsed, migrated and validated, or why not. Throws
 * NewerFileError for a file a newer casebench wrote (`name` says which).
 */
export function parseFileText<T>(kind: FileKind<T>, text: string, name: string): { ok: true; value: T } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message})` };
  }
  let migrated: unknown;
  try {
    migrated = migrate(raw, kind.version, kind.migrations, name);
  } catch (e) {
    if (e instanceof NewerFileError) throw e;
    return { ok: false, reason: (e as Error).message };
  }
  const result = kind.schema.safeParse(migrated);
  if (!result.success) return { ok: false, reason: `not ${kind.what} (${describeIssues(result.error)})` };
  return { ok: true, value: result.data };
}
