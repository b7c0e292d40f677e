import { mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The temporary name a write of `target` uses beside it: `.<name>.<pid>.<random>.tmp`. The
 * process id tells a write still running from one a crash left (see stale-temps.ts).
 */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replace a file so that a crash at any moment leaves either the old or the new content, and
 * once this resolves the new content survives power loss: write a temp file beside it, fsync
 * it, rename it over the target, fsync the directory. (steno renames but does not fsync.)
 */
export async function writeFileDurably(path: string, data: string | Uint8Array, beforeRename?: () => Promise<void>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = tempPathFor(path);
  await writeSynced(temp, data);
  try {
    if (beforeRename) await beforeRename();
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}

/**
 * Make a folder of files that appears whole or not at all: the files are written and synced in
 * a temporary folder beside it, which is then renamed into place. `path` must not exist yet.
 */
export async function writeFolderDurably(path: string, files: ReadonlyArray<{ path: string; data: string | Uint8Array }>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    const folders = new Set<string>([temp]);
    for (const f of files) {
      const target = join(temp, f.path);
      await mkdir(dirname(target), { recursive: true });
      for (let d = dirname(target); d.length >= temp.length && !folders.has(d); d = dirname(d)) folders.add(d);
      await writeSynced(target, f.data);
    }
    for (const d of folders) await syncDirectory(d);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dirname(path));
}

async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems (and Windows) cannot fsync a directory; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}
