import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../shared/export/index.ts';
import { buildDataset } from '../services/dataset.ts';
import { openProject } from '../services/open-project.ts';
import { CorruptFileError } from './durable-json-file.ts';
import { smallProject } from './small-project.fixture.ts';

const TRUNCATED = '{"schemaVersion":1,"na';
const WRONG_SHAPE = '{"schemaVersion":1,"spans":"none"}';

/** A small project where alice annotated c1 once: every file in it was written exactly once, or nearly. */
async function annotatedOnce() {
  const { dir, service } = await smallProject();
  await service.handlers.setReviewer({ name: 'alice' });
  const text = (await service.handlers.getCase({ caseId: 'c1' })).text;
  const at = text.indexOf('26.82%');
  await service.handlers.addSpan({ caseId: 'c1', start: at, end: at + 6, label: 'indicator' });
  await service.store.flush();
  return dir;
}

const backupsOf = (dir: string, file: string) => readdirSync(join(dir, 'backups')).filter((n) => n.startsWith(`${file.split('/').join('__')}.`));
const setAside = (dir: string, file: string) => {
  const folder = join(dir, file, '..');
  const base = file.split('/').at(-1)!;
  return readdirSync(folder).filter((n) => n.startsWith(`${base}.corrupt-`));
};

describe('a file written once has a backup, and is restored from it with its newest content', () => {
  it.each([
    ['casebench.json', TRUNCATED, async (dir: string) => expect((await openProject(dir)).store.info.name).toBe('small')],
    ['schema.json', '', async (dir: string) => expect((await openProject(dir)).store.schema.labels.map((l) => l.id)).toContain('indicator')],
    ['rubric.json', 'not json at all', async (dir: string) => expect((await openProject(dir)).store.rubric.criteria).toHaveLength(4)],
    ['corpus/documents.json', '{"schemaVersion":1,"documents":"x"}', async (dir: string) => expect((await openProject(dir)).store.caseIds).toEqual(['c1', 'c2'])],
    // Written twice in a row (empty, then with the counts): the flush kept the newest version.
    ['reviews/alice.json', TRUNCATED, async (dir: string) => expect((await openProject(dir)).store.reviewerCase('alice', 'c1')).toMatchObject({ spanCount: 1 })],
    ['corpus/cases/c2.json', TRUNCATED, async (dir: string) => expect((await openProject(dir)).store.getCase('c2')!.revisions[0]!.text).toMatch(/^第二个案例/)],
    [
      'reviews/alice.spans/c1.json',
      WRONG_SHAPE,
      async (dir: string) => expect((await (await openProject(dir)).store.spans('alice', 'c1')).map((s) => s.quote.exact)).toEqual(['26.82%']),
    ],
  ])('%s', async (file, corrupt, check) => {
    const dir = await annotatedOnce();
    expect(backupsOf(dir, file).length).toBeGreaterThan(0);
    writeFileSync(join(dir, file), corrupt);
    await check(dir);
    const service = await openProject(dir);
    if (file.includes('.spans/')) await service.store.spans('alice', 'c1');
    // Restored by the check's open: this open finds the file sound.
    expect(service.store.recovered).toEqual([]);
    expect(setAside(dir, file).map((n) => readFileSync(join(dir, file, '..', n), 'utf8'))).toEqual([corrupt]);
  });

  it('says which file it restored, and from when', async () => {
    const dir = await annotatedOnce();
    writeFileSync(join(dir, 'casebench.json'), TRUNCATED);
    const service = await openProject(dir);
    expect(service.store.recovered).toEqual([
      { file: 'casebench.json', at: expect.any(String), message: expect.stringMatching(/^casebench\.json was corrupt \(not valid JSON .*\); it was set aside as casebench\.json\.corrupt-\d+ and the backup of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC restored/) },
    ]);
  });

  it('backs up, when the project opens, the files of a project that has no backups (made before they were taken)', async () => {
    const dir = await annotatedOnce();
    rmSync(join(dir, 'backups'), { recursive: true });
    const service = await openProject(dir);
    await service.store.spans('alice', 'c1');
    await service.store.flush();
    for (const file of ['casebench.json', 'schema.json', 'rubric.json', 'corpus/documents.json', 'corpus/cases/c1.json', 'reviews/alice.json', 'reviews/alice.spans/c1.json']) {
      expect(backupsOf(dir, file), file).toHaveLength(1);
    }
    // A backup is a copy, not a link: damage to the file in place does not reach it.
    writeFileSync(join(dir, 'schema.json'), TRUNCATED);
    expect(readFileSync(join(dir, 'backups', backupsOf(dir, 'schema.json')[0]!), 'utf8')).toMatch(/^\{"schemaVersion":1/);
    // A second open takes no more.
    await (await openProject(dir)).store.flush();
    expect(backupsOf(dir, 'rubric.json')).toHaveLength(1);
  });

  it('still refuses to open, changing nothing, when the project file is corrupt and no backup is good', async () => {
    const dir = await annotatedOnce();
    rmSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'casebench.json'), TRUNCATED);
    await expect(openProject(dir)).rejects.toThrow(CorruptFileError);
    expect(readFileSync(join(dir, 'casebench.json'), 'utf8')).toBe(TRUNCATED);
  });
});

