import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';

/** A folder the page may use: that folder alone, or it and every folder below it. */
interface Grant {
  dir: string;
  below: boolean;
}

/**
 * Which folders the page (a browser tab holding the serve token, or the desktop renderer) may
 * open and create projects in: those the person named when casebench started (the project on
 * the command line, `serve --allow FOLDER`) or chose in a native folder dialog, and — on the
 * desktop, whose settings only such folders reach — the recent projects. A token that leaks, or
 * a page that is compromised, then reaches those folders and not the whole disk.
 *
 * Folders are compared by their real paths: `..` and symbolic links lead nowhere else.
 */
export class FolderAccess {
  private readonly grants: Grant[] = [];

  /** `remembered`: folders allowed besides the grants (the desktop's recent projects). */
  constructor(private readonly remembered: () => Promise<readonly string[]> = async () => []) {}

  /** Allow `dir` (and, with `below`, every folder inside it). */
  async grant(dir: string, below = false): Promise<void> {
    this.grants.push({ dir: await realFolder(dir), below });
  }

  /** Whether the page may use `dir`. */
  async allows(dir: string): Promise<boolean> {
    const real = await realFolder(dir);
    if (this.grants.some((g) => (g.below ? isInside(g.dir, real) : g.dir === real))) return true;
    for (const r of await this.remembered()) if ((await realFolder(r).catch(() => null)) === real) return true;
    return false;
  }

  /**
   * The folder to use for `dir`: `dir` itself when the page may use it; else the folder the
   * person chooses when asked (`ask`: the host's native dialog, opened at `dir`), which is then
   * allowed; else ApiError('forbidden') saying which folders the page may use.
   */
  async admit(dir: string, ask: (dir: string) => Promise<string | null>): Promise<string> {
    if (dir.includes('\0')) throw new ApiError('invalid-input', 'a folder path cannot contain a NUL character');
    if (await this.allows(dir)) return resolve(dir);
    const chosen = await ask(resolve(dir));
    if (chosen) {
      await this.grant(chosen);
      return resolve(chosen);
    }
    throw new ApiError(
      'forbidden',
      `${dir}: the workbench opens and creates projects only in the folders named when casebench started (its project, and those given with \`casebench serve --allow FOLDER\`) or chosen in a folder dialog of the desktop app`,
    );
  }
}

/** The real path of `dir`, or — for a folder not made yet — its nearest existing ancestor's real path with the rest. */
async function realFolder(dir: string): Promise<string> {
  const abs = resolve(dir);
  try {
    return await realpath(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(await realFolder(parent), basename(abs));
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
