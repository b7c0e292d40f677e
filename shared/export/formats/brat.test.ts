import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset } from '../testing/datasets.ts';

// brat offsets count characters (code points): 𠀀 before a span shifts it by one against UTF-16.
const TEXT = '𠀀健康促进\n成效显著26.82%\n\n经验启示';
const at = (s: string) => TEXT.indexOf(s);
const files = () =>
  exportDataset(
    buildDataset(
      [{ id: 'hb/01', text: TEXT }],
      [
        { caseId: 'hb/01', start: at('促进'), end: at('显著') + 2, label: 'practice', reviewer: 'a/b c', note: 'two\nlines\tand a \\ backslash' },
        { caseId: 'hb/01', start: at('26.82%'), end: at('经验'), label: 'a label', reviewer: 'a/b c' },
        { caseId: 'hb/01', start: at('\n\n'), end: at('经验'), label: 'lesson', reviewer: 'a/b c' },
      ],
    ),
    'brat',
  );

describe('brat export', () => {
  it('writes one collection per reviewer with a .txt and .ann per case, and the configuration above them', () => {
    expect(files().files.map((f) => f.path)).toEqual(['annotation.conf', 'visual.conf', 'a%2Fb%20c/hb%2F01.txt', 'a%2Fb%20c/hb%2F01.ann']);
  });

  it('splits spans at line breaks into fragments, in code points, and escapes notes', () => {
    const ann = files().files.find((f) => f.path.endsWith('.ann'))!.data;
    expect(ann).toBe(['T1\tpractice 3 5;6 10\t促进 成效显著', '#1\tAnnotatorNotes T1\ttwo\\nlines\\tand a \\\\ backslash', 'T2\ta%20label 10 16\t26.82%', ''].join('\n'));
  });

  it('trims line breaks at span edges and leaves out spans of line breaks only, reporting both', () => {
    expect(files().warnings.map((w) => w.code)).toEqual(['newline-trimmed', 'newline-only']);
  });

  it('declares every label, allows overlaps, and colours labels', () => {
    const conf = files().files.find((f) => f.path === 'annotation.conf')!.data as string;
    expect(conf).toMatch(/\[entities\]\nindicator\nlesson\npractice\ninnovation\npolicy\nchallenge\na%20label\n/);
    expect(conf).toContain('<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>');
    expect(files().files.find((f) => f.path === 'visual.conf')!.data).toContain('indicator\tbgColor:#ffd54f');
  });
});

describe('brat import', () => {
  it('reads brat files: fragments, notes, UTF-16 offsets, the reviewer from the directory', () => {
    const parsed = parseExport('brat', files().files);
    expect(parsed.issues).toEqual([]);
    expect(parsed.spans).toEqual([
      { caseId: 'hb/01', start: at('促进'), end: at('显著') + 2, label: 'practice', quote: '促进\n成效显著', reviewer: 'a/b c', note: 'two\nlines\tand a \\ backslash' },
      { caseId: 'hb/01', start: at('26.82%'), end: at('26.82%') + 6, label: 'a label', quote: '26.82%', reviewer: 'a/b c' },
    ]);
  });

  it('reads files written by brat itself, reporting what it does not read', () => {
    const ann = 'T1\tProtein 0 5\tHuman\nT2\tGene 6 9\tIL2\nR1\tBinds Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T2\tchecked\n';
    const parsed = parseExport('brat', [
      { path: 'doc.txt', data: 'Human IL2' },
      { path: 'doc.ann', data: ann },
    ]);
    expect(parsed.spans).toEqual([
      { caseId: 'doc', start: 0, end: 5, label: 'Protein', quote: 'Human' },
      { caseId: 'doc', start: 6, end: 9, label: 'Gene', quote: 'IL2', note: 'checked' },
    ]);
    expect(parsed.issues).toEqual([{ file: 'doc.ann', message: expect.stringMatching(/1 relation, event, attribute or normalization line/) }]);
  });

  it.each([
    ['a space instead of a tab', 'T1 Gene 0 3\tabc', /line 1|malformed/],
    ['offsets that are not numbers', 'T1\tGene zero 3\tabc', /malformed text-bound annotation/],
    ['an end beyond the text', 'T1\tGene 0 99\tabc', /beyond the text \(9 characters\)/],
    ['reversed fragments', 'T1\tGene 5 6;0 3\tabc', /reversed, out of order/],
    ['a note for a missing annotation', '#1\tAnnotatorNotes T9\tx', /note for T9/],
  ])('reports %s', (_name, ann, message) => {
    const parsed = parseExport('brat', [
      { path: 'doc.txt', data: 'Human IL2' },
      { path: 'doc.ann', data: ann },
    ]);
    expect(parsed.spans).toEqual([]);
    expect(parsed.issues.map((i) => `line ${i.line} ${i.message}`).join('\n')).toMatch(message);
  });

  it('reports an .ann without its .txt', () => {
    expect(parseExport('brat', [{ path: 'x/doc.ann', data: 'T1\tGene 0 3\tabc' }]).issues).toEqual([{ file: 'x/doc.ann', message: 'no .txt beside this .ann; its annotations cannot be placed' }]);
  });
});
