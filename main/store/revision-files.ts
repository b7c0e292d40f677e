import { link, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { id } from '../../shared/model/schemas.ts';
import { syncDirectory, tempPathFor, writeFileDurably } from './atomic-write.ts';
import { hashText } from './file-stamp.ts';
import { NO_FOLLOW, ownFolder } from './inside-project.ts';
import { SAFE_FILE_ID } from './file-kinds.ts';
import { ProjectError } from './project-error.ts';

/**
 * Every revision of a case text a writer stores is first written as a file of its own that is
 * never replaced: `corpus/revisions/<case>/<revision>-<writer>-<hash>.json`, the number it is
 * to have, who wrote it and a hash of its text. Two writers revising the same case at once
 * write two files (their names differ), so neither text is lost even when only one of them
 * becomes the revision in the case file (whose chain of revisions stays the project's truth,
 * written under its lock with a check that the case was not revised meanwhile). A revision
 * file whose text is not in the case's chain is a **revision conflict**: a text someone wrote
 * that is not the case's, shown in the workbench for a person to apply or discard. What they
 * decide is recorded beside it (`<name>.resolved.json`); nothing is deleted.
 */
export const revisionFile = z.object({
  schemaVersion: z.literal(1),
  caseId: id,
  /** The revision number it was written to become (its base's + 1). */
  revision: z.number().int().positive(),
  /** The revision it was made from, and a hash of that text (another writer's revision of the same number is another text). */
  baseRevision: z.number().int().nonnegative(),
  baseHash: z.string(),
  text: z.string(),
  author: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type RevisionFile = z.infer<typeof revisionFile>;

export const resolutionFile = z.object({ schemaVersion: z.literal(1), action: z.enum(['applied', 'discarded']), by: z.string(), at: z.string(), revision: z.number().int().nonnegative().optional() });
export type Resolution = z.infer<typeof resolutionFile>;

export interface StoredRevision extends RevisionFile {
  /** The file's name without .json: the revision's id. */
  id: string;
  resolution: Resolution | null;
}

const NAME = /^(\d{4,})-([^/\\]+)-([A-Za-z0-9_-]{12})\.json$/;

/** A writer's name as it may stand in a file name. */
function writerPart(author: string): string {
  const safe = author.replace(/[^A-Za-z0-9\p{L}._-]+/gu, '_').slice(0, 40);
  return safe && SAFE_FILE_ID.test(safe) ? safe : 'editor';
}

export class RevisionFiles {
  constructor(private readonly dir: string) {}

  private folder(caseId: string): string {
    if (!SAFE_FILE_ID.test(caseId)) throw new ProjectError('invalid', `case id "${caseId}" cannot be used as a file name`);
    return join(this.dir, 'corpus', 'revisions', caseId);
  }

  /**
   * Write a revision's file, durably and only if no file of that name is there (the same
   * writer storing the same text on the same base again finds its own). Returns its id.
   */
  async write(rev: Omit<RevisionFile, 'schemaVersion'>): Promise<string> {
    const folder = this.folder(rev.caseId);
    const name = `${String(rev.revision).padStart(4, '0')}-${writerPart(rev.author)}-${hashText(rev.text).slice(0, 12)}`;
    const path = join(folder, `${name}.json`);
    // Made, and checked to be the project's own (not a link leading out), before anything is written in it.
    await ownFolder(this.dir, join('corpus', 'revisions', rev.caseId));
    const temp = tempPathFor(path);
    await writeFileDurably(temp, JSON.stringify({ schemaVersion: 1, ...rev } satisfies RevisionFile));
    try {
      // A hard link fails if the name is taken: the file appears whole, and is never replaced.
      await link(temp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    await syncDirectory(folder);
    return name;
  }

  /** A case's revision files, oldest number first, with what was decided about each. */
  async list(caseId: string): Promise<StoredRevision[]> {
    const folder = this.folder(caseId);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return [];
    }
    const out: StoredRevision[] = [];
    for (const n of names.sort()) {
      if (!NAME.test(n)) continue;
      const parsed = revisionFile.safeParse(await readJson(join(folder, n)));
      if (!parsed.success || parsed.data.caseId !== caseId) continue;
      const idOf = n.slice(0, -'.json'.length);
      const resolved = resolutionFile.safeParse(await readJson(join(folder, `${idOf}.resolved.json`)));
      out.push({ ...parsed.data, id: idOf, resolution: resolved.success ? resolved.data : null });
    }
    return out;
  }

  async get(caseId: string, revisionId: string): Promise<StoredRevision> {
    const found = (await this.list(caseId)).find((r) => r.id === revisionId);
    if (!found) throw new ProjectError('not-found', `no revision "${revisionId}" of case ${caseId}`);
    return found;
  }

  /** Record what a person decided about a revision conflict (once: a second decision finds the first). */
  async resolve(caseId: string, revisionId: string, resolution: Omit<Resolution, 'schemaVersion'>): Promise<void> {
    await this.get(caseId, revisionId);
    const path = join(this.folder(caseId), `${revisionId}.resolved.json`);
    const temp = tempPathFor(path);
    await writeFileDurably(temp, JSON.stringify({ schemaVersion: 1, ...resolution }));
    try {
      await link(temp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      throw new ProjectError('exists', `the revision conflict ${revisionId} of case ${caseId} was already resolved (by another workbench?)`);
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  /** The case folders that hold revision files. */
  async cases(): Promise<string[]> {
    try {
      return (await readdir(join(this.dir, 'corpus', 'revisions'))).filter((n) => SAFE_FILE_ID.test(n));
    } catch {
      return [];
    }
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, { encoding: 'utf8', flag: NO_FOLLOW }));
  } catch {
    return null;
  }
}

/** Whether a stored revision's text is one of the case's (at its number, or later: stored again on a newer base). */
export function inChain(rev: Pick<RevisionFile, 'revision' | 'text'>, chain: ReadonlyArray<{ text: string }>): boolean {
  return chain.slice(rev.revision).some((r) => r.text === rev.text);
}
