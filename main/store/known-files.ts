import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from './atomic-write.ts';
import type { FileKind } from './durable-json-file.ts';
import { hashText } from './file-stamp.ts';
import { removeStaleTemps } from './stale-temps.ts';

/**
 * Raise when a check of a file kind changes that its JSON Schema does not show (a refinement):
 * every file is then checked again once.
 */
const CHECKS_REVISION = 1;
/** A file written this recently may still change within its modification time's resolution (see remember). */
const SETTLED_MS = 3000;

type StatLike = { ino: number; size: number; mtimeMs: number };
/** A file version known to be valid: its kind's fingerprint, inode, size, modification time and text hash. */
type Entry = [fingerprint: string, ino: number, size: number, mtimeMs: number, hash: string];

const fingerprints = new WeakMap<object, string>();

/** A file kind's checks as a short string: its version and the JSON Schema of its schema. */
function fingerprintOf(kind: FileKind<unknown>): string {
  let f = fingerprints.get(kind);
  if (f === undefined) {
    let shape: string;
    try {
      shape = JSON.stringify(z.toJSONSchema(kind.schema, { unrepresentable: 'any' }));
    } catch {
      // A schema with no JSON Schema: its files are always checked.
      shape = `unrepresentable ${Math.random()}`;
    }
    f = hashText(`${CHECKS_REVISION} ${kind.version} ${shape}`).slice(0, 12);
    fingerprints.set(kind, f);
  }
  return f;
}

const entrySchema = z.tuple([z.string(), z.number(), z.number(), z.number(), z.string()]);
const fileSchema = z.object({ format: z.literal(1), entries: z.record(z.string(), z.unknown()) });

/**
 * Which versions of a project's files this machine has read whole and found valid, by the
 * file's inode, size and modification time, as git's index knows unchanged files: a file that
 * stats as a version known here is read with JSON.parse alone — not checked against its schema
 * again, nor hashed (its hash is known) — which was most of opening a library of thousands of
 * cases. Only versions whose text is exactly their checked value written out are kept (so
 * parsing gives what checking would), and only once they are older than the modification
 * time's resolution (a version written in the same tick as a later one could stat the same).
 * Anything else about a file, a change of its schema included, means it is checked as before.
 *
 * Kept per machine, outside the project (inodes mean nothing on another machine, and a shared
 * folder would carry every workbench's copy to every other). A lost or damaged record costs a
 * slower opening, nothing else.
 */
export class KnownFiles {
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, Entry>,
    /** For a view that adds nothing (see lookingOnly): the record it looks at. */
    private readonly owner: KnownFiles | null = null,
  ) {}

  /**
   * The record for reads that use what it knows but add nothing: remembering a version costs
   * writing its value out once more to compare, which reading every shard of a large library for
   * an agreement could not spare (its first run went past two seconds). Forgetting still applies.
   */
  lookingOnly(): KnownFiles {
    return new KnownFiles(this.path, this.entries, this.owner ?? this);
  }

  /** Whether a read should find out if the version it checked can be remembered (see remember). */
  get remembers(): boolean {
    return this.owner === null;
  }

  /** The record at `path` (empty when there is none or it does not read as one). */
  static load(path: string): KnownFiles {
    const entries = new Map<string, Entry>();
    try {
      const file = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      for (const [rel, value] of Object.entries(file.entries)) {
        const entry = entrySchema.safeParse(value);
        if (entry.success) entries.set(rel, entry.data);
      }
    } catch {
      entries.clear();
    }
    return new KnownFiles(path, entries);
  }

  /** The hash of the file's text when `info` is a version of it known valid as `kind`; else null. */
  knownHash(rel: string, kind: FileKind<unknown>, info: StatLike): string | null {
    const e = this.entries.get(rel);
    if (!e || e[1] !== info.ino || e[2] !== info.size || e[3] !== info.mtimeMs || e[0] !== fingerprintOf(kind)) return null;
    return e[4];
  }

  /** The version `info` of the file, with text of hash `hash`, was checked valid as `kind` and is its value written out. */
  remember(rel: string, kind: FileKind<unknown>, info: StatLike, hash: string, now = Date.now()): void {
    if (this.owner || now - info.mtimeMs < SETTLED_MS) return;
    this.entries.set(rel, [fingerprintOf(kind), info.ino, info.size, info.mtimeMs, hash]);
    this.changed = true;
  }

  /** The file is not the version known (it failed to read, or was read again another way). */
  forget(rel: string): void {
    if (this.entries.delete(rel)) (this.owner ?? this).changed = true;
  }

  /** Write the record, when it changed. Never throws: it is a cache. */
  async save(): Promise<void> {
    if (this.owner) return this.owner.save();
    if (!this.changed) return;
    this.changed = false;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      // What a workbench killed while saving left (see stale-temps.ts).
      await removeStaleTemps(dirname(this.path), { of: basename(this.path) });
      await writeFileDurably(this.path, JSON.stringify({ format: 1, entries: Object.fromEntries(this.entries) }));
    } catch {
      this.changed = true;
    }
  }
}
