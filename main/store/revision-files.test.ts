import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inChain, RevisionFiles } from './revision-files.ts';
import { smallProject } from './small-project.fixture.ts';
import { openProject } from '../services/open-project.ts';

const rev = (text: string, author = 'alice') => ({ caseId: 'c1', revision: 1, baseRevision: 0, baseHash: 'h', text, author, note: '', createdAt: '2024-05-01T00:00:00.000Z' });

describe('revision files', () => {
  it('are never replaced: two writers get two files, the same writer storing the same text finds its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-revfiles-'));
    const files = new RevisionFiles(dir);
    const a = await files.write(rev('甲的文字𠀀', 'alice'));
    const b = await files.write(rev('乙的文字😀', 'bob'));
    expect(await files.write(rev('甲的文字𠀀', 'alice'))).toBe(a);
    expect(a).toMatch(/^0001-alice-[A-Za-z0-9_-]{12}$/);
    expect((await files.list('c1')).map((r) => [r.id, r.text])).toEqual([
      [a, '甲的文字𠀀'],
      [b, '乙的文字😀'],
    ].sort());
    await files.resolve('c1', a, { action: 'discarded', by: 'carol', at: '2024-05-02T00:00:00.000Z' });
    await expect(files.resolve('c1', a, { action: 'applied', by: 'dan', at: '2024-05-02T00:00:00.000Z' })).rejects.toMatchObject({ code: 'exists' });
    expect((await files.list('c1')).find((r) => r.id === a)!.resolution).toMatchObject({ action: 'discarded', by: 'carol' });
    expect(readdirSync(join(dir, 'corpus', 'revisions', 'c1')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('tell a text of the chain from one that is not', () => {
    const chain = [{ text: 'a' }, { text: 'b' }, { text: 'c' }];
    expect(inChain({ revision: 1, text: 'b' }, chain)).toBe(true);
    expect(inChain({ revision: 1, text: 'c' }, chain)).toBe(true); // stored again on a newer base
    expect(inChain({ revision: 2, text: 'b' }, chain)).toBe(false);
    expect(inChain({ revision: 1, text: 'x' }, chain)).toBe(false);
  });

  it('are not written through corpus/revisions linked out of the project: the project does not open, and a link made later is refused', async () => {
    const { dir } = await smallProject();
    const outside = mkdtempSync(join(tmpdir(), 'casebench-outside-'));
    mkdirSync(join(dir, 'corpus', 'revisions'), { recursive: true });
    symlinkSync(outside, join(dir, 'corpus', 'revisions', 'c1'));
    const api = (await openProject(dir, 'alice')).handlers;
    const text = (await api.getCase({ caseId: 'c1' })).text;
    await expect(api.reviseText({ caseId: 'c1', text: `${text}\n尾。` })).rejects.toMatchObject({ code: 'outside' });
    expect(readdirSync(outside)).toEqual([]);
    const other = await smallProject();
    symlinkSync(outside, join(other.dir, 'corpus', 'revisions'));
    await expect(openProject(other.dir)).rejects.toMatchObject({ code: 'outside' });
    expect(existsSync(join(outside, 'c1'))).toBe(false);
  });
});
