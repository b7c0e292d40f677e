import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { FileConflict, FileConflictResolution } from '../../../shared/api/sync-types.ts';
import { canonicalJson } from '../../../shared/merge/three-way.ts';
import { findConflictCopies, type ConflictCopy } from '../../store/conflict-copies.ts';
import { divergentRevisions, mergeCopy, type MergeableKind } from '../../store/copy-merge.ts';
import { FILE_KINDS, type CaseFile } from '../../store/file-kinds.ts';
import { hashText } from '../../store/file-stamp.ts';
import { gitSides } from '../../store/git-markers.ts';
import { NO_FOLLOW, ownFolder } from '../../store/inside-project.ts';
import { kindOf, type ProjectFileKind } from '../../store/project-store.ts';
import type { ProjectService } from '../project-service.ts';

type ConflictMethods = 'listFileConflicts' | 'resolveFileConflict';

const MERGEABLE: ReadonlySet<ProjectFileKind> = new Set<ProjectFileKind>(['schema', 'rubric', 'compendium', 'documents', 'reviewer', 'spans', 'case']);

/** What a keyed list holds, for saying what differs: ids of labels, criteria, parts, documents, cases, spans. */
function keysOf(kind: ProjectFileKind, data: unknown): Map<string, string> | null {
  const d = data as Record<string, unknown>;
  const keyed = (list: unknown, key: string) => new Map(((list as Array<Record<string, unknown>>) ?? []).map((x) => [String(x[key]), canonicalJson(x)]));
  if (kind === 'schema') return keyed(d.labels, 'id');
  if (kind === 'rubric') return keyed(d.criteria, 'id');
  if (kind === 'compendium') return keyed((d.draft as Record<string, unknown> | null)?.parts, 'title');
  if (kind === 'documents') return keyed(d.documents, 'id');
  if (kind === 'spans') return keyed(d.spans, 'id');
  if (kind === 'reviewer') return new Map(Object.entries((d.cases as Record<string, unknown>) ?? {}).map(([k, v]) => [k, canonicalJson(v)]));
  return null;
}

function differences(kind: ProjectFileKind, current: unknown, copy: unknown): string[] {
  if (kind === 'case') {
    const n = divergentRevisions(current as CaseFile, copy as CaseFile).length;
    return n ? [`${n} revision${n > 1 ? 's' : ''} of the text only in the copy`] : ['the same texts'];
  }
  const a = keysOf(kind, current);
  const b = keysOf(kind, copy);
  if (!a || !b) return canonicalJson(current) === canonicalJson(copy) ? ['the same content'] : ['the contents differ'];
  const onlyCopy = [...b.keys()].filter((k) => !a.has(k));
  const onlyHere = [...a.keys()].filter((k) => !b.has(k));
  const changed = [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k));
  const list = (ids: string[]) => ids.slice(0, 5).join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '');
  return [
    ...(onlyCopy.length ? [`only in the copy: ${list(onlyCopy)}`] : []),
    ...(onlyHere.length ? [`only in the file: ${list(onlyHere)}`] : []),
    ...(changed.length ? [`different in the two: ${list(changed)}`] : []),
  ].concat(onlyCopy.length + onlyHere.length + changed.length ? [] : ['the same content']);
}

/**
 * Conflict copies file sync and git leave beside (or inside) project files when two machines
 * changed one at once (conflict-copies.ts), listed for a person, who keeps the file in place,
 * keeps the copy, or merges the two where that is safe (lists of things with ids; a case's
 * revisions: the copy's texts become revision conflicts). Nothing is deleted: the version not
 * kept goes to backups/conflicts/.
 */
