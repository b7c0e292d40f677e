import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Backups } from './backups.ts';
import { CorruptFileError, DurableJsonFile, type FileKind } from './durable-json-file.ts';
import { NewerFileError } from './migrations.ts';

const schema = z.object({ schemaVersion: z.literal(2), items: z.array(z.string()) });
type Doc = z.infer<typeof schema>;
const kind: FileKind<Doc> = {
  what: 'a test file',
  version: 2,
  schema,
  // Version 1 stored a comma-separated string; version 2 an array.
  migrations: [{ from: 1, to: 2, describe: 'items become an array', migrate: (d) => ({ ...d, items: String(d.items).split(',').filter(Boolean) }) }],
};

function setup(minIntervalMs = 0, fileKind: FileKind<Doc> = kind) {
  const dir = mkdtempSync(join(tmpdir(), 'casebench-durable-'));
  const notes: string[] = [];
  const backups = new Backups(dir, 3, minIntervalMs);
  const file = (name = 'data.json') => new DurableJsonFile<Doc>(join(dir, name), fileKind, dir, backups, { note: (_f, m) => notes.push(m) });
  return { dir, notes, backups, file };
}

const backupTexts = (dir: string) =>
  readdirSync(join(dir, 'backups'))
    .filter((n) => !n.endsWith('.tmp'))
    .sort()
    .map((n) => readFileSync(join(dir, 'backups', n), 'utf8'));

describe('DurableJsonFile', () => {
  it('writes, reads back and leaves no temp files', async () => {
    const { dir, file } = setup();
    const db = new Low<Doc>(file(), { schemaVersion: 2, items: [] });
    await db.update((d) => d.items.push('一'));
    await db.update((d) => d.items.push('二'));
    const again = new Low<Doc>(file(), { schemaVersion: 2, items: [] });
    await again.read();
    expect(again.data.items).toEqual(['一', '二']);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('coalesces a burst of writes without losing any of them', async () => {
    const { dir, file } = setup(60_000);
    const adapter = file();
    const db = new Low<Doc>(adapter, { schemaVersion: 2, items: [] });
    await Promise.all(Array.from({ length: 50 }, (_, i) => db.update((d) => d.items.push(String(i)))));
    const onDisk = JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8'));
    expect(onDisk.items).toHaveLength(50);
  });

  it('migrates older files in order and refuses newer ones', async () => {
    const { dir, file } = setup();
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ schemaVersion: 1, items: 'a,b' }));
    expect(await file('old.json').read()).toEqual({ schemaVersion: 2, items: ['a', 'b'] });
    writeFileSync(join(dir, 'new.json'), JSON.stringify({ schemaVersion: 9, items: [] }));
    await expect(file('new.json').read()).rejects.toThrow(NewerFileError);
    await expect(file('new.json').read()).rejects.toThrow(/new\.json was written by a newer casebench/);
  });

  it('returns null for a file that does not exist yet', async () => {
    expect(await setup().file('none.json').read()).toBeNull();
  });

  it.each([
    ['truncated JSON', '{"schemaVersion":2,"items":["a"'],
    ['an empty file', ''],
    ['valid JSON of the wrong shape', '{"schemaVersion":2,"items":"oops"}'],
    ['binary garbage', '\u0000\u0001\u0002'],
  ])('restores the newest good backup when the file is %s, and says so', async (_name, corrupt) => {
    const { dir, notes, file } = setup();
    const db = new Low<Doc>(file(), { schemaVersion: 2, items: [] });
    await db.update((d) => d.items.push('first'));
    await db.update((d) => d.items.push('second')); // backs up the file holding ["first"]
    writeFileSync(join(dir, 'data.json'), corrupt);
    const restored = await file().read();
    expect(restored!.items).toEqual(['first']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^data\.json was corrupt \(.+\); it was set aside as data\.json\.corrupt-\d+ and the backup of .+ restored/);
    const setAside = readdirSync(dir).find((n) => n.startsWith('data.json.corrupt-'))!;
    expect(readFileSync(join(dir, setAside), 'utf8')).toBe(corrupt);
    expect(JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8')).items).toEqual(['first']);
  });

  it('fails clearly, changing nothing, when no backup is good', async () => {
    const { dir, file } = setup();
    writeFileSync(join(dir, 'data.json'), '{"broken');
    await expect(file().read()).rejects.toThrow(CorruptFileError);
    await expect(file().read()).rejects.toThrow(/data\.json is corrupt \(not valid JSON.*\) and no good backup/);
    expect(readFileSync(join(dir, 'data.json'), 'utf8')).toBe('{"broken');
  });

  it('brings back a file that went missing between backup and rename', async () => {
    const { dir, notes, file } = setup();
    const db = new Low<Doc>(file(), { schemaVersion: 2, items: [] });
    await db.update((d) => d.items.push('kept'));
    await db.update((d) => d.items.push('later'));
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'data.json'));
    expect((await file().read())!.items).toEqual(['kept']);
    expect(notes[0]).toMatch(/data\.json was missing; restored/);
    expect(existsSync(join(dir, 'data.json'))).toBe(true);
  });
});

