import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Backups } from './backups.ts';
import { CorruptFileError, DurableJsonFile, type FileKind } from './durable-json-file.ts';
import { hashText } from './file-stamp.ts';
import { KnownFiles } from './known-files.ts';

const schema = z.object({ schemaVersion: z.literal(1), items: z.array(z.string().max(5)) });
type Doc = z.infer<typeof schema>;
const kindOf = (s: z.ZodType<Doc> = schema): FileKind<Doc> => ({ what: 'a test file', version: 1, schema: s, migrations: [] });
const KIND = kindOf();
const LONG_AGO = new Date(Date.UTC(2026, 0, 1));

/** A folder with data.json holding `text`, its modification time long past (settled), and the record's path. */
function setup(text = JSON.stringify({ schemaVersion: 1, items: ['甲', '𠀀😀'] })) {
  const dir = mkdtempSync(join(tmpdir(), 'casebench-known-'));
  const path = join(dir, 'data.json');
  writeFileSync(path, text);
  utimesSync(path, LONG_AGO, LONG_AGO);
  return { dir, path, record: join(dir, 'settings', 'known.json') };
}

/** Read data.json the way a store does, with the record at `record`; how many times the schema checked something, and the stamp. */
async function readWith(dir: string, record: string, kind = KIND) {
  const known = KnownFiles.load(record);
  const check = vi.spyOn(kind.schema, 'safeParse');
  const file = new DurableJsonFile<Doc>(join(dir, 'data.json'), kind, dir, new Backups(dir), { note: () => undefined }, known);
  const value = await file.read();
  const checks = check.mock.calls.length;
  check.mockRestore();
  await file.idle();
  await known.save();
  return { value, checks, stamp: file.lastStamp };
}

describe('KnownFiles', () => {
  it('reads a version found valid before with parsing alone, to the same value and the same stamp', async () => {
    const { dir, path, record } = setup();
    const first = await readWith(dir, record);
    expect(first.checks).toBe(1);
    const second = await readWith(dir, record);
    expect(second.checks).toBe(0);
    expect(second.value).toEqual(first.value);
    expect(second.value).toEqual({ schemaVersion: 1, items: ['甲', '𠀀😀'] });
    expect(second.stamp).toEqual(first.stamp);
    expect(second.stamp!.hash).toBe(hashText(readFileSync(path, 'utf8')));
  });

  it.each<[string, (path: string) => void]>([
    ['rewritten with a new modification time', (p) => writeFileSync(p, JSON.stringify({ schemaVersion: 1, items: ['乙'] }))],
    ['replaced by another file (another inode) of the same size and time', (p) => {
      const other = `${p}.other`;
      writeFileSync(other, JSON.stringify({ schemaVersion: 1, items: ['甲', '𠀀😀'] }).replace('甲', '乙'));
      utimesSync(other, LONG_AGO, LONG_AGO);
      writeFileSync(p, readFileSync(other));
      utimesSync(p, new Date(), new Date());
    }],
  ])('checks a file again once it is %s', async (_name, change) => {
    const { dir, path, record } = setup();
    await readWith(dir, record);
    change(path);
    const again = await readWith(dir, record);
    expect(again.checks).toBe(1);
  });

  it('finds a damaged file damaged, not known, after it changed (and restores it from its backup)', async () => {
    const { dir, path, record } = setup();
    const first = await readWith(dir, record);
    // Valid JSON of the wrong shape (an item too long), written later: the schema must see it.
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, items: ['much too long'] }));
    const again = await readWith(dir, record);
    expect(again.checks).toBeGreaterThan(0);
    expect(again.value).toEqual(first.value);
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(first.value));
  });

  it.each<[string, string, (path: string) => void]>([
    ['written a moment ago (its time could be shared with a later version)', JSON.stringify({ schemaVersion: 1, items: [] }), (p) => utimesSync(p, new Date(), new Date())],
    ['whose text is not its value written out (pretty-printed)', JSON.stringify({ schemaVersion: 1, items: ['a'] }, null, 2), () => undefined],
    ['holding a key the schema drops', JSON.stringify({ schemaVersion: 1, items: ['a'], extra: 1 }), () => undefined],
    ['whose keys are not in the schema’s order', JSON.stringify({ items: ['a'], schemaVersion: 1 }), () => undefined],
  ])('does not take as known a file %s', async (_name, text, touch) => {
    const { dir, path, record } = setup(text);
    touch(path);
    const first = await readWith(dir, record);
    const second = await readWith(dir, record);
    expect(second.checks).toBe(1);
    expect(second.value).toEqual(first.value);
  });

  it('checks every file again when its kind’s schema changed', async () => {
    const { dir, record } = setup();
    await readWith(dir, record);
    // Stricter: the file (and its backup) no longer pass, which only a check can tell.
    const stricter = kindOf(z.object({ schemaVersion: z.literal(1), items: z.array(z.string().max(1)) }));
    await expect(readWith(dir, record, stricter)).rejects.toThrow(CorruptFileError);
    const looser = kindOf(z.object({ schemaVersion: z.literal(1), items: z.array(z.string()) }));
    expect((await readWith(dir, record, looser)).checks).toBe(1);
  });

  it.each([
    ['not JSON', '{"format":1,"entr'],
    ['another format', JSON.stringify({ format: 2, entries: {} })],
    ['entries of the wrong shape', JSON.stringify({ format: 1, entries: { 'data.json': ['x', 'y'] } })],
    ['binary', '\u0000\u0001\u0002'],
  ])('takes a record that is %s as empty: every file is checked, none is lost', async (_name, damaged) => {
    const { dir, record } = setup();
    await readWith(dir, record);
    writeFileSync(record, damaged);
    const again = await readWith(dir, record);
    expect(again.checks).toBe(1);
    expect(again.value).toEqual({ schemaVersion: 1, items: ['甲', '𠀀😀'] });
  });
});

describe('KnownFiles.save', () => {
  it('removes what a workbench killed while saving left, and writes the record whole', async () => {
    const { dir, record } = setup();
    await readWith(dir, record);
    const dead = `${record.replace(/known\.json$/, '')}.known.json.999999.0a1b2c3d.tmp`;
    writeFileSync(dead, '');
    utimesSync(dead, LONG_AGO, LONG_AGO);
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ schemaVersion: 1, items: ['丙'] }));
    utimesSync(join(dir, 'data.json'), LONG_AGO, new Date(LONG_AGO.getTime() + 1000));
    await readWith(dir, record);
    expect(existsSync(dead)).toBe(false);
    expect(JSON.parse(readFileSync(record, 'utf8')).entries['data.json']).toHaveLength(5);
  });
});

describe('KnownFiles.lookingOnly', () => {
  it('uses what the record knows and adds nothing to it', async () => {
    const { dir, record } = setup();
    const known = KnownFiles.load(record);
    const read = (k: KnownFiles) => new DurableJsonFile<Doc>(join(dir, 'data.json'), KIND, dir, new Backups(dir), { note: () => undefined }, k).read();
    const check = vi.spyOn(KIND.schema, 'safeParse');
    await read(known.lookingOnly());
    await read(known.lookingOnly());
    expect(check).toHaveBeenCalledTimes(2);
    await read(known);
    await read(known.lookingOnly());
    expect(check).toHaveBeenCalledTimes(3);
    check.mockRestore();
  });
});
