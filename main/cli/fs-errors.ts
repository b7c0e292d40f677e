import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';

/** File-system failures a person can act on, in words. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'already exists',
  ENOTEMPTY: 'the folder is not empty',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error (is it an ordinary file on a working disk?)',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EINVAL: 'not a valid path for this operation',
};

/** A Node file-system error (ENOENT, EISDIR, …), as opposed to a bug. */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && Object.hasOwn(REASONS, (e as NodeJS.ErrnoException).code!);
}

/** One line naming the path and what went wrong: "out.json: cannot write: permission denied". */
export function fsErrorMessage(e: NodeJS.ErrnoException, path?: string, action?: string): string {
  const where = path ?? e.path ?? '(unknown path)';
  const doing = action ?? (e.syscall ? syscallAction(e.syscall) : null);
  return `${where}: ${doing ? `cannot ${doing}: ` : ''}${REASONS[e.code!]}`;
}

/** Run `fn`; a file-system error becomes an `io` ApiError naming `path`. */
export async function withFsErrors<T>(path: string, action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isFsError(e)) throw new ApiError('io', fsErrorMessage(e, path, action));
    throw e;
  }
}

/** The nearest existing ancestor of `path` (or `path` itself) when it is a file, not a folder; else null. */
export function fileInPath(path: string): string | null {
  for (let at = resolve(path); ; at = dirname(at)) {
    if (existsSync(at)) return statSync(at).isDirectory() ? null : at;
    if (dirname(at) === at) return null;
  }
}

function syscallAction(syscall: string): string {
  switch (syscall) {
    case 'open':
    case 'read':
    case 'stat':
    case 'lstat':
    case 'scandir':
      return 'read';
    case 'write':
    case 'fsync':
    case 'rename':
    case 'copyfile':
      return 'write';
    case 'mkdir':
      return 'create a folder';
    case 'unlink':
    case 'rmdir':
    case 'rm':
      return 'remove';
    default:
      return syscall;
  }
}