describe('DurableJsonFile: backups of files written once, and of the newest version', () => {
  it.each([
    // [writes within the interval, flushed?, backups expected (oldest first)]
    ['one write', ['a'], false, [['a']]],
    ['one write, flushed: nothing more to keep', ['a'], true, [['a']]],
    ['two quick writes: the first, then the newest at the flush', ['a', 'b'], true, [['a'], ['a', 'b']]],
    ['two quick writes, not flushed: the first only', ['a', 'b'], false, [['a']]],
  ])('%s', async (_name, items, flush, expected) => {
    const { dir, backups, file } = setup(60_000);
    const db = new Low<Doc>(file(), { schemaVersion: 2, items: [] });
    for (const item of items) await db.update((d) => d.items.push(item));
    if (flush) await backups.flushPending(Date.now() + 1);
    expect(backupTexts(dir).map((t) => JSON.parse(t).items)).toEqual(expected);
  });

  it('keeps a copy, not a link: damage to the file in place does not reach its backup', async () => {
    const { dir, file } = setup();
    await new Low<Doc>(file(), { schemaVersion: 2, items: [] }).update((d) => d.items.push('kept'));
    writeFileSync(join(dir, 'data.json'), '{"broken');
    expect(backupTexts(dir)).toEqual(['{"schemaVersion":2,"items":["kept"]}']);
    expect((await file().read())!.items).toEqual(['kept']);
  });

  it('backs up, once, a sound file it reads that has no backup', async () => {
    const { dir, file } = setup();
    writeFileSync(join(dir, 'data.json'), '{"schemaVersion":2,"items":["old"]}');
    for (let i = 0; i < 3; i++) {
      const adapter = file();
      await adapter.read();
      await adapter.idle();
    }
    expect(backupTexts(dir)).toEqual(['{"schemaVersion":2,"items":["old"]}']);
  });
});

describe("DurableJsonFile: a kind the project can do without ('set-aside')", () => {
  it.each([
    ['not JSON', '{"broken'],
    ['the wrong shape', '{"schemaVersion":2,"items":"oops"}'],
  ])('sets aside a corrupt file with no good backup (%s), says so and reads nothing', async (_name, corrupt) => {
    const { dir, notes, file } = setup(0, { ...kind, unrecoverable: 'set-aside' });
    writeFileSync(join(dir, 'data.json'), corrupt);
    const adapter = file();
    expect(await adapter.read()).toBeNull();
    expect(notes).toEqual([expect.stringMatching(/^data\.json is corrupt \(.+\) and no good backup of it was found in backups\/\. It was set aside as data\.json\.corrupt-\d+, unchanged, and the project opened without it: a test file in it are not shown/)]);
    expect(adapter.setAsideAs).toMatch(/data\.json\.corrupt-\d+$/);
    expect(readFileSync(adapter.setAsideAs!, 'utf8')).toBe(corrupt);
    expect(existsSync(join(dir, 'data.json'))).toBe(false);
  });

  it('still restores a good backup when there is one', async () => {
    const { dir, notes, file } = setup(0, { ...kind, unrecoverable: 'set-aside' });
    await new Low<Doc>(file(), { schemaVersion: 2, items: [] }).update((d) => d.items.push('first'));
    writeFileSync(join(dir, 'data.json'), '');
    expect((await file().read())!.items).toEqual(['first']);
    expect(notes[0]).toMatch(/^data\.json was corrupt .* the backup of .+ restored/);
  });
});

describe('Backups', () => {
  it('keeps only the newest few and takes at most one per interval', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-backups-'));
    const backups = new Backups(dir, 3, 1000);
    const f = join(dir, 'x.json');
    writeFileSync(f, '{}');
    for (let t = 0; t < 10; t++) await backups.beforeReplace(f, 1_700_000_000_000 + t * 600);
    // Ten attempts 600 ms apart with a 1 s interval: every other one is taken, the newest three kept.
    expect(await backups.list(f)).toHaveLength(3);
  });

  it('prunes the backups an earlier session left with those it takes, the newest kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-backups-'));
    const f = join(dir, 'x.json');
    writeFileSync(f, '{"v":2}');
    mkdirSync(join(dir, 'backups'));
    for (let d = 1; d <= 5; d++) writeFileSync(join(dir, 'backups', `x.json.2026010${d}T000000000Z.json`), `{"v":${d}}`);
    const backups = new Backups(dir, 3, 1000);
    await backups.beforeReplace(f, Date.parse('2026-02-01T00:00:00Z'));
    expect((await backups.list(f)).map((p) => p.slice(-24))).toEqual(['20260201T000000000Z.json', '20260105T000000000Z.json', '20260104T000000000Z.json']);
  });
});
