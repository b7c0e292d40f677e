import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** `.<name>.<pid>.<random>.tmp`: what writeFileDurably, writeFolderDurably and the backups write first. */
const TEMP = /^\.(.*)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** A temporary file this old is no write in progress, whoever made it (a writer on another machine, through file sync). */
const ABANDONED_MS = 60 * 60 * 1000;

/**
 * Remove the temporary files (and folders) that writes killed before their rename left behind:
 * those whose writer is no longer running on this machine, or that are an hour old. A write in
 * progress — this process's or another's on the same folder — is left alone. Never throws: a
 * temporary file that cannot be removed now is removed another time.
 *
 * `of`: only the temporaries of writes to this name (an export's); `recursive`: in every folder below.
 */
export async function removeStaleTemps(dir: string, options: { of?: string; recursive?: boolean; now?: number } = {}): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: options.recursive ?? false })).map(String);
  } catch {
    return [];
  }
  const now = options.now ?? Date.now();
  const removed: string[] = [];
  for (const rel of names) {
    const name = rel.split(/[\\/]/).pop()!;
    const m = TEMP.exec(name);
    if (!m || (options.of !== undefined && m[1] !== options.of)) continue;
    // Inside a temporary folder being removed: gone with it.
    if (removed.some((r) => rel.startsWith(`${r}/`) || rel.startsWith(`${r}\\`))) continue;
    const path = join(dir, rel);
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    if (isRunning(Number(m[2])) && now - info.mtimeMs < ABANDONED_MS) continue;
    try {
      await rm(path, { recursive: true, force: true });
      removed.push(rel);
    } catch {
      // See above.
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
