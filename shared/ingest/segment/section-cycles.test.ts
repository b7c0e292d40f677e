import { describe, expect, it } from 'vitest';
import type { SectionKind } from '../../model/sections.ts';
import { cycleStarts, type SectionHeadingRef } from './section-cycles.ts';

const h = (index: number, kinds: SectionKind[] | null, value: number | null = null): SectionHeadingRef => ({ index, kinds, value });

describe('cycles of sections: where the next case starts', () => {
  it.each<[string, SectionHeadingRef[], Array<[number, string]>]>([
    ['one case, numbered', [h(1, ['background'], 1), h(3, ['practices'], 2), h(5, ['results'], 3), h(7, ['lessons'], 4)], [[0, 'first']]],
    ['two cases, numbered: kinds and numbers both start over', [h(1, ['background'], 1), h(3, ['lessons'], 2), h(9, ['background'], 1), h(11, ['results'], 2)], [[0, 'first'], [2, 'kind']]],
    ['unnumbered names: 背景 after 经验', [h(1, ['background']), h(3, ['practices']), h(5, ['lessons']), h(9, ['background']), h(11, ['practices'])], [[0, 'first'], [3, 'kind']]],
    ['narrative headings: the numbering alone starts over', [h(1, ['background'], 1), h(3, null, 2), h(5, null, 3), h(9, null, 1), h(11, null, 2)], [[0, 'first'], [3, 'number']]],
    ['a subsection named 经验 does not end the case', [h(1, ['background'], 1), h(3, ['practices'], 2), h(4, ['lessons'], 3), h(6, ['results'], 4)], [[0, 'first']]],
    ['problems before practices, plans after lessons', [h(1, ['problems']), h(3, ['practices']), h(5, ['lessons']), h(6, ['plans']), h(9, ['background'])], [[0, 'first'], [4, 'kind']]],
    ['headings before the first section name belong to no case', [h(1, null), h(2, null), h(5, ['background'], 1), h(7, ['practices'], 2)], [[2, 'first']]],
  ])('%s', (_what, headings, expected) => {
    expect(cycleStarts(headings).map((c) => [c.at, c.by])).toEqual(expected);
  });
});
