import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import type { ExportFile } from '../types.ts';
import { AWKWARD_TEXT, awkwardDataset, seedDataset } from './datasets.fixture.ts';
import { readStandardConll } from './conll-reader.fixture.ts';
import { PYTHON_LINE_BOUNDARY, pythonSplitlines } from './python-lines.fixture.ts';

/** casebench's CoNLL export as standard readers (NLTK, the CoNLL-2003 loaders) read it. */
const text = (f: ExportFile) => f.data as string;
const unescape = (token: string) => (token.length > 2 && token.startsWith('\\u') ? String.fromCodePoint(Number.parseInt(token.slice(2), 16)) : token);

describe.each([
  ['the seeds, three reviewers', seedDataset],
  ['𠀀, 😀, U+2028, U+2029, NEL, U+001C and \\r\\n', awkwardDataset],
])('conll export of %s', (_name, dataset) => {
  const files = exportDataset(dataset(), 'conll').files;
  const plain = files.filter((f) => f.path.startsWith('plain/'));

  it('offers a plain two-column file per reviewer that a standard reader reads without an error', () => {
    expect(plain.map((f) => f.path)).toEqual(files.filter((f) => /^[^/]+\.conll$/.test(f.path)).map((f) => `plain/${f.path}`));
    for (const f of plain) {
      const read = readStandardConll(text(f));
      expect(read.errors, f.path).toEqual([]);
      expect(read.documents, f.path).toBe(dataset().cases.length);
    }
  });

  it('ends every entity at a sentence break: no I- continues across a blank line, in either file', () => {
    expect(plain.length).toBeGreaterThan(0);
    for (const f of plain) expect(readStandardConll(text(f)).danglingInside, f.path).toBe(0);
    for (const f of files.filter((file) => /^[^/]+\.conll$/.test(file.path))) {
      const lines = text(f).split('\n');
      const afterBreak = lines.filter((line, i) => i > 0 && lines[i - 1] === '' && line !== '' && !line.startsWith('# '));
      expect(afterBreak.filter((line) => line.split('\t').some((tag) => tag.startsWith('I-'))), f.path).toEqual([]);
    }
  });

  it('writes no line boundary but \\n in any file, and says how characters are escaped in the header', () => {
    for (const f of files) {
      expect(pythonSplitlines(text(f)).length, f.path).toBe(text(f).replace(/\n$/, '').split('\n').length);
      expect(text(f).replace(/\n/g, '')).not.toMatch(PYTHON_LINE_BOUNDARY);
    }
    for (const f of files.filter((file) => /^[^/]+\.conll$/.test(file.path))) expect(text(f).split('\n').slice(0, 3).join('\n')).toMatch(/^# casebench conll 2\n# escaping = /);
  });
});

describe('conll export of text with line boundaries and a span across a paragraph', () => {
  it('gives the plain reader the entity texts of the spans, split at the paragraph break', () => {
    const plain = exportDataset(awkwardDataset(), 'conll').files.find((f) => f.path === 'plain/Alice.conll');
    expect(plain).toBeDefined();
    const alicePlain = readStandardConll(text(plain!));
    const lessons = alicePlain.entities.filter((e) => e.type === 'lesson').map((e) => e.tokens.map(unescape).join(''));
    // "回车后…结束" crosses a newline: one entity per paragraph; the overlapping lesson is left out.
    expect(lessons).toEqual(['回车后：提升到"90%"', '新段落𠀀']);
  });

  it('reads back, in casebench, one span per paragraph of a span that crossed a break, and warns of the split', () => {
    const result = exportDataset(awkwardDataset(), 'conll');
    const split = result.warnings.filter((w) => w.code === 'split-at-line-break');
    expect(split).toHaveLength(1);
    const back = parseExport('conll', result.files).spans.filter((s) => s.reviewer === 'Alice' && s.label === 'lesson');
    expect(back.map((s) => s.quote)).toEqual(['回车后：提升到"90%"', '新段落𠀀']);
    expect(parseExport('conll', result.files).cases.find((c) => c.id === 'awkward 01')!.text).toBe(AWKWARD_TEXT);
  });
});
