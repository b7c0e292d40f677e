import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { mkdir, readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ProjectError } from './project-error.ts';

/**
 * A project folder may come from someone else (a shared folder, a download) and point outside
 * itself: a document whose source is "../outside/secret.txt", backups/ or exports/ as symbolic
 * links elsewhere. Everything casebench reads and writes in a project goes through a check that
 * the real path — `..` and links followed — is inside the project's own.
 */

/** The folders casebench reads and writes in a project (each reviewer's `reviews/<name>.spans` too). */
export const PROJECT_FOLDERS = ['corpus', 'corpus/cases', 'corpus/outline', 'corpus/layout', 'corpus/revisions', 'reviews', 'suggestions', 'backups', 'exports', 'sources'];

/** Read without following a symbolic link at the end of the path (ELOOP instead), where the system can. */
export const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * A project file's text and the version it was read at (taken from the open file: a rename by
 * another writer after it cannot be mistaken for what was read), not through a symbolic link
 * (ELOOP). Read at once rather than in four trips through the thread pool: a project opens
 * thousands of small files, and the trips, not the bytes, were most of the time.
 */
export function readFileNoFollow(path: string): { text: string; info: Stats } {
  const fd = openSync(path, NO_FOLLOW);
  try {
    const info = fstatSync(fd);
    return { text: readFileSync(fd, 'utf8'), info };
  } finally {
    closeSync(fd);
  }
}

const outside = (root: string, rel: string, what: string) =>
  new ProjectError('outside', `${what} ${JSON.stringify(rel)} leads outside the project folder ${root} (a path with .. or a symbolic link); casebench reads and writes only inside it`);

/** The real path of `path`, or — for one not made yet — its nearest existing ancestor's real path with the rest. */
async function realPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realPath(parent), basename(path));
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The real path of the project's `rel` (a relative path, inside `within` when given, such as
 * "sources"); ProjectError('outside') when it leads elsewhere. `what` names it in the message.
 */
export async function insidePath(root: string, rel: string, what: string, within = ''): Promise<string> {
  if (rel.includes('\0') || isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) throw outside(root, rel, what);
  const [realRoot, realBase, real] = await Promise.all([realPath(root), realPath(join(root, within)), realPath(join(root, rel))]);
  if (!isInside(realRoot, realBase) || !isInside(realBase, real)) throw outside(root, rel, what);
  return real;
}

/** A file of the project (a document's source), read only when it is inside the project's `within` folder. */
export async function readInside(root: string, rel: string, what: string, within: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await insidePath(root, rel, what, within), { flag: NO_FOLLOW }));
}

/** Make (if need be) the project's folder `rel` and check it is the project's own: ProjectError('outside') if it leads elsewhere. */
export async function ownFolder(root: string, rel: string): Promise<string> {
  await mkdir(join(root, rel), { recursive: true });
  await insidePath(root, rel, `the folder`);
  return join(root, rel);
}

/** Every folder casebench uses in the project is inside it: checked when the project opens. */
export async function checkProjectFolders(root: string): Promise<void> {
  const spans = await readdir(join(root, 'reviews')).then(
    (names) => names.filter((n) => n.endsWith('.spans')).map((n) => `reviews/${n}`),
    () => [],
  );
  await Promise.all([...PROJECT_FOLDERS, ...spans].map((rel) => insidePath(root, rel, 'the folder')));
}
