import { describe, expect, it } from 'vitest';
import type { TaggedSection } from '../../../shared/model/review.ts';
import { adjacentSection, defaultSectionLevel, firstSectionOfKind, outlineTree, sectionAt, sectionLevelChoices } from './outline.ts';

const s = (heading: string, level: number, start: number, end: number, kinds: TaggedSection['kinds']): TaggedSection => ({
  heading,
  numbering: '',
  level,
  kinds,
  start,
  headingEnd: start + 4,
  end,
  source: 'loader',
  confirmed: false,
});

const sections = [
  s('工作背景', 1, 0, 100, ['background']),
  s('主要做法', 1, 100, 400, ['practices']),
  s('加强领导', 2, 110, 200, ['practices']),
  s('统一标准', 2, 200, 400, ['practices']),
  s('搭建平台', 3, 250, 400, ['practices']),
  s('成效和经验', 1, 400, 600, ['results', 'lessons']),
  s('工作经验', 2, 500, 600, ['lessons']),
];

describe('outline', () => {
  it('nests sections by level', () => {
    const tree = outlineTree(sections);
    expect(tree.map((n) => n.section.heading)).toEqual(['工作背景', '主要做法', '成效和经验']);
    expect(tree[1]!.children.map((n) => [n.section.heading, n.depth])).toEqual([
      ['加强领导', 1],
      ['统一标准', 1],
    ]);
    expect(tree[1]!.children[1]!.children[0]!.section.heading).toBe('搭建平台');
    expect(tree[1]!.children[1]!.children[0]!.index).toBe(4);
  });

  it('a tree from a flat list with a level jump still keeps every section', () => {
    const flat = [s('a', 2, 0, 10, ['other']), s('b', 1, 10, 20, ['other']), s('c', 3, 12, 20, ['other'])];
    const count = (nodes: ReturnType<typeof outlineTree>): number => nodes.reduce((n, x) => n + 1 + count(x.children), 0);
    expect(count(outlineTree(flat))).toBe(3);
  });

  it.each([
    ['lessons', 5],
    ['results', 5],
    ['background', 0],
    ['other', -1],
  ] as const)('jumps to the first %s section: %i', (kind, index) => {
    expect(firstSectionOfKind(sections, kind)).toBe(index);
  });

  it('prefers a top-level section, else a subsection of that kind', () => {
    const onlySub = [s('主要做法', 1, 0, 100, ['practices']), s('工作经验', 2, 50, 100, ['lessons'])];
    expect(firstSectionOfKind(onlySub, 'lessons')).toBe(1);
  });

  it.each([
    [50, 0],
    [150, 2],
    [300, 4],
    [550, 6],
    [700, -1],
  ])('finds the innermost section at offset %i: %i', (offset, index) => {
    expect(sectionAt(sections, offset)).toBe(index);
  });

  it('moves to the next and previous section', () => {
    expect(adjacentSection(sections, 150, 1)).toBe(3);
    expect(adjacentSection(sections, 150, -1)).toBe(2);
    expect(adjacentSection(sections, 650, 1)).toBe(-1);
  });
});

describe('a new section’s level', () => {
  const numbered = (heading: string, numbering: string, level: number, start: number, end: number): TaggedSection => ({ ...s(heading, level, start, end, ['practices']), numbering });
  const doc = [
    numbered('工作背景', '一、', 1, 0, 100),
    numbered('主要做法', '二、', 1, 100, 400),
    numbered('加强领导', '（一）', 2, 110, 200),
    numbered('统一标准', '（二）', 2, 200, 400),
    numbered('成效', '三、', 1, 400, 600),
  ];
  it.each([
    ['a sub-heading inside a top section goes one level below it', doc.slice(0, 2), 150, '建立机制', 2],
    ['inside a level-2 section: level 3', doc, 250, '具体措施', 3],
    ['numbered like existing headings: their level', doc, 250, '（三）强化考核', 2],
    ['a top-level numbering inside a section stays at the top', doc, 250, '四、经验启示', 1],
    ['a numbering no section uses yet: by where it is', doc, 250, '1. 第一步', 3],
    ['before every section: the top level', [numbered('主要做法', '二、', 1, 100, 400)], 20, '前言', 1],
    ['a case without sections: level 1', [], 20, '前言', 1],
    ['never deeper than the service allows', [s('x', 9, 0, 100, ['other'])], 50, 'y', 9],
  ])('%s', (_, list, start, heading, level) => {
    expect(defaultSectionLevel(list, start, heading)).toBe(level);
  });

  it.each([
    ['top to one below the deepest, with examples', doc, 2, [[1, '工作背景'], [2, '加强领导'], [3, null]]],
    ['the suggested level even when deeper', doc.slice(0, 2), 3, [[1, '工作背景'], [2, null], [3, null]]],
    ['no sections: level 1 and the suggestion', [], 1, [[1, null]]],
  ] as const)('offers %s', (_, list, suggested, expected) => {
    expect(sectionLevelChoices(list, suggested).map((c) => [c.level, c.example?.heading ?? null])).toEqual(expected);
  });
});