export function conflictHandlers(service: ProjectService): Pick<ProjectHandlers, ConflictMethods> {
  const store = service.store;

  const readCopy = async (c: ConflictCopy, kind: ProjectFileKind) => {
    const text = await readFile(join(store.dir, ...c.copy.split('/')), { encoding: 'utf8', flag: NO_FOLLOW });
    const side = c.source === 'git' ? (gitSides(text)?.theirs ?? text) : text;
    const found = await store.fileAt(c.file);
    return { data: found!.file.adapter.parseText(side), file: found!.file, what: FILE_KINDS[kind].what };
  };

  const describe = async (c: ConflictCopy): Promise<FileConflict | null> => {
    const kind = kindOf(c.file);
    if (!kind) return null;
    const { data, file, what } = await readCopy(c, kind).catch(() => ({ data: null, file: null, what: '' }));
    if (!file) return null;
    await file.refresh();
    return { id: c.copy, file: c.file, copy: c.copy, source: c.source, what, canMerge: MERGEABLE.has(kind) && data !== null && file.data !== null, differences: data === null ? ['the copy is not readable as such a file'] : differences(kind, file.data, data) };
  };

  /** Put a version that is not kept under backups/conflicts/, by its path. */
  const setAside = async (rel: string, text?: string): Promise<string> => {
    await ownFolder(store.dir, 'backups');
    const folder = join(store.dir, 'backups', 'conflicts');
    await mkdir(folder, { recursive: true });
    const name = `${rel.split('/').join('__')}.${Date.now()}`;
    if (text === undefined) await rename(join(store.dir, ...rel.split('/')), join(folder, name));
    else await writeFile(join(folder, `${name}.json`), text, { flag: 'wx' });
    return `backups/conflicts/${text === undefined ? name : `${name}.json`}`;
  };

  return {
    listFileConflicts: async () => {
      const out: FileConflict[] = [];
      for (const c of await findConflictCopies(store.dir)) {
        const d = await describe(c);
        if (d) out.push(d);
      }
      return out;
    },

    resolveFileConflict: async ({ id, keep }: ParsedInputOf<'resolveFileConflict'>): Promise<FileConflictResolution> => {
      // Only a copy the listing finds: the id is never taken as a path of its own.
      const c = (await findConflictCopies(store.dir)).find((x) => x.copy === id);
      if (!c) throw new ApiError('not-found', `no conflict copy "${id}" in this project (resolved already?)`);
      const kind = kindOf(c.file)!;
      const { data, file, what } = await readCopy(c, kind);
      await file.refresh();
      if (keep === 'current') return { file: c.file, kept: 'current', setAside: await setAside(c.copy) };
      if (data === null) throw new ApiError('invalid-input', `${c.copy} is not readable as ${what}: only the file in place can be kept`);
      if (keep === 'copy') {
        const previous = file.data === null ? null : await setAside(c.file, JSON.stringify(file.data));
        await file.update(() => data);
        await setAside(c.copy);
        await store.syncExternalChanges();
        if (kind === 'case') service.forgetCases([(data as CaseFile).case.id]);
        return { file: c.file, kept: 'copy', setAside: previous };
      }
      if (!MERGEABLE.has(kind) || file.data === null) throw new ApiError('invalid-input', `${what} cannot be merged: keep the file in place or the copy`);
      if (kind === 'case') {
        // The chain in place stays the case's; the texts only the copy holds become revision conflicts, for a person to apply or discard.
        const here = file.data as CaseFile;
        const theirs = data as CaseFile;
        for (const r of divergentRevisions(here, theirs)) {
          const base = theirs.case.revisions[r.revision - 1];
          await store.revisionFiles.write({ caseId: here.case.id, revision: Math.max(1, r.revision), baseRevision: Math.max(0, r.revision - 1), baseHash: base ? hashText(base.text) : '', text: r.text, author: r.author, note: r.note, createdAt: r.createdAt });
        }
      } else {
        const merged = mergeCopy(kind as MergeableKind, file.data, data);
        const valid = file.adapter.parseText(JSON.stringify(merged));
        if (valid === null) throw new ApiError('conflict', `${c.file} and ${c.copy} do not merge into a valid file (${what}): keep one of them`);
        await file.update(() => valid);
        await store.syncExternalChanges();
      }
      return { file: c.file, kept: 'merged', setAside: await setAside(c.copy) };
    },
  };
}
