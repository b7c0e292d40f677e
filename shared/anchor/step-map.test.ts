import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Mapping, StepMap, type ChangedRange } from './step-map.ts';

const r = (oldStart: number, oldSize: number, newSize: number): ChangedRange => ({ oldStart, oldSize, newSize });

describe('StepMap.mapResult', () => {
  // "0123456789": replace [3,5) by 4 characters, insert 2 at 8.
  const map = new StepMap([r(3, 2, 4), r(8, 0, 2)]);
  it.each([
    ['before every change', 2, 1, 2, false],
    ['at the start of a replacement keeps to the text before', 3, 1, 3, false],
    ['inside a replacement, assoc 1 goes after it', 4, 1, 7, true],
    ['inside a replacement, assoc -1 goes before it', 4, -1, 3, true],
    ['at the end of a replacement keeps to the text after', 5, -1, 7, false],
    ['between changes shifts by the first delta', 6, 1, 8, false],
    ['at an insertion point, assoc 1 goes after the insertion', 8, 1, 12, false],
    ['at an insertion point, assoc -1 stays before it', 8, -1, 10, false],
    ['after every change shifts by both deltas', 9, 1, 13, false],
  ] as const)('%s', (_name, pos, assoc, expected, deleted) => {
    expect(map.mapResult(pos, assoc)).toEqual({ pos: expected, deleted });
    expect(map.map(pos, assoc)).toBe(expected);
  });

  it('defaults to assoc 1', () => {
    expect(map.map(8)).toBe(12);
  });

  it('merges touching ranges: the seam between two replacements is inside one', () => {
    const merged = new StepMap([r(2, 1, 0), r(3, 1, 3)]);
    expect(merged.ranges).toEqual([r(2, 2, 3)]);
    expect(merged.mapResult(3, -1)).toEqual({ pos: 2, deleted: true });
  });

  it('drops empty ranges and rejects bad ones', () => {
    expect(new StepMap([r(4, 0, 0)]).ranges).toEqual([]);
    expect(() => new StepMap([r(5, 2, 0), r(6, 1, 1)])).toThrow(RangeError);
    expect(() => new StepMap([r(-1, 1, 1)])).toThrow(RangeError);
    expect(() => new StepMap([r(0, 1.5, 1)])).toThrow(RangeError);
  });

  it('reports each range in old and new coordinates', () => {
    const seen: number[][] = [];
    map.forEach((a, b, c, d) => seen.push([a, b, c, d]));
    expect(seen).toEqual([
      [3, 5, 3, 7],
      [8, 8, 10, 12],
    ]);
  });
});

describe('StepMap.invert', () => {
  it('maps the new text back to the old', () => {
    const map = new StepMap([r(3, 2, 4), r(8, 0, 2)]);
    const back = map.invert();
    expect(back.ranges).toEqual([r(3, 4, 2), r(10, 2, 0)]);
    expect(back.map(7)).toBe(5);
    expect(back.map(13)).toBe(9);
    expect(back.invert().ranges).toEqual(map.ranges);
  });
});

describe('Mapping', () => {
  it('applies its maps in order and remembers deletions', () => {
    const mapping = new Mapping([new StepMap([r(0, 0, 3)])]);
    mapping.appendMap(new StepMap([r(4, 4, 1)]));
    expect(mapping.map(2)).toBe(5);
    expect(mapping.mapResult(3, -1)).toEqual({ pos: 4, deleted: true });
    expect(new Mapping().map(7)).toBe(7);
  });
});

/** Ascending, non-overlapping ranges made from gaps and sizes. */
const rangesArb = fc
  .array(fc.record({ gap: fc.nat(6), oldSize: fc.nat(4), newSize: fc.nat(4) }), { maxLength: 8 })
  .map((parts) => {
    let at = 0;
    return parts.map(({ gap, oldSize, newSize }) => {
      const range = r(at + gap, oldSize, newSize);
      at += gap + oldSize;
      return range;
    });
  });
const assocArb = fc.constantFrom(-1, 1);

