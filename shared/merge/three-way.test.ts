import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, merge3, mergeKeyedList, mergeObject, mergeStringList } from './three-way.ts';

interface Label {
  id: string;
  color: string;
  name: string;
}
const labels = mergeKeyedList<Label>((l) => l.id, mergeObject<Label>());
const L = (id: string, color = '#000000', name = id): Label => ({ id, color, name });

describe('three-way merge', () => {
  it.each([
    ['they added a label, I changed another', [L('a'), L('b')], [L('a', '#111111'), L('b')], [L('a'), L('b'), L('c')], [L('a', '#111111'), L('b'), L('c')], []],
    ['I added a label after a, they added one at the end', [L('a'), L('b')], [L('a'), L('x'), L('b')], [L('a'), L('b'), L('c')], [L('a'), L('x'), L('b'), L('c')], []],
    ['both added the same label alike', [L('a')], [L('a'), L('c')], [L('a'), L('c')], [L('a'), L('c')], []],
    ['I removed a label they left alone', [L('a'), L('b')], [L('a')], [L('a'), L('b'), L('c')], [L('a'), L('c')], []],
    ['they removed a label I left alone', [L('a'), L('b')], [L('a'), L('b'), L('x')], [L('a')], [L('a'), L('x')], []],
    ['different fields of one label', [L('a')], [L('a', '#111111')], [L('a', '#000000', 'renamed')], [L('a', '#111111', 'renamed')], []],
    ['the same field of one label, differently: a conflict, theirs kept', [L('a')], [L('a', '#111111')], [L('a', '#222222')], [L('a', '#222222')], [['a', 'color']]],
    ['removed here, changed there: a conflict, kept', [L('a'), L('b')], [L('a')], [L('a'), L('b', '#333333')], [L('a'), L('b', '#333333')], [['b']]],
    ['changed here, removed there: a conflict, kept', [L('a'), L('b')], [L('a'), L('b', '#333333')], [L('a')], [L('a'), L('b', '#333333')], [['b']]],
  ])('%s', (_what, base, mine, theirs, merged, conflicts) => {
    const r = merge3(base, mine, theirs, labels);
    expect(r.value).toEqual(merged);
    expect(r.conflicts).toEqual(conflicts);
  });

  it('merges lists of case ids: both sides\' additions kept, removals held', () => {
    expect(merge3(['a', 'b', 'c'], ['a', 'c', 'd'], ['x', 'a', 'b', 'c'], mergeStringList).value).toEqual(['x', 'a', 'c', 'd']);
  });

  it('merges objects with nested lists (a compendium draft: parts by title, their case ids)', () => {
    type Part = { title: string; caseIds: string[] };
    type Draft = { title: string; parts: Part[] };
    const draft = mergeObject<Draft>({ parts: mergeKeyedList<Part>((p) => p.title, mergeObject<Part>({ caseIds: mergeStringList })) });
    const base: Draft = { title: 'T', parts: [{ title: 'p1', caseIds: ['a'] }] };
    const mine: Draft = { title: 'T2', parts: [{ title: 'p1', caseIds: ['a', 'b'] }] };
    const theirs: Draft = { title: 'T', parts: [{ title: 'p1', caseIds: ['z', 'a'] }, { title: 'p2', caseIds: ['c'] }] };
    expect(merge3(base, mine, theirs, draft)).toEqual({ value: { title: 'T2', parts: [{ title: 'p1', caseIds: ['z', 'a', 'b'] }, { title: 'p2', caseIds: ['c'] }] }, conflicts: [] });
  });

  it('keeps every addition of either side and takes either side whole when the other did nothing (property)', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghij'), { maxLength: 8 });
    fc.assert(
      fc.property(ids, ids, ids, (base, mine, theirs) => {
        const r = merge3(base, mine, theirs, mergeStringList);
        for (const k of [...mine, ...theirs]) if (!base.includes(k)) expect(r.value).toContain(k);
        expect(new Set(r.value).size).toBe(r.value.length);
        expect(merge3(base, base, theirs, mergeStringList).value).toEqual(theirs);
        expect(merge3(base, mine, base, mergeStringList).value).toEqual(mine);
      }),
    );
  });

  it('compares values by content, not key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
