import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../store/project-store.ts';
import { errorOf } from './errors.fixture.ts';
import { createProject, openProject } from './open-project.ts';

const PDF = join(import.meta.dirname, '../pdf/testdata/official.pdf');

async function pdfProject() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-layout-')), 'p');
  const { service } = await createProject(dir, [{ path: PDF }]);
  await service.handlers.setReviewer({ name: 'alice' });
  await service.store.flush();
  return { dir, service };
}

describe('a PDF document in a project: its layout, its pages, its original file', () => {
  it('keeps the layout beside the cases, and shows a range on its page with its boxes', async () => {
    const { dir, service } = await pdfProject();
    const layout = JSON.parse(readFileSync(join(dir, 'corpus', 'layout', 'official.json'), 'utf8'));
    expect(layout.schemaVersion).toBe(1);
    const caseId = service.store.caseIds[0]!;
    const text = (await service.handlers.getCase({ caseId })).text;
    const at = text.indexOf('成人超重率为37.7%');
    const ex = await service.handlers.sourceExcerpt({ caseId, start: at, end: at + 11 });
    expect(ex).toMatchObject({ found: true, quote: '成人超重率为37.7%', layout: { documentId: 'official' } });
    expect(ex.layout!.pages).toHaveLength(4);
    const boxes = ex.layout!.boxes;
    expect(boxes.length).toBeGreaterThanOrEqual(2); // the Chinese and the digits: two widths
    expect(new Set(boxes.map((b) => b.page))).toEqual(new Set([1]));
    // The boxes run left to right along one baseline, each inside the page.
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x);
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(ex.layout!.pages[0]!.width);
    // The text around it is the decoded text: whole paragraphs, one per line.
    expect(ex.lines.find((l) => l.mark)!.text).toContain('体重是评价人体营养');
  });

  it('gives the original file, byte for byte', async () => {
    const { service } = await pdfProject();
    const file = await service.handlers.sourceFile({ documentId: 'official' });
    expect(file).toMatchObject({ name: 'official.pdf', mediaType: 'application/pdf' });
    expect(Buffer.from(file.base64, 'base64').equals(readFileSync(PDF))).toBe(true);
    expect(await errorOf(service.handlers.sourceFile({ documentId: 'nope' }))).toMatchObject({ code: 'not-found' });
  });

  it('a corrupt layout is restored from its backup, or else set aside, and the excerpt says how to make it again instead of guessing', async () => {
    const { dir } = await pdfProject();
    const corrupt = (at: string) => {
      const file = join(at, 'corpus', 'layout', 'official.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"boxes":[', '"boxes":["x",'));
    };
    const copy = (withBackups: boolean) => {
      const to = join(mkdtempSync(join(tmpdir(), 'casebench-layout-')), 'p');
      cpSync(dir, to, { recursive: true, filter: (src) => withBackups || !src.includes(`${join(dir, 'backups')}`) });
      corrupt(to);
      return to;
    };
    const restored = await openProject(copy(true));
    const ex = await restored.handlers.sourceExcerpt({ caseId: restored.store.caseIds[0]!, start: 0, end: 4 });
    expect(ex.layout!.boxes.length).toBeGreaterThan(0);
    expect(restored.store.recovered.map((r) => r.message).join(' ')).toMatch(/restored/);

    const service = await openProject(copy(false));
    const caseId = service.store.caseIds[0]!;
    const error = await errorOf(service.handlers.sourceExcerpt({ caseId, start: 0, end: 4 }));
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringMatching(/page layout of official\.pdf .* reload the document/) });
    expect(service.store.recovered.map((r) => r.file)).toEqual(expect.arrayContaining([expect.stringContaining('layout')]));
  });

  it('validates the layout file kind', async () => {
    const { dir } = await pdfProject();
    const store = await ProjectStore.open(dir);
    const layout = await store.layout('official');
    expect(layout!.geometry.boxes.length % 7).toBe(0);
    expect(await store.layout('no-such-document')).toBeNull();
  });
});
