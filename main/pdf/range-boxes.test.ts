import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesForRange } from './range-boxes.ts';

// Two boxes on one line: characters 0–10 (ten 16-point characters from x=100) and 10–14
// (four 8-point digits), then a box on the next page for 15–20.
const geometry = {
  pages: [
    { width: 595, height: 842 },
    { width: 595, height: 842 },
  ],
  boxes: [0, 10, 1, 100, 200, 160, 17, 10, 14, 1, 260, 200, 32, 17, 15, 20, 2, 80, 100, 80, 17],
};

describe('boxesForRange', () => {
  it('cuts a box in proportion to the characters covered', () => {
    expect(boxesForRange(geometry, 2, 5)).toEqual([{ page: 1, x: 132, y: 200, width: 48, height: 17 }]);
    expect(boxesForRange(geometry, 8, 12)).toEqual([
      { page: 1, x: 228, y: 200, width: 32, height: 17 },
      { page: 1, x: 260, y: 200, width: 16, height: 17 },
    ]);
  });

  it('runs across pages, and a separator between boxes has none', () => {
    expect(boxesForRange(geometry, 13, 17).map((b) => b.page)).toEqual([1, 2]);
    expect(boxesForRange(geometry, 14, 15)).toEqual([]);
    expect(boxesForRange(geometry, 30, 40)).toEqual([]);
  });

  it('splitting a range anywhere gives the same total width', () => {
    const width = (a: number, b: number) => boxesForRange(geometry, a, b).reduce((n, x) => n + x.width, 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (p, q, r) => {
        const [a, b, c] = [p, q, r].sort((x, y) => x - y) as [number, number, number];
        expect(width(a, b) + width(b, c)).toBeCloseTo(width(a, c), 1);
      }),
    );
  });
});
