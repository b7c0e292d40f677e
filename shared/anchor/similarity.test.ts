import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, similarity, similarityAtLeast } from './similarity.ts';

/** The textbook full-matrix Levenshtein distance, as a reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_unused, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['健康', '', 2],
    ['26.82%', '26.83%', 1],
    ['全省居民健康素养', '居民健康素养', 2],
    ['严密防线', '严密防护网', 2],
    // UTF-16 code units: 👍 and 👏 share their high surrogate.
    ['点赞👍', '点赞👏', 1],
  ] as const)('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops at the bound with bound + 1', () => {
    expect(editDistance('健康素养水平', '工作推进机制', 2)).toBe(3);
    expect(editDistance('健康', '健康素养水平', 3)).toBe(4);
  });

  it('agrees with the full matrix, and a bound never changes a distance within it (property)', () => {
    const text = fc.array(fc.constantFrom(...'健康素养水平，。的a'), { maxLength: 14 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(16), (a, b, max) => {
        const d = reference(a, b);
        expect(editDistance(a, b)).toBe(d);
        expect(editDistance(a, b, max)).toBe(d <= max ? d : max + 1);
      }),
    );
  });
});

describe('similarity', () => {
  it('is 1 for equal strings and 1 − edits / longer length otherwise', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('健康', '健康')).toBe(1);
    expect(similarity('26.82%', '26.83%')).toBeCloseTo(5 / 6);
    expect(similarity('健康', '工作')).toBe(0);
  });

  it('similarityAtLeast gives the similarity when it reaches the bar, -1 below', () => {
    expect(similarityAtLeast('26.82%', '26.83%', 0.8)).toBeCloseTo(5 / 6);
    expect(similarityAtLeast('26.82%', '26.13%', 0.8)).toBe(-1);
    expect(similarityAtLeast('', '', 0.8)).toBe(1);
  });
});
