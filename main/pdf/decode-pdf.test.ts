import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../shared/ingest/errors.ts';
import { BOX_STRIDE } from '../../shared/model/geometry.ts';
import { decodePdf, type DecodedPdf } from './decode-pdf.ts';
import { countyTable, newspaper, OFFICIAL, TOC } from './testdata/make-fixtures.ts';
import type { Block } from './testdata/typeset.ts';

const DATA = join(import.meta.dirname, 'testdata');
const bytes = (name: string) => new Uint8Array(readFileSync(join(DATA, name)));
const decode = (name: string) => decodePdf(bytes(name), name);

/** Compare text without punctuation and spaces: LibreOffice drops a comma it hangs at a line end. */
const bare = (s: string) => s.replace(/[\s\p{P}]/gu, '');
const textOf = (blocks: readonly Block[]) => blocks.flatMap((b) => ('text' in b ? [('lead' in b && b.lead ? b.lead : '') + b.text] : []));
const lineTexts = (d: DecodedPdf) => d.lines.map((l) => l.text.text);

/** Geometry invariants every decoded PDF keeps. */
function checkGeometry(d: DecodedPdf): void {
  const g = d.geometry!;
  const boxes = g.boxes;
  expect(boxes.length % BOX_STRIDE).toBe(0);
  let lastEnd = 0;
  const covered = new Uint8Array(d.rawText.length);
  for (let k = 0; k < boxes.length; k += BOX_STRIDE) {
    const [start, end, page, x, y, w, h] = boxes.slice(k, k + BOX_STRIDE) as [number, number, number, number, number, number, number];
    expect(start).toBeGreaterThanOrEqual(lastEnd);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(d.rawText.length);
    const size = g.pages[page - 1]!;
    expect(x).toBeGreaterThanOrEqual(-1);
    expect(y).toBeGreaterThanOrEqual(-1);
    expect(x + w).toBeLessThanOrEqual(size.width + 1);
    expect(y + h).toBeLessThanOrEqual(size.height + 1);
    covered.fill(1, start, end);
    lastEnd = end;
  }
  // Every character read from the page has a box; only separators the reader put in have none.
  for (let i = 0; i < d.rawText.length; i++) {
    if (!covered[i]) expect(d.rawText[i]).toMatch(/[\s\t\n]/);
  }
}

describe('decodePdf on a case typeset as an official document', () => {
  let d: DecodedPdf;
  beforeAll(async () => {
    d = await decode('official.pdf');
  });

  it('reads every paragraph whole, in order, with no hard wraps left', () => {
    const expected = textOf(OFFICIAL);
    expect(d.lines.map((l) => bare(l.text.text))).toEqual(expected.map(bare));
    // Most come out exactly (LibreOffice drops a comma it would hang at a line end, now and then).
    const exact = d.lines.filter((l, i) => l.text.text === expected[i]).length;
    expect(exact).toBeGreaterThanOrEqual(expected.length - 2);
    expect(d.rawText.split('\n')).toHaveLength(expected.length);
  });

  it('joins a paragraph the page broke', () => {
    // Some paragraph has boxes on two pages: it was broken by a page, and is one line of text.
    const pagesOfLine = d.lines.map((l) => {
      const pages = new Set<number>();
      const b = d.geometry!.boxes;
      for (let k = 0; k < b.length; k += BOX_STRIDE) if (b[k]! >= l.text.rawStart && b[k + 1]! <= l.text.rawEnd) pages.add(b[k + 2]!);
      return pages.size;
    });
    expect(pagesOfLine.some((n) => n === 2)).toBe(true);
  });

  it('finds headings by size and face relative to the body: title, 黑体, 楷体', () => {
    const level = (text: string) => d.lines.find((l) => l.text.text === text)?.mdHeading;
    const title = level(OFFICIAL[0]!.kind === 'title' ? OFFICIAL[0]!.text : '');
    expect(title).toBe(1);
    expect(level('一、主要背景')).toBeGreaterThan(title!);
    expect(level('（一）组织动员')).toBeGreaterThan(level('一、主要背景')!);
    expect(level('二、主要做法')).toBe(level('一、主要背景'));
    expect(d.lines.filter((l) => l.role === 'heading').map((l) => l.text.text)).toEqual(
      OFFICIAL.filter((b) => b.kind === 'title' || b.kind === 'subtitle' || b.kind === 'h1' || b.kind === 'h2').map((b) => ('text' in b ? b.text : '')),
    );
    const body = d.lines.find((l) => l.text.text.startsWith('体重是评价'))!;
    expect(body.role).toBeUndefined();
    expect(body.closed).toBe(true);
    expect(body.indent).toBe(4); // two characters of first-line indent
    expect(d.lines[0]!.style).toMatchObject({ align: 'center', bold: true });
    expect(d.lines[0]!.style!.fontSize).toBeGreaterThan(body.style!.fontSize!);
  });

  it('gives a bold lead as the paragraph’s run-in heading', () => {
    const led = d.lines.filter((l) => l.boldLead).map((l) => l.boldLead);
    expect(led).toEqual(['一是搭建沟通网络。', '二是建立联动机制。']);
  });

  it('drops the running header and the page numbers, and says so', () => {
    expect(d.rawText).not.toContain('健康中国行动典型案例汇编');
    expect(d.rawText).not.toMatch(/— \d+ —/);
    expect(d.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'pdf-running-text', severity: 'info', message: expect.stringContaining('健康中国行动典型案例汇编') }),
        expect.objectContaining({ code: 'pdf-page-numbers', severity: 'info' }),
      ]),
    );
  });

  it('keeps characters outside the BMP and emoji, mapped to their boxes', () => {
    const at = d.rawText.indexOf('𠀀');
    expect(at).toBeGreaterThan(0);
    expect(d.rawText.slice(at, at + 7)).toBe('𠀀与表情😀'); // 7 UTF-16 units: 𠀀 and 😀 take two each
    const b = d.geometry!.boxes;
    const boxOf = (i: number) => {
      for (let k = 0; k < b.length; k += BOX_STRIDE) if (b[k]! <= i && i < b[k + 1]!) return k;
      return -1;
    };
    // Both UTF-16 units of 𠀀 fall in one box.
    expect(boxOf(at)).toBeGreaterThanOrEqual(0);
    expect(boxOf(at + 1)).toBe(boxOf(at));
    expect(boxOf(d.rawText.indexOf('😀'))).toBeGreaterThanOrEqual(0);
  });

  it('keeps its geometry consistent', () => {
    checkGeometry(d);
    expect(d.geometry!.pages).toHaveLength(4);
    expect(d.geometry!.pages[0]).toEqual({ width: 595.3, height: 841.89 });
    for (const l of d.lines) expect(l.page).toBeGreaterThanOrEqual(1);
  });
});