describe('a corrupt span file with no good backup is set aside, and the project goes on', () => {
  it.each([
    ['truncated, no backup', TRUNCATED, 'none'],
    ['of the wrong shape, no backup', WRONG_SHAPE, 'none'],
    ['truncated, and its backup corrupt too', TRUNCATED, 'corrupt'],
  ] as const)('%s', async (_name, corrupt, backup) => {
    const dir = await annotatedOnce();
    // Bob annotates c2 as well: his work must come through untouched.
    const bob = await openProject(dir, 'bob');
    await bob.handlers.addSpan({ caseId: 'c2', start: 0, end: 5, label: 'practice' });
    await bob.store.flush();
    for (const name of backupsOf(dir, 'reviews/alice.spans/c1.json')) {
      if (backup === 'none') rmSync(join(dir, 'backups', name));
      else writeFileSync(join(dir, 'backups', name), '{');
    }
    writeFileSync(join(dir, 'reviews', 'alice.spans', 'c1.json'), corrupt);

    const service = await openProject(dir);
    const dataset = await buildDataset(service);
    const note = /^reviews\/alice\.spans\/c1\.json is corrupt \(.+\) and no good backup of it was found in backups\/\. It was set aside as reviews\/alice\.spans\/c1\.json\.corrupt-\d+, unchanged, and the project opened without it/;
    expect(service.store.recovered).toEqual([{ file: 'reviews/alice.spans/c1.json', at: expect.any(String), message: expect.stringMatching(note) }]);
    expect(dataset.spans.map((s) => `${s.reviewer}:${s.quote.exact}`)).toEqual(['bob:第二个案例']);
    expect(exportDataset(dataset, 'jsonl').files[0]!.data).toContain('第二个案例');
    // Nothing lost: the corrupt file is kept as it was, beside the place it held.
    expect(setAside(dir, 'reviews/alice.spans/c1.json').map((n) => readFileSync(join(dir, 'reviews', 'alice.spans', n), 'utf8'))).toEqual([corrupt]);
    expect(existsSync(join(dir, 'reviews', 'alice.spans', 'c1.json'))).toBe(false);
    // The counts follow what the project now holds.
    const stats = await service.handlers.stats({});
    expect([stats.spans, stats.byReviewer.alice!.spans, stats.byReviewer.bob!.spans]).toEqual([1, 0, 1]);
    await service.store.flush();
    // Alice goes on annotating the case: a new shard, and the project opens cleanly.
    const alice = await openProject(dir, 'alice');
    await alice.handlers.addSpan({ caseId: 'c1', start: 0, end: 4, label: 'practice' });
    await alice.store.flush();
    const again = await openProject(dir);
    expect((await buildDataset(again)).spans).toHaveLength(2);
    expect(again.store.recovered).toEqual([]);
  });

  it('opens without a span file that went missing when none of its backups is readable', async () => {
    const dir = await annotatedOnce();
    for (const name of backupsOf(dir, 'reviews/alice.spans/c1.json')) writeFileSync(join(dir, 'backups', name), '');
    rmSync(join(dir, 'reviews', 'alice.spans', 'c1.json'));
    const service = await openProject(dir);
    expect(await service.store.spans('alice', 'c1')).toEqual([]);
    expect(service.store.recovered.map((r) => r.message)).toEqual([expect.stringMatching(/^reviews\/alice\.spans\/c1\.json was missing and none of its backups in backups\/ is readable/)]);
  });
});
