import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../model/index.ts';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset, type SpanInput } from '../testing/datasets.ts';
import { ESCAPING_RULE } from './conll-tokens.ts';

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
    expect(result.files.map((f) => f.path)).toEqual(['alice.conll', 'plain/alice.conll', 'README.txt']);
    expect(result.files[0]!.data).toBe(
      [
        '# casebench conll 2',
        `# escaping = ${ESCAPING_RULE}`,
        '# reviewer = alice',
        '# columns = char indicator practice',
        '# case = c1',
        '率\tO\tB-practice',
        '达\tB-indicator\tI-practice',
        '𠀀\tI-indicator\tI-practice',
        '',
        '#\tO\tB-practice',
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

  it('ends a span at a paragraph break and starts it again with B- after it, saying so', () => {
    const result = conllOf('甲乙\n丙丁', [{ caseId: 'c1', start: 1, end: 4, label: 'practice', id: 'across' }]);
    expect((result.files[0]!.data as string).split('\n').slice(5, 9)).toEqual(['甲\tO\tO', '乙\tO\tB-practice', '', '丙\tO\tB-practice']);
    expect(result.warnings.map((w) => [w.code, w.spanId])).toEqual([['split-at-line-break', 'across']]);
    expect(parseExport('conll', result.files).spans).toEqual([
      { caseId: 'c1', start: 1, end: 2, label: 'practice', quote: '乙', reviewer: 'alice' },
      { caseId: 'c1', start: 3, end: 4, label: 'practice', quote: '丙', reviewer: 'alice' },
    ]);
  });

  it('writes the plain file with one tag a character, the earlier of two labels kept, and DOCSTART per case', () => {
    const result = conllOf('率达𠀀 \n\n丙', [
      { caseId: 'c1', start: 0, end: 4, label: 'practice' },
      { caseId: 'c1', start: 1, end: 5, label: 'indicator', id: 'inner' },
      { caseId: 'c1', start: 7, end: 8, label: 'indicator' },
    ]);
    expect(result.files[1]!.data).toBe(['-DOCSTART- O', '', '率 B-practice', '达 I-practice', '𠀀 I-practice', '\\u0020 O', '', '丙 B-indicator', '', ''].join('\n'));
    expect(result.warnings.map((w) => [w.code, w.spanId])).toEqual([['overlap-dropped-plain', 'inner']]);
    // casebench's own file keeps the inner indicator, in its own column.
    expect(parseExport('conll', result.files).spans.map((s) => s.label).sort()).toEqual(['indicator', 'indicator', 'practice']);
  });

  it('still reads a version 1 file, where an entity ran on past a blank line with I-', () => {
    const v1 = '# casebench conll 1\n# columns = char practice\n# case = c\n甲\tB-practice\n\n乙\tI-practice\n';
    expect(parseExport('conll', [{ path: 'x.conll', data: v1 }]).spans).toEqual([{ caseId: 'c', start: 0, end: 3, label: 'practice', quote: '甲\n乙' }]);
  });
});

describe('conll import', () => {
  const header = '# casebench conll 2\n# columns = char indicator\n';
  it('reads an I- with nothing open as a B- (the lenient IOB1 reading)', () => {
    const parsed = parseExport('conll', [{ path: 'x.conll', data: `${header}# case = c\na\tI-indicator\nb\tI-indicator\nc\tO\n` }]);
    expect(parsed.spans).toEqual([{ caseId: 'c', start: 0, end: 2, label: 'indicator', quote: 'ab' }]);
  });

  it.each([
    ['a wrong column count', `${header}# case = c\na\tO\tO\n`, { line: 4, message: 'expected 2 tab-separated columns, found 3' }],
    ['a tag that is not BIO', `${header}# case = c\na\tX-indicator\n`, { line: 4, message: 'tag "X-indicator" is not O, B-… or I-…' }],
    ['a token of two characters', `${header}# case = c\nab\tO\n`, { line: 4, message: 'not one character or a \\uXXXX escape: "ab"' }],
    ['tokens before any case', `${header}a\tO\n`, { line: 3, message: 'a token line before any "# case = …" line' }],
    ['a case before the columns', '# casebench conll 2\n# case = c\na\tO\n', { line: 2, message: 'a case before the "# columns = …" line; it is skipped' }],
    ['a file of another kind', 'EU\tB-ORG\n', { line: 1, message: 'expected "# casebench conll 2" on the first line; reading anyway' }],
  ])('reports %s with its line', (_name, data, issue) => {
    expect(parseExport('conll', [{ path: 'x.conll', data }]).issues).toContainEqual({ file: 'x.conll', ...issue });
  });
});