describe('StepMap properties', () => {
  it('the empty map is the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 100 }), assocArb, (pos, assoc) => {
        expect(StepMap.empty.mapResult(pos, assoc)).toEqual({ pos, deleted: false });
        expect(new Mapping([StepMap.empty, StepMap.empty]).map(pos, assoc)).toBe(pos);
      }),
    );
  });

  it('is monotonic: a ≤ b ⇒ map(a) ≤ map(b), and assoc -1 never lands after assoc 1', () => {
    fc.assert(
      fc.property(rangesArb, fc.nat(60), fc.nat(60), assocArb, (ranges, a, b, assoc) => {
        const map = new StepMap(ranges);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(map.map(lo, assoc)).toBeLessThanOrEqual(map.map(hi, assoc));
        expect(map.map(lo, -1)).toBeLessThanOrEqual(map.map(lo, 1));
      }),
    );
  });

  it('shifts positions outside every change by the size gained before them', () => {
    fc.assert(
      fc.property(rangesArb, fc.nat(60), assocArb, (ranges, pos, assoc) => {
        const inOrAt = ranges.some((x) => pos >= x.oldStart && pos <= x.oldStart + x.oldSize);
        fc.pre(!inOrAt);
        const delta = ranges
          .filter((x) => x.oldStart + x.oldSize < pos)
          .reduce((sum, x) => sum + x.newSize - x.oldSize, 0);
        expect(new StepMap(ranges).mapResult(pos, assoc)).toEqual({ pos: pos + delta, deleted: false });
      }),
    );
  });

  it('maps every kept character of a text onto the same character of the edited text', () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        // Apply the ranges to a text of distinct characters and check each kept one.
        const oldLen = Math.max(0, ...ranges.map((x) => x.oldStart + x.oldSize)) + 3;
        const oldChars = Array.from({ length: oldLen }, (_, i) => `o${i}`);
        const newChars: string[] = [];
        let at = 0;
        ranges.forEach((x, k) => {
          newChars.push(...oldChars.slice(at, x.oldStart));
          for (let i = 0; i < x.newSize; i++) newChars.push(`n${k}.${i}`);
          at = x.oldStart + x.oldSize;
        });
        newChars.push(...oldChars.slice(at));
        const map = new StepMap(ranges);
        oldChars.forEach((c, i) => {
          const kept = !ranges.some((x) => i >= x.oldStart && i < x.oldStart + x.oldSize);
          if (kept) expect(newChars[map.map(i, 1)]).toBe(c);
        });
      }),
    );
  });

  it('inverting maps every position away from the changes back where it came from', () => {
    fc.assert(
      fc.property(rangesArb, fc.nat(60), fc.constantFrom(-1, 1), (ranges, pos, assoc) => {
        fc.pre(!ranges.some((x) => pos >= x.oldStart && pos <= x.oldStart + x.oldSize));
        const map = new StepMap(ranges);
        expect(map.invert().map(map.map(pos, assoc), assoc)).toBe(pos);
      }),
    );
  });

  it('inverts a Mapping as its maps inverted in reverse order', () => {
    fc.assert(
      fc.property(rangesArb, rangesArb, (first, second) => {
        const a = new StepMap(first);
        const b = new StepMap(second);
        expect(new Mapping([a, b]).invert().maps.map((m) => m.ranges)).toEqual([b.invert().ranges, a.invert().ranges]);
      }),
    );
  });

  it('a Mapping of two maps maps like the maps one after the other', () => {
    fc.assert(
      fc.property(rangesArb, rangesArb, fc.nat(60), assocArb, (first, second, pos, assoc) => {
        const a = new StepMap(first);
        const b = new StepMap(second);
        const ab = new Mapping([a, b]);
        const ra = a.mapResult(pos, assoc);
        const rb = b.mapResult(ra.pos, assoc);
        expect(ab.mapResult(pos, assoc)).toEqual({ pos: rb.pos, deleted: ra.deleted || rb.deleted });
      }),
    );
  });
});
