import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallProject } from '../store/small-project.fixture.ts';
import { openProject } from './open-project.ts';
import { errorOf } from './errors.fixture.ts';

const read = (dir: string, rel: string) => JSON.parse(readFileSync(join(dir, rel), 'utf8'));
const write = (dir: string, rel: string, data: unknown) => writeFileSync(join(dir, rel), typeof data === 'string' ? data : JSON.stringify(data));
const conflictsFolder = (dir: string) => (existsSync(join(dir, 'backups', 'conflicts')) ? readdirSync(join(dir, 'backups', 'conflicts')) : []);

async function annotated() {
  const { dir } = await smallProject();
  const alice = await openProject(dir, 'alice');
  await alice.handlers.addSpan({ caseId: 'c2', start: 0, end: 3, label: 'indicator' });
  await alice.store.flush();
  return { dir, alice };
}

describe('conflict copies from file sync and git', () => {
  it('Syncthing: a copy of schema.json with a label of its own is listed, and merging keeps both sides\' labels', async () => {
    const { dir, alice } = await annotated();
    const schema = read(dir, 'schema.json');
    const label = { id: 'remote', name: { zh: '远端', en: 'Remote' }, color: '#224466', cue: 'solid', glyph: '●', hotkey: '甲', fields: [] };
    write(dir, 'schema.sync-conflict-20240501-101530-ABCDEF7.json', { ...schema, labels: [...schema.labels, label] });
    const [listed] = await alice.handlers.listFileConflicts({});
    expect(listed).toMatchObject({ file: 'schema.json', copy: 'schema.sync-conflict-20240501-101530-ABCDEF7.json', source: 'syncthing', canMerge: true, differences: ['only in the copy: remote'] });
    expect((await alice.handlers.changesSince({ since: 0 })).fileConflicts).toBe(1);
    expect(await alice.handlers.resolveFileConflict({ id: listed!.id, keep: 'merge' })).toMatchObject({ file: 'schema.json', kept: 'merged' });
    expect((await alice.handlers.getSchema({})).labels.map((l) => l.id)).toEqual([...schema.labels.map((l: { id: string }) => l.id), 'remote']);
    expect(read(dir, 'schema.json').labels.at(-1).id).toBe('remote');
    expect(await alice.handlers.listFileConflicts({})).toEqual([]);
    expect(conflictsFolder(dir)).toEqual([expect.stringMatching(/^schema\.sync-conflict-20240501-101530-ABCDEF7\.json\.\d+$/)]);
  });

  it("Dropbox: keeping a reviewer's conflicted copy of a span file replaces it, the version in place set aside", async () => {
    const { dir, alice } = await annotated();
    const rel = 'reviews/alice.spans/c2.json';
    const shard = read(dir, rel);
    const other = { ...shard.spans[0], id: 'from-laptop', start: 3, end: 5, quote: { ...shard.spans[0].quote, exact: '案例' } };
    write(dir, "reviews/alice.spans/c2 (Alice's conflicted copy 2024-05-01).json", { ...shard, spans: [...shard.spans, other] });
    const [listed] = await alice.handlers.listFileConflicts({});
    expect(listed).toMatchObject({ file: rel, source: 'dropbox', differences: ['only in the copy: from-laptop'] });
    const done = await alice.handlers.resolveFileConflict({ id: listed!.id, keep: 'copy' });
    expect(done).toMatchObject({ kept: 'copy', setAside: expect.stringMatching(/^backups\/conflicts\/reviews__alice\.spans__c2\.json\.\d+\.json$/) });
    expect(JSON.parse(readFileSync(join(dir, done.setAside!), 'utf8')).spans).toHaveLength(1);
    expect((await alice.handlers.getCase({ caseId: 'c2' })).spans.map((s) => s.id)).toContain('from-laptop');
  });

  it("OneDrive: a copy with the machine's name is listed, a reviewer whose name merely ends like one is not", async () => {
    const { dir, alice } = await annotated();
    const index = read(dir, 'reviews/alice.json');
    write(dir, 'reviews/alice-LAPTOP7.json', { ...index, cases: {} });
    write(dir, 'reviews/bob-DESKTOP1.json', { schemaVersion: 1, reviewer: 'bob-DESKTOP1', createdAt: index.createdAt, cases: {} });
    write(dir, 'reviews/bob.json', { schemaVersion: 1, reviewer: 'bob', createdAt: index.createdAt, cases: {} });
    const listed = await alice.handlers.listFileConflicts({});
    expect(listed.map((c) => [c.copy, c.source])).toEqual([['reviews/alice-LAPTOP7.json', 'onedrive']]);
    // Keeping the file in place: the copy goes to backups/conflicts, nothing else changes.
    expect(await alice.handlers.resolveFileConflict({ id: 'reviews/alice-LAPTOP7.json', keep: 'current' })).toMatchObject({ kept: 'current' });
    expect(existsSync(join(dir, 'reviews', 'alice-LAPTOP7.json'))).toBe(false);
    expect((await alice.handlers.listCases({})).find((c) => c.id === 'c2')!.spanCounts.alice).toBe(1);
  });

  it('git: a file with conflict markers opens with this side kept, says so, and the merge joins both sides', async () => {
    const { dir } = await annotated();
    const rubric = read(dir, 'rubric.json');
    const ours = { ...rubric, criteria: rubric.criteria.map((c: { weight: number }, i: number) => (i === 0 ? { ...c, weight: 5 } : c)) };
    const extra = { ...rubric.criteria[0], id: 'remote-criterion', name: { zh: '远端', en: 'Remote' } };
    const theirs = { ...rubric, criteria: [...rubric.criteria, extra] };
    write(dir, 'rubric.json', `<<<<<<< HEAD\n${JSON.stringify(ours)}\n=======\n${JSON.stringify(theirs)}\n>>>>>>> laptop\n`);
    const service = await openProject(dir, 'alice');
    expect((await service.handlers.getRubric({})).criteria[0]!.weight).toBe(5);
    expect(service.store.recovered.map((r) => r.message).join('\n')).toMatch(/rubric\.json had git conflict markers.*kept this side \(HEAD\)/);
    const [listed] = await service.handlers.listFileConflicts({});
    expect(listed).toMatchObject({ file: 'rubric.json', source: 'git', canMerge: true });
    expect(listed!.differences.join(' ')).toContain('only in the copy: remote-criterion');
    await service.handlers.resolveFileConflict({ id: listed!.id, keep: 'merge' });
    const merged = await service.handlers.getRubric({});
    expect([merged.criteria[0]!.weight, merged.criteria.at(-1)!.id]).toEqual([5, 'remote-criterion']);
    expect(await service.handlers.listFileConflicts({})).toEqual([]);
  });

  it("a case file's copy with another machine's revision: merging keeps the case's chain and offers the copy's text as a revision conflict", async () => {
    const { dir, alice } = await annotated();
    const caseFile = read(dir, 'corpus/cases/c1.json');
    const remote = { ...caseFile.case.revisions[0], revision: 1, text: `远端前言。\n${caseFile.case.revisions[0].text}`, author: 'laptop', note: '' };
    write(dir, 'corpus/cases/c1.sync-conflict-20240501-101530-ABCDEF7.json', { ...caseFile, case: { ...caseFile.case, revisions: [...caseFile.case.revisions, remote] } });
    const [listed] = await alice.handlers.listFileConflicts({});
    expect(listed).toMatchObject({ file: 'corpus/cases/c1.json', differences: ['1 revision of the text only in the copy'] });
    await alice.handlers.resolveFileConflict({ id: listed!.id, keep: 'merge' });
    expect((await alice.handlers.listRevisions({ caseId: 'c1' })).map((r) => r.revision)).toEqual([0]);
    expect((await alice.handlers.listRevisionConflicts({ caseId: 'c1' })).map((c) => [c.author, c.text])).toEqual([['laptop', remote.text]]);
  });

  it('refuses what it does not list, and a copy that cannot be read is only set aside', async () => {
    const { dir, alice } = await annotated();
    expect(await errorOf(alice.handlers.resolveFileConflict({ id: '../../etc/passwd', keep: 'copy' }))).toMatchObject({ code: 'not-found' });
    write(dir, 'schema (conflicted copy 2024-05-01).json', '{ not json');
    const [listed] = await alice.handlers.listFileConflicts({});
    expect(listed).toMatchObject({ canMerge: false, differences: ['the copy is not readable as such a file'] });
    expect(await errorOf(alice.handlers.resolveFileConflict({ id: listed!.id, keep: 'copy' }))).toMatchObject({ code: 'invalid-input' });
    await alice.handlers.resolveFileConflict({ id: listed!.id, keep: 'current' });
    expect(await alice.handlers.listFileConflicts({})).toEqual([]);
  });
});
