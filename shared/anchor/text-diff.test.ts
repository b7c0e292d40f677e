import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits, codePointBoundaries, editOpArb, withAstral } from './random-edits.fixture.ts';
import { REANCHOR_CORPUS } from './reanchor-corpus.ts';
import type { StepMap } from './step-map.ts';
import { diffTexts, type DiffOptions } from './text-diff.ts';

const BASES = [...new Set(REANCHOR_CORPUS.map((c) => c.oldText))];

/**
 * The map is a faithful account of the edit: the text between replaced ranges is the same in
 * both texts, so every character outside the ranges maps onto itself; and no range boundary
 * cuts a surrogate pair in either text.
 */
function expectFaithful(oldText: string, newText: string, map: StepMap): void {
  let rebuilt = '';
  let at = 0;
  const oldCuts = new Set(codePointBoundaries(oldText));
  const newCuts = new Set(codePointBoundaries(newText));
  const cuts: string[] = [];
  map.forEach((oldStart, oldEnd, newStart, newEnd) => {
    if (!oldCuts.has(oldStart) || !oldCuts.has(oldEnd)) cuts.push(`old ${oldStart}-${oldEnd}`);
    if (!newCuts.has(newStart) || !newCuts.has(newEnd)) cuts.push(`new ${newStart}-${newEnd}`);
    rebuilt += oldText.slice(at, oldStart) + newText.slice(newStart, newEnd);
    at = oldEnd;
  });
  expect(cuts, 'ranges that cut a surrogate pair').toEqual([]);
  expect(rebuilt + oldText.slice(at)).toBe(newText);
  // Every kept character maps onto the same character.
  const replaced = map.ranges;
  const misplaced: number[] = [];
  let r = 0;
  for (let i = 0; i < oldText.length; i++) {
    while (r < replaced.length && replaced[r]!.oldStart + replaced[r]!.oldSize <= i) r++;
    const inside = r < replaced.length && replaced[r]!.oldStart <= i;
    if (!inside && newText[map.map(i, 1)] !== oldText[i]) misplaced.push(i);
  }
  expect(misplaced, 'kept characters mapped elsewhere').toEqual([]);
}

describe('diffTexts', () => {
  it.each([
    ['identical texts', '健康中国\n行动', '健康中国\n行动', []],
    ['a typo fixed', '全省居民健康素养水平\n提升到26.82%', '全省居民健康素养水平\n提升到26.83%', [{ oldStart: 18, oldSize: 1, newSize: 1 }]],
    ['a line break removed', '两次体质检测，其\n中 866人', '两次体质检测，其中 866人', [{ oldStart: 8, oldSize: 1, newSize: 0 }]],
    // The deleted paragraph is taken whole, not slid along the shared "（".
    ['a paragraph deleted', '三、推进成效\n（一）意识增强。\n（二）素养提升。', '三、推进成效\n（二）素养提升。', [{ oldStart: 7, oldSize: 9, newSize: 0 }]],
    ['text emptied', '健康', '', [{ oldStart: 0, oldSize: 2, newSize: 0 }]],
    ['text from nothing', '', '健康', [{ oldStart: 0, oldSize: 0, newSize: 2 }]],
    ['an astral character replaced', '在𠀀家村', '在😀家村', [{ oldStart: 1, oldSize: 2, newSize: 2 }]],
  ] as const)('%s', (_name, oldText, newText, ranges) => {
    const { map, complete } = diffTexts(oldText, newText);
    expect(complete).toBe(true);
    expect(map.ranges).toEqual(ranges);
    expectFaithful(oldText, newText, map);
  });

  it('never cuts a surrogate pair when two astral characters share their high half', () => {
    // 😀 and 😁 are D83D DE00 and D83D DE01: a code unit diff would keep the shared D83D.
    const { map } = diffTexts('点赞😀。', '点赞😁。');
    expect(map.ranges).toEqual([{ oldStart: 2, oldSize: 2, newSize: 2 }]);
  });

  it('maps every unchanged character to the same character (property, Chinese text with 𠀀 and emoji)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 4 }),
        fc.array(editOpArb(), { maxLength: 30 }),
        (base, astralAt, ops) => {
          const { oldText, newText } = applyEdits(withAstral(base, astralAt), ops);
          expectFaithful(oldText, newText, diffTexts(oldText, newText).map);
          // Without limits nothing is given up.
          const unlimited = diffTexts(oldText, newText, { timeoutMs: 60_000, maxEditLength: Number.POSITIVE_INFINITY });
          expect(unlimited.complete).toBe(true);
          expectFaithful(oldText, newText, unlimited.map);
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('when the character diff gives up', () => {
    it.each([
      ['no edit script allowed', { maxEditLength: 0 }],
      ['no time left', { timeoutMs: 0 }],
    ] as const)('%s: still a valid map, the affected stretch replaced wholesale', (_name, opts: DiffOptions) => {
      fc.assert(
        fc.property(fc.constantFrom(...BASES), fc.array(editOpArb(), { minLength: 1, maxLength: 20 }), (base, ops) => {
          const { oldText, newText } = applyEdits(base, ops);
          expectFaithful(oldText, newText, diffTexts(oldText, newText, opts).map);
        }),
        { numRuns: 100 },
      );
    });

    it('replaces only the stretch it could not diff', () => {
      const oldText = '第一段没有改动。\n第二段有一个错别字，其余不变。\n第三段没有改动。';
      const newText = '第一段没有改动。\n第二段有一个错字，其余不变。\n第三段没有改动。';
      const { map, complete } = diffTexts(oldText, newText, { maxEditLength: 0 });
      expect(complete).toBe(false);
      // The clause "第二段有一个错别字，", not its paragraph.
      expect(map.ranges).toEqual([{ oldStart: 9, oldSize: 10, newSize: 9 }]);
    });
  });
});
