import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import type { ExportFile } from '../types.ts';
import { AWKWARD_TEXT, awkwardDataset, seedDataset } from './datasets.fixture.ts';
import { readBratAnn } from './brat-reader.fixture.ts';
import { PYTHON_LINE_BOUNDARY } from './python-lines.fixture.ts';

/** casebench's brat export as brat's own server reads it: line by line, Python's way. */
const text = (f: ExportFile) => f.data as string;

function bratCollections(files: ExportFile[]) {
  const byStem = new Map<string, { txt?: string; ann?: string }>();
  for (const f of files) {
    const m = /^(.*)\.(txt|ann)$/.exec(f.path);
    if (!m) continue;
    const entry = byStem.get(m[1]!) ?? {};
    entry[m[2] as 'txt' | 'ann'] = text(f);
    byStem.set(m[1]!, entry);
  }
  return [...byStem].map(([stem, { txt, ann }]) => ({ stem, txt: txt!, ann: ann! }));
}

describe.each([
  ['the seeds, three reviewers', seedDataset],
  ['𠀀, 😀, U+2028, U+2029, NEL, U+001C and \\r\\n', awkwardDataset],
])('brat export of %s, read as brat reads it', (_name, dataset) => {
  const files = exportDataset(dataset(), 'brat').files;

  it('gives every .ann line brat parses, with text that matches its offsets in the .txt', () => {
    const errors = bratCollections(files).flatMap(({ stem, txt, ann }) => readBratAnn(ann, txt).errors.map((e) => `${stem}.ann ${e}`));
    expect(errors).toEqual([]);
  });

  it('writes no line boundary but \\n in an .ann file (a Python reader would see more lines)', () => {
    const raw = files.filter((f) => f.path.endsWith('.ann')).flatMap((f) => (text(f).replace(/\n/g, '').match(new RegExp(PYTHON_LINE_BOUNDARY, 'g')) ?? []).map((c) => `${f.path}: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`));
    expect(raw).toEqual([]);
  });

  it('has as many annotations in brat’s reading as casebench reads back', () => {
    const bratCount = bratCollections(files).reduce((n, { txt, ann }) => n + readBratAnn(ann, txt).spans.length, 0);
    expect(bratCount).toBe(parseExport('brat', files).spans.length);
    expect(bratCount).toBeGreaterThan(0);
  });
});

describe('brat export of text with Python line boundaries', () => {
  const files = exportDataset(awkwardDataset(), 'brat').files;
  const alice = bratCollections(files).find((c) => c.stem === 'Alice/awkward%2001')!;

  it('splits a span at U+2028, U+2029, NEL and U+001C into fragments, as at a newline, and reads it back whole', () => {
    const read = readBratAnn(alice.ann, alice.txt);
    const practice = read.spans.find((s) => s.type === 'practice')!;
    expect(practice.fragments).toHaveLength(5);
    expect(practice.text).toBe('素养26.82% 第二行 第三段 NEL后 分隔');
    const back = parseExport('brat', files).spans.find((s) => s.reviewer === 'Alice' && s.label === 'practice')!;
    expect(back.quote).toBe(AWKWARD_TEXT.slice(AWKWARD_TEXT.indexOf('素养'), AWKWARD_TEXT.indexOf('分隔') + 2));
  });

  it('escapes line boundaries inside a note and reads the note back as it was', () => {
    const read = readBratAnn(alice.ann, alice.txt);
    expect(read.notes.map((n) => n.note)).toEqual(['核对\\u2028第二行\\u0085']);
    expect(parseExport('brat', files).spans.find((s) => s.note)!.note).toBe('核对\u2028第二行\u0085');
  });
});
