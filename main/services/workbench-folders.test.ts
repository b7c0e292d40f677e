import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, validateInput } from '../../shared/api/errors.ts';
import { documentIdFromFile } from '../../shared/ingest/index.ts';
import { createProject, openProject } from './open-project.ts';
import { RecentProjects } from './recent-projects.ts';
import { Workbench, type HostDialogs } from './workbench.ts';

/**
 * A leaked token (serve) or a compromised page (desktop) must not reach the whole disk: the page
 * opens and creates projects only in folders the person named (on the command line) or chose in
 * a native dialog, and the list of recent projects shows only those.
 */
async function setting(dialogs?: HostDialogs) {
  const root = mkdtempSync(join(tmpdir(), 'casebench-folders-'));
  const recent = new RecentProjects(join(root, 'settings', 'recent-projects.json'));
  const mine = join(root, 'mine');
  const other = join(root, 'other');
  await createProject(mine, []);
  await createProject(other, []);
  // The machine's settings know another project, opened in another session.
  await recent.touch(other, 'other');
  const w = new Workbench(await openProject(mine), recent, dialogs ? { dialogs } : {});
  return { root, recent, mine, other, w };
}

const call = (w: Workbench, method: string, input: unknown) => (w.handlers as unknown as Record<string, (i: unknown) => Promise<unknown>>)[method]!(validateInput(method as never, input));
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ApiError);
  expect(e).toMatchObject({ code: 'forbidden' });
  return (e as Error).message;
};

describe('Workbench: folders the page may open and create projects in', () => {
  it('lists as recent only the folders it may open', async () => {
    const { w, mine } = await setting();
    const dirs = ((await call(w, 'recentProjects', {})) as Array<{ dir: string }>).map((p) => p.dir);
    expect(dirs).toEqual([mine]);
  });

  it('refuses to open a project it was not given, and stays on its own', async () => {
    const { w, mine, other } = await setting();
    expect(await refusal(call(w, 'openProject', { dir: other }))).toMatch(/only in the folders named when casebench started .* or chosen in a folder dialog/);
    expect(await refusal(call(w, 'openProject', { dir: '/' }))).toMatch(/^\/: /);
    expect(((await call(w, 'projectInfo', {})) as { dir: string }).dir).toBe(mine);
  });

  it.each([
    ['createProject', (dir: string) => ({ dir, sample: false })],
    ['commitImport', (dir: string) => ({ draftId: '00000000-0000-4000-8000-000000000000', dir })],
  ])('%s in a folder it was not given creates nothing', async (method, input) => {
    const { w, root } = await setting();
    const target = join(root, 'elsewhere', 'new');
    await refusal(call(w, method, input(target)));
    expect(existsSync(join(root, 'elsewhere'))).toBe(false);
  });

  it('opens and creates projects in folders chosen in the host’s dialog', async () => {
    let next: string | null = null;
    const { w, other, root } = await setting({ chooseFolder: async () => next });
    next = other;
    expect(await call(w, 'chooseFolder', { purpose: 'open' })).toBe(other);
    expect(((await call(w, 'openProject', { dir: other })) as { dir: string }).dir).toBe(other);
    next = join(root, 'fresh');
    mkdirSync(next);
    expect(await call(w, 'chooseFolder', { purpose: 'create' })).toBe(next);
    expect(((await call(w, 'createProject', { dir: next, sample: false })) as { dir: string }).dir).toBe(next);
  });

  it('asks the person, in the host’s dialog, about a folder typed in the page: their choice is what opens', async () => {
    const asked: Array<[string, string | undefined]> = [];
    let answer: string | null = null;
    const { w, other } = await setting({
      chooseFolder: async (purpose, defaultPath) => {
        asked.push([purpose, defaultPath]);
        return answer;
      },
    });
    // Cancelled: refused, nothing opened.
    await refusal(call(w, 'openProject', { dir: other }));
    answer = other;
    expect(((await call(w, 'openProject', { dir: other })) as { dir: string }).dir).toBe(other);
    expect(asked).toEqual([
      ['open', other],
      ['open', other],
    ]);
  });

  it('holds a folder it was given to that folder: no way out through .. or a symbolic link', async () => {
    const { w, mine, other } = await setting();
    await refusal(call(w, 'openProject', { dir: join(mine, '..', 'other') }));
    symlinkSync(other, join(mine, 'link'));
    await refusal(call(w, 'openProject', { dir: join(mine, 'link') }));
    await refusal(call(w, 'createProject', { dir: join(mine, 'link', 'x'), sample: false }));
    expect(readdirSync(other)).not.toContain('x');
  });
});

describe('a new project never overwrites a file casebench did not make', () => {
  it('keeps the folder’s own .gitattributes as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-own-'));
    writeFileSync(join(dir, '.gitattributes'), '*.png binary\n');
    await createProject(dir, []);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe('*.png binary\n');
  });

  it('writes its .gitattributes in a folder that has none', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-own-')), 'p');
    await createProject(dir, []);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toMatch(/\*\.json text eol=lf/);
  });

  it.each(['schema.json', 'rubric.json', 'compendium.json', 'corpus', 'reviews'])('refuses a folder that holds a %s of its own, changing nothing', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-own-'));
    if (name.endsWith('.json')) writeFileSync(join(dir, name), 'theirs');
    else mkdirSync(join(dir, name));
    await expect(createProject(dir, [])).rejects.toThrow(new RegExp(`${name.replace('.', '\\.')}.*did not make`));
    expect(readdirSync(dir)).toEqual([name]);
    if (name.endsWith('.json')) expect(readFileSync(join(dir, name), 'utf8')).toBe('theirs');
  });
});

describe('a document’s source is kept beside the folder’s own files, never over them', () => {
  it('takes the next free name in sources/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-own-'));
    mkdirSync(join(dir, 'sources'));
    const id = documentIdFromFile('hebei.txt');
    writeFileSync(join(dir, 'sources', `${id}.txt`), 'theirs');
    const input = join(mkdtempSync(join(tmpdir(), 'casebench-input-')), 'hebei.txt');
    writeFileSync(input, '某市推进健康促进\n\n一、工作背景\n\n近年来，某市高度重视健康促进工作。\n');
    const { service } = await createProject(dir, [{ path: input }]);
    expect(readFileSync(join(dir, 'sources', `${id}.txt`), 'utf8')).toBe('theirs');
    const [doc] = service.store.documents;
    expect(doc!.source).toBe(`sources/${id}-2.txt`);
    expect(readFileSync(join(dir, doc!.source!), 'utf8')).toMatch(/^某市推进健康促进/);
  });
});
