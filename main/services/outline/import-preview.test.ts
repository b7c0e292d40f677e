import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateInput } from '../../../shared/api/errors.ts';
import { MAX_INPUT_BASE64, MAX_PREVIEW_FILES, type OutlineView } from '../../../shared/outline/index.ts';
import type { CaseFile, DocumentsFile, OutlineFile } from '../../store/file-kinds.ts';
import { createProject, openProject } from '../open-project.ts';
import { RecentProjects } from '../recent-projects.ts';
import { Workbench } from '../workbench.ts';
import { FolderAccess } from '../folder-access.ts';
import { MISREAD_MD, paragraphIn, readJson, withBingInYi } from './outline.fixture.ts';

async function workbench() {
  const root = mkdtempSync(join(tmpdir(), 'casebench-preview-'));
  const dir = join(root, 'open');
  await createProject(dir, []);
  // New projects may be made anywhere in root (the folder rule itself: workbench-folders.test.ts).
  const access = new FolderAccess();
  await access.grant(root, true);
  const w = new Workbench(await openProject(dir, '张三'), new RecentProjects(join(root, 'settings', 'recent.json')), { access });
  return { root, dir, w };
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const paragraph = (view: OutlineView, text: string) => {
  for (const c of view.cases) for (const p of c.paragraphs) if (p.text === text) return { caseId: c.id, at: p.start };
  throw new Error(`no paragraph "${text}": the loader reads the fixture differently now`);
};
const call = <K extends keyof Workbench['handlers']>(w: Workbench, method: K, input: unknown) => (w.handlers[method] as (i: unknown) => Promise<unknown>)(validateInput(method, input));

describe('import preview', () => {
  it('shows the outline before anything is written, takes split, merge and retitle, and commits with the corrections', async () => {
    const { dir, w } = await workbench();
    const before = readdirSync(join(dir, 'corpus', 'cases'));
    const preview = (await call(w, 'previewImport', { files: [{ name: 'misread.md', content: base64(MISREAD_MD) }, { name: 'empty.txt', content: '' }], target: 'open' })) as Awaited<ReturnType<Workbench['handlers']['previewImport']>>;
    expect(preview.errors).toEqual([{ file: 'empty.txt', message: expect.stringMatching(/empty\.txt: file is empty/) }]);
    const [doc] = preview.documents;
    expect(doc).toMatchObject({ file: 'misread.md', documentId: 'misread', encoding: 'utf-8' });
    expect(doc!.confidence).toBeGreaterThan(0);
    expect(doc!.cases[0]).toMatchObject({ title: '推进全民健康促进', region: '甲市' });
    expect(doc!.cases[0]!.sections.slice(0, 2).map((s) => [s.heading, s.kinds])).toEqual([
      ['工作背景', ['background']],
      ['主要做法', ['practices']],
    ]);
    // Nothing written yet.
    expect(readdirSync(join(dir, 'corpus', 'cases'))).toEqual(before);

    const edit = (e: unknown) => call(w, 'editImport', { draftId: preview.draftId, document: 0, edit: e }) as Promise<OutlineView>;
    let view = await withBingInYi(doc!, edit as never);
    const merges = view.corrections.length;
    const bing = paragraph(view, '丙区：打造健康社区');
    view = await edit({ op: 'split', caseId: bing.caseId, at: bing.at, titleFromParagraph: true });
    const x = view.cases.at(-1)!.id;
    expect(x).toMatch(/^misread-x\d+$/);
    view = await edit({ op: 'retitle', caseId: x, title: '打造健康社区示范' });
    expect(view.cases.at(-1)).toMatchObject({ id: x, title: '打造健康社区示范', region: '丙区' });
    expect(view.cases.at(-2)).toMatchObject({ region: '乙县' });
    expect(paragraphIn(view, '乙县高血压患者')!.caseId).toBe(view.cases.at(-2)!.id);
    expect(view.corrections.map((k) => k.op).slice(merges)).toEqual(['split', 'retitle']);
    // Undo in the preview: its list of corrections, one shorter.
    const undone = (await call(w, 'editImport', { draftId: preview.draftId, document: 0, corrections: view.corrections.slice(0, -1) })) as OutlineView;
    expect(undone.cases.at(-1)!.title).toBe('打造健康社区');
    await expect(edit({ op: 'merge', caseId: x })).rejects.toThrow(/last case/);

    await call(w, 'commitImport', { draftId: preview.draftId, corrections: [view.corrections] });
    const docs = readJson<DocumentsFile>(dir, 'corpus', 'documents.json').documents;
    expect(docs.map((d) => [d.id, d.caseIds])).toEqual([['misread', view.cases.map((c) => c.id)]]);
    expect(readJson<CaseFile>(dir, 'corpus', 'cases', `${x}.json`).case).toMatchObject({ title: '打造健康社区示范', region: '丙区', ordinal: view.cases.length });
    expect(readJson<OutlineFile>(dir, 'corpus', 'outline', 'misread.json').corrections).toEqual(view.corrections);
    expect(existsSync(join(dir, 'sources', 'misread.md'))).toBe(true);
    // The draft is gone once committed.
    await expect(call(w, 'commitImport', { draftId: preview.draftId })).rejects.toThrow(/no longer open/);
  });

  it('makes a new project from files and opens it', async () => {
    const { root, w } = await workbench();
    const preview = (await call(w, 'previewImport', { files: [{ name: 'misread.md', content: base64(MISREAD_MD) }], target: 'new' })) as { draftId: string };
    const view = (await call(w, 'editImport', { draftId: preview.draftId, document: 0, edit: { op: 'drop-case', caseId: 'misread-02' } })) as OutlineView;
    const fresh = join(root, 'fresh');
    await expect(call(w, 'commitImport', { draftId: preview.draftId })).rejects.toThrow(/give its folder/);
    const info = (await call(w, 'commitImport', { draftId: preview.draftId, dir: fresh, name: '新项目' })) as { dir: string; name: string; caseCount: number };
    expect(info).toMatchObject({ name: '新项目', caseCount: view.cases.length });
    expect(view.cases.map((c) => c.id)).not.toContain('misread-02');
    expect(readJson<OutlineFile>(fresh, 'corpus', 'outline', 'misread.json').corrections.map((k) => k.op)).toEqual(['drop-case']);
  });

  it('refuses content that is not base64, and too many files', () => {
    expect(() => validateInput('previewImport', { files: [{ name: 'a.txt', content: '不是base64' }], target: 'open' })).toThrow(/base64/);
    expect(() => validateInput('previewImport', { files: [], target: 'open' })).toThrow(/files/);
    const one = { name: 'a.txt', content: base64('健康') };
    expect(() => validateInput('previewImport', { files: Array.from({ length: MAX_PREVIEW_FILES }, () => one), target: 'open' })).not.toThrow();
    expect(() => validateInput('previewImport', { files: Array.from({ length: MAX_PREVIEW_FILES + 1 }, () => one), target: 'open' })).toThrow(/files/);
  });

  it('takes files up to the size of one load together, and refuses more (each within the limit)', () => {
    const half = { name: 'half.txt', content: 'A'.repeat(MAX_INPUT_BASE64 / 2) };
    expect(() => validateInput('previewImport', { files: [half, half], target: 'open' })).not.toThrow();
    const over = { name: 'more.txt', content: 'A'.repeat(MAX_INPUT_BASE64 / 2 + 4) };
    expect(() => validateInput('previewImport', { files: [half, over], target: 'open' })).toThrow(/together/);
  });
});
