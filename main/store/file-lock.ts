import { hostname } from 'node:os';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../shared/api/errors.ts';
import { tempPathFor } from './atomic-write.ts';

/**
 * A lock on one project file shared by every casebench process on the folder: while one
 * process holds it, no other reads-checks-writes that file. It is a small file beside the
 * target, `.<name>.lock`, holding its owner's process id, host and a random token; it appears
 * whole (written aside, then hard-linked into place, which fails if one is there).
 *
 * A lock whose owner is gone (a process on this machine that no longer runs: killed with
 * SIGKILL, crashed) is broken at once; one older than `staleMs` (an owner on another machine,
 * through a shared folder, or hung) is broken too. Locks are held for one write, milliseconds.
 */
export interface LockOptions {
  /** How long to wait for another writer before giving up (the call fails with a conflict). */
  timeoutMs?: number;
  /** A lock this old is no write in progress, whoever holds it. */
  staleMs?: number;
}

const HOST = hostname();

export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

export async function withFileLock<T>(target: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockPathFor(target);
  const token = await acquire(lock, target, options);
  try {
    return await task();
  } finally {
    await release(lock, token);
  }
}

async function acquire(lock: string, target: string, { timeoutMs = 20_000, staleMs = 10_000 }: LockOptions): Promise<string> {
  const token = `${process.pid} ${HOST} ${randomBytes(6).toString('hex')}`;
  const started = Date.now();
  let wait = 1;
  for (;;) {
    if (await tryCreate(lock, token)) return token;
    const held = await readFile(lock, 'utf8').catch(() => null);
    if (held === null) continue; // released meanwhile
    if (await isStale(lock, held, staleMs)) {
      await breakLock(lock, held);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new ApiError('conflict', `${basename(target)} is being written by another casebench (${describeOwner(held)}) and was not released in ${Math.round(timeoutMs / 1000)} s; nothing was changed, try again`);
    }
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(50, wait * 1.5 + 1);
  }
}

/** Make the lock file, whole, unless one is there. */
async function tryCreate(lock: string, token: string): Promise<boolean> {
  const temp = tempPathFor(lock);
  try {
    await writeFile(temp, token, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await mkdir(dirname(lock), { recursive: true });
    await writeFile(temp, token, { flag: 'wx' });
  }
  try {
    await link(temp, lock);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create (a kill between create and write leaves an empty lock, broken by age).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      return writeFile(lock, token, { flag: 'wx' }).then(
        () => true,
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'EEXIST') return false;
          throw err;
        },
      );
    }
    throw e;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function isStale(lock: string, held: string, staleMs: number): Promise<boolean> {
  const [pid, host] = held.split(' ');
  if (host === HOST && pid && /^\d+$/.test(pid) && !isRunning(Number(pid))) return true;
  const info = await stat(lock).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > staleMs;
}

/**
 * Take a stale lock away. It is first moved aside under a name of its own and checked: if what
 * was moved is not the stale lock (its owner's release and another's lock came in between), it
 * is put back — so two processes breaking the same lock never remove a live one.
 */
async function breakLock(lock: string, held: string): Promise<void> {
  // A temporary's name: one a kill leaves here is cleaned like any other (stale-temps.ts).
  const aside = tempPathFor(lock);
  try {
    await rename(lock, aside);
  } catch {
    return; // someone else broke or released it
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== null && moved !== held) await link(aside, lock).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function release(lock: string, token: string): Promise<void> {
  const held = await readFile(lock, 'utf8').catch(() => null);
  // Ours, unless it was broken as stale (a write that took longer than staleMs) and taken by another.
  if (held === token) await unlink(lock).catch(() => undefined);
}

function describeOwner(held: string): string {
  const [pid, host] = held.split(' ');
  return pid ? `process ${pid}${host && host !== HOST ? ` on ${host}` : ''}` : 'another process';
}

export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
