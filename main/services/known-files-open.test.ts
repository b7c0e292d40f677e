import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FILE_KINDS } from '../store/file-kinds.ts';
import { ProjectStore } from '../store/project-store.ts';
import { createProject, knownFilesOf, openProject } from './open-project.ts';

/** Every file of the project dated an hour back (files a workbench finds on opening are seldom seconds old). */
function age(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) utimesSync(join(e.parentPath, e.name), past, past);
  }
}

/** What a store holds of the project: every case, document, reviewer entry and shard. */
async function contents(store: ProjectStore) {
  const shards: Record<string, unknown> = {};
  for (const r of store.reviewers) for (const id of store.caseIds) shards[`${r}/${id}`] = await store.spansForReading(r, id);
  return {
    info: store.info,
    schema: store.schema,
    rubric: store.rubric,
    documents: store.documents,
    cases: store.caseIds.map((id) => store.getCase(id)),
    reviewers: store.reviewers.map((r) => store.reviewer(r)),
    shards,
  };
}

describe('opening with the files this machine found valid before (known-files.ts)', () => {
  it('reads the bundled corpus with its annotations to the same project as checking every file', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-known-open-')), 'p');
    const { service } = await createProject(dir, null);
    const api = service.handlers;
    await api.setReviewer({ name: '张三' });
    const [first, second] = await api.listCases({});
    const text = (await api.getCase({ caseId: first!.id })).text;
    const at = text.indexOf('健康');
    await api.addSpan({ caseId: first!.id, start: at, end: at + 2, label: 'lesson', note: '𠀀😀' });
    await api.setCaseStatus({ caseId: second!.id, status: 'done' });
    await service.store.flush();
    age(dir);

    const checked = await contents(await ProjectStore.open(dir));
    // The first opening remembers what it found valid; the second reads those files by parsing alone.
    await (await openProject(dir, '张三')).store.flush();
    expect(statSync(knownFilesOf(dir)).size).toBeGreaterThan(1000);
    const caseChecks = vi.spyOn(FILE_KINDS.case.schema, 'safeParse');
    const known = await openProject(dir, '张三');
    // None of the 87 case files was checked again.
    expect(caseChecks).not.toHaveBeenCalled();
    caseChecks.mockRestore();
    expect(await contents(known.store)).toEqual(checked);

    // A file changed since is checked again: a damaged case file is restored from its backup, as without the record.
    writeFileSync(join(dir, 'corpus', 'cases', `${first!.id}.json`), '{"schemaVersion":1,"case":{"id":1}}');
    const repaired = await openProject(dir, '张三');
    expect(repaired.store.getCase(first!.id)).toEqual(checked.cases[0]);
    expect(repaired.store.recovered.some((r) => r.file.includes(first!.id))).toBe(true);
  }, 60_000);
});
