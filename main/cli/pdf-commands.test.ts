import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newsProject, ROOT, run, scratch, snapshot } from './cli.fixture.ts';

const PDF = (name: string) => join(ROOT, 'main/pdf/testdata', name);

describe('PDF inputs on the command line', () => {
  it('inspect reads a PDF and prints its outline with what the reader dropped', async () => {
    const r = await run(['inspect', PDF('official.pdf'), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out).documents[0];
    expect(doc.encoding).toBe('pdf');
    expect(doc.cases[0].text).toContain('成人超重率为37.7%');
    expect(doc.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['pdf-running-text', 'pdf-page-numbers']));
  });

  it('init from PDFs keeps each one’s layout beside its cases', async () => {
    const dir = join(scratch(), 'p');
    const r = await run(['init', dir, '--from', PDF('official.pdf'), PDF('table.pdf')]);
    expect(r.code).toBe(0);
    for (const id of ['official', 'table']) {
      const layout = JSON.parse(readFileSync(join(dir, 'corpus', 'layout', `${id}.json`), 'utf8'));
      expect(layout).toMatchObject({ schemaVersion: 1, documentId: id });
      expect(layout.geometry.boxes.length % 7).toBe(0);
      expect(existsSync(join(dir, 'sources', `${id}.pdf`))).toBe(true);
    }
  });

  it.each([
    ['a scan', 'scanned.pdf', /scanned\.pdf: has no text layer: it is a scan.*run OCR/],
    ['an encrypted PDF', 'encrypted.pdf', /encrypted\.pdf: is an encrypted PDF that needs a password/],
    ['a damaged PDF', 'damaged.pdf', /damaged\.pdf: is a damaged PDF/],
  ])('init with %s among good files names it and creates nothing', async (_what, bad, message) => {
    const dir = join(scratch(), 'p');
    const r = await run(['init', dir, '--from', PDF('official.pdf'), PDF(bad)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/no project was created: 1 of 2 files cannot be loaded/);
    expect(existsSync(dir)).toBe(false);
  });

  it('import of a bad PDF into a project changes nothing', async () => {
    const dir = await newsProject();
    const before = snapshot(dir);
    const r = await run(['import', dir, PDF('official.pdf'), PDF('encrypted.pdf')]);
    expect(r.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });
});
