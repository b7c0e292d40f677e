import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * Which version of a file one has: its inode, size and modification time (every durable write
 * renames a new file into place, so another writer's version has another inode) and a hash of
 * its text, so that a file touched but not changed (a sync tool writing the same bytes) is not
 * taken for a change.
 */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
  hash: string;
}

export const hashText = (text: string): string => createHash('sha1').update(text).digest('base64url');

export function stampOf(info: Pick<Stats, 'ino' | 'size' | 'mtimeMs'>, text: string): FileStamp {
  return { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, hash: hashText(text) };
}

/** The stamp of the file at `path` now, known to hold `text`; null when it is gone. */
export async function stampNow(path: string, text: string): Promise<FileStamp | null> {
  const info = await stat(path).catch(() => null);
  return info ? stampOf(info, text) : null;
}

/** Whether the file looks as it did when stamped (the cheap check: no read). */
export function looksSame(a: FileStamp | null, info: Pick<Stats, 'ino' | 'size' | 'mtimeMs'> | null): boolean {
  if (!a || !info) return !a && !info;
  return a.ino === info.ino && a.size === info.size && a.mtimeMs === info.mtimeMs;
}