describe('decodePdf on a newspaper page', () => {
  let d: DecodedPdf;
  beforeAll(async () => {
    d = await decode('columns.pdf');
  });

  it('reads the five columns in order: each article whole, under its headline', () => {
    expect(d.geometry!.pages).toHaveLength(1);
    const expected = textOf(newspaper());
    expect(d.lines.map((l) => bare(l.text.text))).toEqual(expected.map(bare));
  });

  it('takes the masthead, headline and cross-heads for headings', () => {
    const heads = d.lines.filter((l) => l.role === 'heading').map((l) => l.text.text);
    const expected = newspaper().filter((b) => b.kind === 'title' || b.kind === 'headline' || b.kind === 'h1').map((b) => ('text' in b ? b.text : ''));
    expect(heads).toEqual(expected);
    checkGeometry(d);
  });

  it('uses five columns: the lines of a paragraph lie in one column or run on into the next', () => {
    const xs = new Set<number>();
    const b = d.geometry!.boxes;
    for (let k = 0; k < b.length; k += BOX_STRIDE) xs.add(Math.round(b[k + 3]! / 20) * 20);
    const lefts = [...xs].sort((a, c) => a - c);
    expect(lefts.length).toBeGreaterThanOrEqual(5);
  });
});

describe('decodePdf on a ruled table over two pages', () => {
  let d: DecodedPdf;
  beforeAll(async () => {
    d = await decode('table.pdf');
  });

  it('reads each row as one line of tab-separated cells', () => {
    const rows = (countyTable().find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>).rows;
    const tableLines = d.lines.filter((l) => l.role === 'table-row');
    expect(tableLines.map((l) => l.cells!.map((c) => c.text))).toEqual(rows);
    for (const l of tableLines) expect(l.text.text).toBe(l.cells!.map((c) => c.text).join('\t'));
  });

  it('keeps the header row once and joins the row the page broke', () => {
    expect(d.lines.filter((l) => l.text.text.startsWith('序号')).length).toBe(1);
    expect(d.notes).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'pdf-table-header', severity: 'info' })]));
    const pages = new Set(d.lines.filter((l) => l.role === 'table-row').map((l) => l.page));
    expect(pages).toEqual(new Set([1, 2]));
    checkGeometry(d);
  });

  it('takes the title above the table for a heading', () => {
    expect(d.lines[0]).toMatchObject({ role: 'heading', mdHeading: 1 });
    expect(d.lines[0]!.text.text).toBe('2022年度健康县区建设典型经验');
  });
});

describe('decodePdf on a table of contents', () => {
  let d: DecodedPdf;
  beforeAll(async () => {
    d = await decode('toc.pdf');
  });

  it('gives one line per entry as "title……page", a wrapped entry joined', () => {
    const entries = (TOC.find((b) => b.kind === 'toc') as Extract<Block, { kind: 'toc' }>).entries;
    expect(lineTexts(d).slice(1, 1 + entries.length)).toEqual(entries.map((e) => `${e.title}……${e.page}`));
    expect(lineTexts(d)[0]).toBe('目 录');
  });

  it('ties each entry to the page and heading it names', () => {
    expect(d.toc).toHaveLength(5);
    for (const link of d.toc) {
      expect(link.target).not.toBeNull();
      expect(d.lines[link.target!]!.page).toBe(link.page);
      const entry = d.lines[link.entry]!.text.text.replace(/……\d+$/, '');
      expect(d.lines[link.target!]!.text.text).toBe(entry);
    }
    expect(d.notes).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'pdf-toc', message: expect.stringContaining('5 found') })]));
  });
});

describe('decodePdf refuses what it cannot read, saying what to do', () => {
  it.each([
    ['scanned.pdf', 'unsupported', /scanned\.pdf: has no text layer: it is a scan.*run OCR/],
    ['encrypted.pdf', 'unsupported', /encrypted\.pdf: is an encrypted PDF that needs a password.*without one/],
    ['damaged.pdf', 'undecodable', /damaged\.pdf: is a damaged PDF.*save a new copy/],
    ['garbage.pdf', 'undecodable', /garbage\.pdf: is a damaged PDF/],
  ])('%s', async (name, code, message) => {
    const error = await decode(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe(code);
    expect((error as IngestError).message).toMatch(message);
  });

  it('reads a PDF whose encryption only restricts permissions (no password to open)', async () => {
    const locked = await decode('owner-locked.pdf');
    const plain = await decode('official.pdf');
    expect(locked.rawText).toBe(plain.rawText);
  });
});
