import { readFile, rename } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { describeIssues } from '../../shared/model/schemas.ts';
import { writeFileDurably } from './atomic-write.ts';
import type { Backups } from './backups.ts';
import { CoalescingWriter } from './coalescing-writer.ts';
import { migrate, NewerFileError, type Migration } from './migrations.ts';

/** How one kind of project file is read and checked. */
export interface FileKind<T> {
  /** What the file holds, for messages ("a reviewer's annotations"). */
  what: string;
  version: number;
  schema: z.ZodType<T>;
  migrations: readonly Migration[];
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
 * nothing is overwritten.
 */
export class DurableJsonFile<T extends { schemaVersion: number }> implements Adapter<T> {
  private readonly writer = new CoalescingWriter();

  constructor(
    readonly path: string,
    private readonly kind: FileKind<T>,
    private readonly projectDir: string,
    private readonly backups: Backups,
    private readonly log: RecoveryLog,
  ) {}

  private get name(): string {
    return relative(this.projectDir, this.path);
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return this.restoreMissing();
      throw e;
    }
    const parsed = this.parse(text);
    if (parsed.ok) return parsed.value;
    return this.recover(parsed.reason);
  }

  write(data: T): Promise<void> {
    return this.writer.write(() => {
      const text = JSON.stringify(data);
      return writeFileDurably(this.path, text, () => this.backups.beforeReplace(this.path));
    });
  }

  idle(): Promise<void> {
    return this.writer.idle();
  }

  private parse(text: string): { ok: true; value: T } | { ok: false; reason: string } {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { ok: false, reason: `not valid JSON (${(e as Error).message})` };
    }
    let migrated: unknown;
    try {
      migrated = migrate(raw, this.kind.version, this.kind.migrations, this.name);
    } catch (e) {
      if (e instanceof NewerFileError) throw e;
      return { ok: false, reason: (e as Error).message };
    }
    const result = this.kind.schema.safeParse(migrated);
    if (!result.success) return { ok: false, reason: `not ${this.kind.what} (${describeIssues(result.error)})` };
    return { ok: true, value: result.data };
  }

  /** A file that is gone but has backups was lost between a backup and a rename: bring it back. */
  private async restoreMissing(): Promise<T | null> {
    const backups = await this.backups.list(this.path);
    if (!backups.length) return null;
    return this.recover('missing');
  }

  private async recover(reason: string): Promise<T> {
    for (const backup of await this.backups.list(this.path)) {
      let text: string;
      try {
        text = await readFile(backup, 'utf8');
      } catch {
        continue;
      }
      const parsed = this.parse(text);
      if (!parsed.ok) continue;
      const setAside = reason === 'missing' ? null : `${this.path}.corrupt-${Date.now()}`;
      if (setAside) await rename(this.path, setAside);
      await writeFileDurably(this.path, text);
      const when = /(\d{8}T\d{9}Z)\.json$/.exec(backup)?.[1] ?? 'a backup';
      this.log.note(
        this.name,
        reason === 'missing'
          ? `${this.name} was missing; restored the backup of ${formatStamp(when)}.`
          : `${this.name} was corrupt (${reason}); it was set aside as ${relative(this.projectDir, setAside!)} and the backup of ${formatStamp(when)} restored. Edits made after that backup are in the set-aside file.`,
      );
      return parsed.value;
    }
    throw new CorruptFileError(this.name, `${this.name} is corrupt (${reason}) and no good backup of it was found in backups/. Nothing was changed; repair or remove the file and open the project again.`);
  }
}

function formatStamp(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} UTC` : s;
}
