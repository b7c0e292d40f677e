import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError, loadDocument, mapToRaw } from '../../shared/ingest/index.ts';
import { BOX_STRIDE } from '../../shared/model/geometry.ts';
import { loadInputData, loadInputFile, type LoadProgress } from './input-file.ts';
import { activeLoads, progressListeners } from './load-progress.ts';

const PDFS = join(import.meta.dirname, '../pdf/testdata');
const SEEDS = join(import.meta.dirname, '../../seeds');

describe('loadInputFile', () => {
  it('loads a PDF through its layout, with geometry that places every character of every case', async () => {
    const doc = await loadInputFile(join(PDFS, 'official.pdf'));
    expect(doc.encoding).toBe('pdf');
    expect(doc.cases.length).toBeGreaterThanOrEqual(1);
    expect(doc.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'pdf-running-text', severity: 'info' })]));
    const boxes = doc.geometry!.boxes;
    const inBox = new Uint8Array(doc.rawText.length);
    for (let k = 0; k < boxes.length; k += BOX_STRIDE) inBox.fill(1, boxes[k]!, boxes[k + 1]!);
    for (const c of doc.cases) {
      for (let i = 0; i < c.text.length; i++) {
        if (/\s/.test(c.text[i]!)) continue;
        const raw = mapToRaw(c.sourceMap, i);
        expect(doc.rawText[raw]).toBe(c.text[i]);
        expect(inBox[raw]).toBe(1);
      }
    }
  });

  it('reports progress page by page, to the caller and to the command running it, and lists the load while it runs', async () => {
    const seen: LoadProgress[] = [];
    const scoped: LoadProgress[] = [];
    const during: number[] = [];
    // No other test here decodes columns.pdf: a decoded file is cached, and a cached one reports no pages.
    const bytes = new Uint8Array(readFileSync(join(PDFS, 'columns.pdf')));
    await progressListeners.run(
      (p) => scoped.push(p),
      () =>
        loadInputData(bytes, 'columns.pdf', {}, (p) => {
          seen.push(p);
          during.push(activeLoads().length);
        }),
    );
    expect(seen).toEqual([{ file: 'columns.pdf', page: 1, pages: 1 }]);
    expect(scoped).toEqual(seen);
    expect(during).toEqual([1]);
    expect(activeLoads()).toEqual([]);
  });

  it('loads text and Word inputs as loadDocument does', async () => {
    const path = join(SEEDS, 'newspaper-healthy-china-action-provinces.txt');
    const viaHost = await loadInputFile(path);
    const direct = loadDocument(new Uint8Array(readFileSync(path)), path);
    expect(viaHost).toEqual(direct);
  });

  it.each([
    ['scanned.pdf', /scanned\.pdf: has no text layer/],
    ['encrypted.pdf', /encrypted\.pdf: is an encrypted PDF/],
    ['damaged.pdf', /damaged\.pdf: is a damaged PDF/],
  ])('refuses %s with an IngestError naming the file', async (name, message) => {
    const error = await loadInputFile(join(PDFS, name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(join(PDFS, name));
    expect(activeLoads()).toEqual([]);
  });

  it('refuses a PDF over the size limit before reading it', async () => {
    const error = await loadInputFile(join(PDFS, 'official.pdf'), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect((error as IngestError).code).toBe('too-large');
  });
});
