import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigRatio } from './big-ratio.ts';
import { ExactSum, safeProduct } from './exact-sum.ts';
import { expectedNumerator, unitPairs } from './unitizing-alpha.ts';

/** expectedNumerator as it was, every term a bigint: the reference the double fast path must equal. */
function expectedNumeratorAllBig(units: readonly number[], gaps: readonly number[]): bigint {
  const sorted = [...gaps].sort((x, y) => x - y);
  const n = BigInt(units.length);
  let sum = 0n;
  for (const l of units) {
    const L = BigInt(l);
    let beyond = 0n;
    for (const h of sorted) if (h >= l) beyond += BigInt(h) - L + 1n;
    sum += ((n - 1n) * L * (L - 1n) * (2n * L - 1n)) / 3n + L * L * beyond;
  }
  return sum;
}

const MAX = Number.MAX_SAFE_INTEGER;

describe('ExactSum', () => {
  it.each([
    ['small numbers', [1, 2, 3], 6n],
    ['past 2^53', [MAX, MAX, 1], 2n * BigInt(MAX) + 1n],
    ['back and forth around 2^53', [MAX, -MAX, MAX, 5], BigInt(MAX) + 5n],
    ['nothing', [], 0n],
  ])('%s', (_, terms, expected) => {
    const s = new ExactSum();
    for (const t of terms) s.add(t);
    expect(s.value).toBe(expected);
  });

  it('refuses a term a double does not hold exactly', () => {
    expect(() => new ExactSum().add(2 ** 60)).toThrow(RangeError);
    expect(() => new ExactSum().add(0.5)).toThrow(RangeError);
  });

  it('equals the bigint sum of any safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(MAX))), (terms) => {
        const s = new ExactSum();
        for (const t of terms) s.add(t);
        expect(s.value).toBe(terms.reduce((a, t) => a + BigInt(t), 0n));
      }),
    );
  });
});

describe('safeProduct', () => {
  it.each([
    [3, 4, 12],
    [2 ** 26, 2 ** 26, 2 ** 52],
    [2 ** 27, 2 ** 27, null],
    [-(2 ** 30), 2 ** 30, null],
  ])('%d × %d', (a, b, expected) => expect(safeProduct(a, b)).toBe(expected));
});

describe('unitizing sums in doubles where exact', () => {
  it('expectedNumerator equals the all-bigint sum, for short units and for lengths whose cubes pass 2^53', () => {
    const length = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 3_000_000 }));
    fc.assert(
      fc.property(fc.array(length, { maxLength: 30 }), fc.array(length, { maxLength: 30 }), (units, gaps) => {
        expect(expectedNumerator(units, gaps)).toBe(expectedNumeratorAllBig(units, gaps));
      }),
    );
  });

  it('unitPairs equals Σ l(l − 1) in bigints, past 2^53 too', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200_000_000 }), { maxLength: 40 }), (lengths) => {
        expect(unitPairs(lengths)).toBe(lengths.reduce((s, l) => s + BigInt(l) * BigInt(l - 1), 0n));
      }),
    );
  });

  it('bigRatio keeps its exactness for numbers of any size (bit length from hexadecimal digits)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 1n << 300n }), fc.bigInt({ min: 1n, max: 1n << 300n }), (n, d) => {
        // Against the quotient worked out to 80 bits beyond the denominator's size, then scaled back.
        const bits = d.toString(2).length + 80;
        const reference = Number((n << BigInt(bits)) / d) / 2 ** bits;
        const r = bigRatio(n, d);
        expect(Math.abs(r - reference) / Math.max(Math.abs(reference), Number.MIN_VALUE)).toBeLessThan(1e-12);
      }),
    );
  });
});
