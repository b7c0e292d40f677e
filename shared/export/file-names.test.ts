import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctFileNames, fromFileName, splitPath, toFileName } from './file-names.ts';

/** No lone surrogates: names are real text. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('toFileName', () => {
  it.each([
    ['alice', 'alice'],
    ['张三', '张三'],
    ['hc2024-01', 'hc2024-01'],
    ['v1.2_final', 'v1.2_final'],
    ['a/b c', 'a%2Fb%20c'],
    ['C:\\x', 'C%3A%5Cx'],
    ['.hidden', '%2Ehidden'],
    ['50%', '50%25'],
    ['😀', '%F0%9F%98%80'],
    ['', '~'],
    ['~', '%7E'],
  ])('%j → %j', (name, fileName) => {
    expect(toFileName(name)).toBe(fileName);
    expect(fromFileName(fileName)).toBe(name);
  });

  it('is safe for every file system and reads back exactly (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter(wellFormed), (name) => {
        const fileName = toFileName(name);
        expect(fileName).toMatch(/^[\p{L}\p{N}_.%~-]+$/u);
        expect(fileName.startsWith('.')).toBe(false);
        expect(fromFileName(fileName)).toBe(name);
      }),
    );
  });

  it('tells a name it did not write', () => {
    expect(fromFileName('%E4%B8')).toBeNull();
  });
});

describe('splitPath', () => {
  it.each([
    ['alice/hc-01.ann', { dir: 'alice', stem: 'hc-01', ext: 'ann' }],
    ['a/b/c.tar.gz', { dir: 'a/b', stem: 'c.tar', ext: 'gz' }],
    ['annotation.conf', { dir: '', stem: 'annotation', ext: 'conf' }],
    ['.hidden', { dir: '', stem: '.hidden', ext: '' }],
  ])('%s', (path, parts) => {
    expect(splitPath(path)).toEqual(parts);
  });
});

describe('distinctFileNames', () => {
  it.each([
    ['names apart in any case keep their file names', ['alice', 'Bob', '张三'], ['alice', 'Bob', '张三']],
    ['the name without capitals keeps its own; the others encode their capitals', ['BOB', 'Bob', 'bob'], ['%42%4F%42', '%42ob', 'bob']],
    ['without a lower-case one, the first keeps its name', ['Bob', 'BOB'], ['Bob', '%42%4F%42']],
    ['case ids too', ['A-1', 'a-1'], ['%41-1', 'a-1']],
  ])('%s', (_name, names, files) => {
    const map = distinctFileNames(names);
    expect(names.map((n) => map.get(n))).toEqual(files);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
    expect(files.map((f) => fromFileName(f))).toEqual(names);
  });
});
