import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../model/index.ts';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset, type SpanInput } from '../testing/datasets.ts';

/** A dataset whose schema has only the labels named, so the columns stay few and readable. */
function conllOf(text: string, spans: SpanInput[], labels = ['indicator', 'practice']) {
  const dataset = buildDataset([{ id: 'c1', text }], spans);
  dataset.schema = { labels: defaultLabelSchema().labels.filter((l) => labels.includes(l.id)) };
  return exportDataset(dataset, 'conll');
}

describe('conll export', () => {
  it('writes one character a line with a BIO column per label, newlines as blank lines', () => {
    const result = conllOf('率达𠀀\n# 1\t2', [
      { caseId: 'c1', start: 0, end: 8, label: 'practice' },
      { caseId: 'c1', start: 1, end: 4, label: 'indicator' },
    ]);
    expect(result.files.map((f) => f.path)).toEqual(['alice.conll']);
    expect(result.files[0]!.data).toBe(
      [
        '# casebench conll 1',
        '# reviewer = alice',
        '# columns = char indicator practice',
        '# case = c1',
        '率\tO\tB-practice',
        '达\tB-indicator\tI-practice',
        '𠀀\tI-indicator\tI-practice',
        '',
        '#\tO\tI-practice',
        '\\u0020\tO\tI-practice',
        '1\tO\tI-practice',
        '\\u0009\tO\tO',
        '2\tO\tO',
        '',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['an ideographic space', '\u3000', '\\u3000'],
    ['a no-break space', '\u00a0', '\\u00A0'],
    ['a carriage return', '\r', '\\u000D'],
    ['a backslash', '\\', '\\'],
  ])('escapes %s so whitespace-splitting readers keep the columns', (_name, ch, token) => {
    const data = conllOf(`a${ch}b`, []).files[0]!.data as string;
    expect(data.split('\n')).toContain(`${token}\tO\tO`);
    expect(parseExport('conll', conllOf(`a${ch}b`, []).files).cases[0]!.text).toBe(`a${ch}b`);
  });
});

describe('conll overlap policy: per reviewer file, per label column, then the earliest (longest on a tie) wins', () => {
  const TEXT = '一二三四五六七八九十';
  const cases: [string, SpanInput[], [number, number][], string[]][] = [
    ['different labels nest freely', [{ caseId: 'c1', start: 0, end: 6, label: 'practice' }, { caseId: 'c1', start: 2, end: 4, label: 'indicator' }], [[0, 6], [2, 4]], []],
    ['different reviewers never collide', [{ caseId: 'c1', start: 0, end: 6, label: 'practice' }, { caseId: 'c1', start: 2, end: 4, label: 'practice', reviewer: 'bob' }], [[0, 6], [2, 4]], []],
    ['the earlier of two crossing spans wins', [{ caseId: 'c1', start: 3, end: 8, label: 'practice', id: 'late' }, { caseId: 'c1', start: 0, end: 5, label: 'practice', id: 'early' }], [[0, 5]], ['late']],
    ['on the same start the longer wins', [{ caseId: 'c1', start: 2, end: 4, label: 'practice', id: 'short' }, { caseId: 'c1', start: 2, end: 9, label: 'practice', id: 'long' }], [[2, 9]], ['short']],
    ['a span inside another of its label is left out', [{ caseId: 'c1', start: 0, end: 9, label: 'practice', id: 'outer' }, { caseId: 'c1', start: 3, end: 5, label: 'practice', id: 'inner' }], [[0, 9]], ['inner']],
    ['touching spans are both kept, the second starting with B-', [{ caseId: 'c1', start: 0, end: 3, label: 'practice' }, { caseId: 'c1', start: 3, end: 6, label: 'practice' }], [[0, 3], [3, 6]], []],
  ];
  it.each(cases)('%s', (_name, spans, kept, dropped) => {
    const result = conllOf(TEXT, spans);
    const parsed = parseExport('conll', result.files);
    expect(parsed.spans.map((s) => [s.start, s.end]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual(kept);
    expect(result.warnings.filter((w) => w.code === 'overlap-dropped').map((w) => w.spanId)).toEqual(dropped);
  });

  it('continues a span across a paragraph break with I- and reads it back whole', () => {
    const result = conllOf('甲乙\n丙丁', [{ caseId: 'c1', start: 1, end: 4, label: 'practice' }]);
    expect((result.files[0]!.data as string).split('\n').slice(4, 8)).toEqual(['甲\tO\tO', '乙\tO\tB-practice', '', '丙\tO\tI-practice']);
    expect(parseExport('conll', result.files).spans).toEqual([{ caseId: 'c1', start: 1, end: 4, label: 'practice', quote: '乙\n丙', reviewer: 'alice' }]);
  });
});

describe('conll import', () => {
  const header = '# casebench conll 1\n# columns = char indicator\n';
  it('reads an I- with nothing open as a B- (the lenient IOB1 reading)', () => {
    const parsed = parseExport('conll', [{ path: 'x.conll', data: `${header}# case = c\na\tI-indicator\nb\tI-indicator\nc\tO\n` }]);
    expect(parsed.spans).toEqual([{ caseId: 'c', start: 0, end: 2, label: 'indicator', quote: 'ab' }]);
  });

  it.each([
    ['a wrong column count', `${header}# case = c\na\tO\tO\n`, { line: 4, message: 'expected 2 tab-separated columns, found 3' }],
    ['a tag that is not BIO', `${header}# case = c\na\tX-indicator\n`, { line: 4, message: 'tag "X-indicator" is not O, B-… or I-…' }],
    ['a token of two characters', `${header}# case = c\nab\tO\n`, { line: 4, message: 'not one character or a \\uXXXX escape: "ab"' }],
    ['tokens before any case', `${header}a\tO\n`, { line: 3, message: 'a token line before any "# case = …" line' }],
    ['a case before the columns', '# casebench conll 1\n# case = c\na\tO\n', { line: 2, message: 'a case before the "# columns = …" line; it is skipped' }],
    ['a file of another kind', 'EU\tB-ORG\n', { line: 1, message: 'expected "# casebench conll 1" on the first line; reading anyway' }],
  ])('reports %s with its line', (_name, data, issue) => {
    expect(parseExport('conll', [{ path: 'x.conll', data }]).issues).toContainEqual({ file: 'x.conll', ...issue });
  });
});
