import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConflictSource } from '../../shared/api/sync-types.ts';

/**
 * The copies file sync and git leave of a project file two machines changed at once, found by
 * their names (and, where a name alone could be a project file of its own, by what they hold):
 *
 *   Syncthing   schema.sync-conflict-20240501-101530-ABCDEF7.json
 *   Dropbox     schema (Alice's conflicted copy 2024-05-01).json, schema (alice 的冲突副本 2024-05-01).json
 *   OneDrive    schema-LAPTOP7.json (the machine's name added; only beside a schema.json, and only
 *               when the copy says it is that file: a reviewer "alice-LAPTOP7" of one's own is no copy)
 *   git         conflict markers (<<<<<<<) inside the file: casebench keeps its own side in place and
 *               sets the whole file aside as schema.json.git-conflict-<time> (see git-markers.ts)
 */
export interface ConflictCopy {
  /** Relative paths: the project file, and its copy. */
  file: string;
  copy: string;
  source: ConflictSource;
}

/** The folders of a project where shared files live (each reviewer's span folder is found below reviews/). */
const FOLDERS = ['', 'corpus', 'corpus/cases', 'corpus/outline', 'corpus/layout', 'reviews', 'suggestions'];

const SYNCTHING = /^(.+)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?(\.json)$/;
const DROPBOX = /^(.+?) \([^()]*(?:conflicted copy|冲突副本|衝突複本)[^()]*\)(\.json)$/i;
const GIT = /^(.+\.json)\.git-conflict-\d+$/;
/** A Windows machine's name as OneDrive adds it: letters, digits and hyphens, at most 15. */
const ONEDRIVE = /^(.+)-([A-Za-z0-9][A-Za-z0-9-]{0,14})(\.json)$/;

export async function findConflictCopies(dir: string): Promise<ConflictCopy[]> {
  const folders = [...FOLDERS];
  try {
    for (const n of await readdir(join(dir, 'reviews'))) if (n.endsWith('.spans')) folders.push(`reviews/${n}`);
  } catch {
    // no reviews yet
  }
  const out: ConflictCopy[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(join(dir, folder));
    } catch {
      continue;
    }
    const present = new Set(names);
    const rel = (n: string) => (folder ? `${folder}/${n}` : n);
    for (const n of names) {
      let m = SYNCTHING.exec(n);
      if (m) {
        out.push({ file: rel(m[1]! + m[2]!), copy: rel(n), source: 'syncthing' });
        continue;
      }
      m = DROPBOX.exec(n);
      if (m) {
        out.push({ file: rel(m[1]! + m[2]!), copy: rel(n), source: 'dropbox' });
        continue;
      }
      m = GIT.exec(n);
      if (m) {
        out.push({ file: rel(m[1]!), copy: rel(n), source: 'git' });
        continue;
      }
      m = ONEDRIVE.exec(n);
      if (m && present.has(m[1]! + m[3]!) && (await isCopyOf(join(dir, folder, n), folder, m[1]!))) out.push({ file: rel(m[1]! + m[3]!), copy: rel(n), source: 'onedrive' });
    }
  }
  return out.sort((a, b) => a.copy.localeCompare(b.copy));
}

/**
 * Whether a file named like an OneDrive copy of `<stem>.json` holds that file: a reviewer's file
 * names its reviewer, a case file its case, a span file its case; the project's own files
 * (schema.json, rubric.json …) have fixed names, so a name with a machine added is a copy.
 */
async function isCopyOf(path: string, folder: string, stem: string): Promise<boolean> {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return false;
  }
  if (folder === '' || folder === 'corpus') return true;
  if (folder === 'reviews') return data.reviewer === stem;
  if (folder === 'corpus/cases') return (data.case as { id?: unknown } | undefined)?.id === stem;
  if (folder === 'corpus/outline' || folder === 'corpus/layout') return data.documentId === stem;
  return data.caseId === stem;
}
