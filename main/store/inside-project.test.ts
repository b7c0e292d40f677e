import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../services/open-project.ts';
import type { DocumentsFile } from './file-kinds.ts';
import { smallProject } from './small-project.fixture.ts';

/**
 * A project folder from someone else (a shared folder, a download) may point outside itself: a
 * document's source "../outside/secret.txt", backups/ or exports/ as symbolic links. casebench
 * reads and writes only inside the project.
 */
const SECRET = 'SECRET-1234 the key to the kingdom';

async function hostile() {
  const { dir, service } = await smallProject();
  await service.handlers.setReviewer({ name: 'alice' });
  await service.store.flush();
  const outside = join(dir, '..', 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), SECRET);
  return { dir, outside };
}

function setSource(dir: string, source: string) {
  const path = join(dir, 'corpus', 'documents.json');
  const file = JSON.parse(readFileSync(path, 'utf8')) as DocumentsFile;
  file.documents[0]!.source = source;
  writeFileSync(path, JSON.stringify(file));
}

const everything = (v: unknown) => JSON.stringify(v);

describe('reads stay inside the project', () => {
  it.each([
    ['a path up and out', '../outside/secret.txt'],
    ['a path out through sources/', 'sources/../../outside/secret.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a symbolic link in sources/', 'sources/link.txt'],
  ])('a document source given as %s is not read', async (_what, source) => {
    const { dir, outside } = await hostile();
    mkdirSync(join(dir, 'sources'), { recursive: true });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'sources', 'link.txt'));
    setSource(dir, source);
    const service = await openProject(dir, 'alice');
    for (const call of [() => service.handlers.sourceExcerpt({ caseId: 'c1', start: 0, end: 4 }), () => service.handlers.sourceFile({ documentId: 'doc' })]) {
      const outcome = await call().then(
        (v) => ({ ok: true, v }),
        (e: Error) => ({ ok: false, v: e.message, code: (e as { code?: string }).code }),
      );
      expect(everything(outcome)).not.toContain('SECRET');
      expect(Buffer.from(everything(outcome)).toString()).not.toContain(Buffer.from(SECRET).toString('base64').slice(0, 12));
      expect(outcome).toMatchObject({ ok: false, code: 'forbidden', v: expect.stringMatching(/outside the project folder/) });
    }
  });

  it('a project file that is a symbolic link to a file outside is not read', async () => {
    const { dir, outside } = await hostile();
    writeFileSync(join(outside, 'case.json'), readFileSync(join(dir, 'corpus', 'cases', 'c2.json'), 'utf8').replace('第二个案例', SECRET));
    rmSync(join(dir, 'corpus', 'cases', 'c2.json'));
    symlinkSync(join(outside, 'case.json'), join(dir, 'corpus', 'cases', 'c2.json'));
    const service = await openProject(dir, 'alice');
    // The case comes back from its backup; the linked file's text is never shown.
    expect((await service.handlers.getCase({ caseId: 'c2' })).text).toMatch(/^第二个案例/);
    expect(everything(service.store.recovered)).toMatch(/symbolic link/);
  });
});

describe('writes stay inside the project', () => {
  /** Replace the project's `folder` with a link to an empty folder outside it. */
  function linkOut(dir: string, outside: string, folder: string): string {
    const target = join(outside, folder);
    mkdirSync(target, { recursive: true });
    if (existsSync(join(dir, folder))) renameSync(join(dir, folder), join(mkdtempSync(join(dir, '..', 'old-')), folder.replace('/', '-')));
    symlinkSync(target, join(dir, folder));
    return target;
  }

  it.each(['backups', 'exports', 'reviews', 'corpus/cases'])('%s/ as a link to a folder outside: the project does not open, and nothing is written there', async (folder) => {
    const { dir, outside } = await hostile();
    const target = linkOut(dir, outside, folder);
    const before = readdirSync(target);
    await expect(openProject(dir, 'alice')).rejects.toThrow(new RegExp(`"${folder}" leads outside the project folder`));
    expect(readdirSync(target)).toEqual(before);
  });

  it('exports/ made a link while the project is open: the export fails, saying why, and writes nothing there', async () => {
    const { dir, outside } = await hostile();
    const service = await openProject(dir, 'alice');
    const target = linkOut(dir, outside, 'exports');
    let job = service.handlers.startExport({ format: 'csv' }) as unknown as Awaited<ReturnType<typeof service.handlers.exportStatus>>;
    job = await job;
    for (let i = 0; i < 100 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = await service.handlers.exportStatus({ jobId: job.id });
    }
    expect(job).toMatchObject({ state: 'failed', error: expect.stringMatching(/"exports" leads outside the project folder/) });
    expect(readdirSync(target)).toEqual([]);
  });

  it('backups/ made a link while the project is open: writes are refused, saying why, and nothing is written there', async () => {
    const { dir, outside } = await hostile();
    const service = await openProject(dir, 'alice');
    const target = linkOut(dir, outside, 'backups');
    await expect(service.handlers.addSpan({ caseId: 'c1', start: 0, end: 2, label: 'practice' })).rejects.toThrow(/"backups" leads outside the project folder/);
    await service.store.flush();
    expect(readdirSync(target)).toEqual([]);
  });
});
