import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cohenKappa } from './cohen-kappa.ts';
import { fleissKappa } from './fleiss-kappa.ts';
import { iccAll, ICC_TYPES } from './icc.ts';
import { krippendorffAlpha } from './krippendorff-alpha.ts';
import { spanAgreement, type SpanAgreement, type SpanLike } from './span-agreement.ts';
import { unitizingAlpha, type UnitizedCase } from './unitizing-alpha.ts';
import { weightedKappa } from './weighted-kappa.ts';

/** The items in the order of their random keys: a permutation fast-check can shrink. */
function permuted<T>(keyed: ReadonlyArray<readonly [T, number]>): T[] {
  return [...keyed].sort((x, y) => x[1] - y[1]).map(([t]) => t);
}
const withKeys = <T,>(arb: fc.Arbitrary<T>, opts: fc.ArrayConstraints = {}) => fc.array(fc.tuple(arb, fc.integer()), opts);

const spanArb: fc.Arbitrary<SpanLike> = fc
  .record({ caseId: fc.constantFrom('c1', 'c2'), label: fc.constantFrom('x', 'y'), start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 10 }) })
  .map(({ caseId, label, start, length }) => ({ caseId, label, start, end: start + length }));

const f1s = (r: SpanAgreement) => [r.overall, ...Object.values(r.byLabel), ...Object.values(r.byCase).map((c) => c.overall)].flatMap((s) => [s.exact, s.overlap]);

describe('span agreement (properties)', () => {
  it('keeps P, R and F1 in [0, 1], F1 symmetric, and ignores input order', () => {
    fc.assert(
      fc.property(withKeys(spanArb, { maxLength: 12 }), withKeys(spanArb, { maxLength: 12 }), (ka, kb) => {
        const a = ka.map(([s]) => s);
        const b = kb.map(([s]) => s);
        const ab = spanAgreement(a, b);
        for (const m of f1s(ab)) {
          for (const v of [m.precision, m.recall, m.f1]) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
          expect(m.matched).toBeLessThanOrEqual(Math.min(m.reference, m.candidate));
        }
        const ba = spanAgreement(b, a);
        expect(f1s(ba).map((m) => m.f1)).toEqual(f1s(ab).map((m) => m.f1));
        expect(spanAgreement(permuted(ka), permuted(kb))).toEqual(ab);
      }),
    );
  });

  it('gives F1 = 1 for a reviewer compared with themself', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { minLength: 1, maxLength: 12 }), (a) => {
        const r = spanAgreement(a, a.toReversed());
        expect(r.overall.exact.f1).toBe(1);
        expect(r.overall.overlap.f1).toBe(1);
      }),
    );
  });
});

const caseArb = (reviewers: readonly string[]): fc.Arbitrary<UnitizedCase> =>
  fc.integer({ min: 1, max: 30 }).chain((length) =>
    fc
      .tuple(
        ...reviewers.map(() =>
          fc.array(
            fc
              .record({ a: fc.integer({ min: 0, max: length }), b: fc.integer({ min: 0, max: length }), label: fc.constantFrom('x', 'y') })
              .map(({ a, b, label }) => ({ start: Math.min(a, b), end: Math.max(a, b), label })),
            { maxLength: 4 },
          ),
        ),
      )
      .map((segs) => ({ caseId: '', length, byReviewer: Object.fromEntries(reviewers.map((r, i) => [r, segs[i]!])) })),
  );

const casesArb = fc
  .constantFrom(['A', 'B'], ['A', 'B', 'C'])
  .chain((reviewers) => withKeys(caseArb(reviewers), { minLength: 1, maxLength: 3 }))
  .map((keyed) => keyed.map(([c, k], i) => [{ ...c, caseId: `c${i}` }, k] as const));

describe('unitizing alpha (properties)', () => {
  it('is at most 1, and unchanged by the order of cases and of reviewers', () => {
    fc.assert(
      fc.property(casesArb, (keyed) => {
        const cases = keyed.map(([c]) => c);
        const r = unitizingAlpha(cases);
        for (const c of [r.overall, ...Object.values(r.byLabel)]) if (c.value !== null) expect(c.value).toBeLessThanOrEqual(1);
        const reordered = permuted(keyed).map((c) => ({ ...c, byReviewer: Object.fromEntries(Object.entries(c.byReviewer).toReversed()) }));
        const again = unitizingAlpha(reordered);
        expect(again.overall.reason).toBe(r.overall.reason);
        if (r.overall.value !== null) expect(again.overall.value).toBeCloseTo(r.overall.value, 12);
      }),
    );
  });

  it('is 1 for reviewers who unitize alike, wherever it is defined', () => {
    fc.assert(
      fc.property(casesArb, (keyed) => {
        const cases = keyed.map(([c]) => ({ ...c, byReviewer: { A: c.byReviewer['A']!, B: c.byReviewer['A']!, C: c.byReviewer['A']!.toReversed() } }));
        const r = unitizingAlpha(cases);
        for (const c of [r.overall, ...Object.values(r.byLabel)]) expect(c.value === null || c.value === 1).toBe(true);
      }),
    );
  });
});

const category = fc.constantFrom('a', 'b', 'c');
const pairArb = fc.tuple(category, category);

describe('kappas (properties)', () => {
  it('Cohen: at most 1, symmetric in the raters, unchanged by item order, 1 for identical raters', () => {
    fc.assert(
      fc.property(withKeys(pairArb, { maxLength: 30 }), (keyed) => {
        const pairs = keyed.map(([p]) => p);
        const k = cohenKappa(pairs);
        if (k.value !== null) expect(k.value).toBeLessThanOrEqual(1);
        expect(cohenKappa(pairs.map(([x, y]) => [y, x] as [string, string])).value).toBe(k.value);
        expect(cohenKappa(permuted(keyed)).value).toBe(k.value);
        const same = cohenKappa(pairs.map(([x]) => [x, x] as [string, string]));
        expect(same.value === 1 || same.reason === 'no-variation' || same.reason === 'no-data').toBe(true);
      }),
    );
  });

  it('weighted: at most 1, symmetric, 1 for identical raters, and Cohen\'s kappa on two categories', () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score), { maxLength: 30 }), fc.constantFrom('linear' as const, 'quadratic' as const), (pairs, w) => {
        const scale = [1, 2, 3, 4, 5];
        const k = weightedKappa(pairs, scale, w);
        if (k.value !== null) expect(k.value).toBeLessThanOrEqual(1);
        expect(weightedKappa(pairs.map(([x, y]) => [y, x] as [number, number]), scale, w).value).toBe(k.value);
        const same = weightedKappa(pairs.map(([x]) => [x, x] as [number, number]), scale, w);
        expect(same.value === 1 || same.value === null).toBe(true);
        const binary = pairs.map(([x, y]) => [x > 2 ? 'hi' : 'lo', y > 2 ? 'hi' : 'lo'] as [string, string]);
        const cohen = cohenKappa(binary, { categories: ['lo', 'hi'] }).value;
        const weighted = weightedKappa(binary, ['lo', 'hi'], w).value;
        if (cohen === null) expect(weighted).toBeNull();
        else expect(weighted).toBeCloseTo(cohen, 12);
      }),
    );
  });

  it('Fleiss: at most 1, unchanged by item order, 1 when every item is unanimous', () => {
    const itemsArb = fc.integer({ min: 2, max: 5 }).chain((n) => withKeys(fc.array(category, { minLength: n, maxLength: n }), { maxLength: 20 }));
    const counts = (ratings: readonly string[]) => {
      const out: Record<string, number> = {};
      for (const r of ratings) out[r] = (out[r] ?? 0) + 1;
      return out;
    };
    fc.assert(
      fc.property(itemsArb, (keyed) => {
        const k = fleissKappa(keyed.map(([item]) => counts(item)));
        if (k.value !== null) expect(k.value).toBeLessThanOrEqual(1);
        expect(fleissKappa(permuted(keyed).map(counts)).value).toBe(k.value);
        const unanimous = fleissKappa(keyed.map(([item]) => counts(item.map(() => item[0]!))));
        expect(unanimous.value === 1 || unanimous.value === null).toBe(true);
      }),
    );
  });
});

const matrixArb = (rows: fc.Arbitrary<number>, cols: fc.Arbitrary<number>, cell: fc.Arbitrary<number | null>) =>
  fc.tuple(rows, cols).chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

const transpose = <T,>(m: readonly (readonly T[])[]): T[][] => (m[0] ?? []).map((_, j) => m.map((row) => row[j]!));
const reverseEach = <T,>(m: readonly (readonly T[])[]): T[][] => m.map((row) => row.toReversed());

describe('Krippendorff\'s alpha and ICC (properties)', () => {
  const score = fc.integer({ min: 1, max: 5 });

  it('alpha: at most 1, unchanged by the order of units and raters, 1 for identical raters', () => {
    const data = matrixArb(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 12 }), fc.option(score, { freq: 4 }));
    fc.assert(
      fc.property(data, fc.constantFrom('nominal' as const, 'ordinal' as const, 'interval' as const, 'ratio' as const), (d, level) => {
        const a = krippendorffAlpha(d, level);
        if (a.value !== null) expect(a.value).toBeLessThanOrEqual(1 + 1e-12);
        for (const other of [krippendorffAlpha(reverseEach(d), level), krippendorffAlpha(d.toReversed(), level)]) {
          expect(other.reason).toBe(a.reason);
          if (a.value !== null) expect(other.value).toBeCloseTo(a.value, 10);
        }
        const same = krippendorffAlpha(d.map(() => d[0]!), level);
        expect(same.value === 1 || same.value === null).toBe(true);
      }),
    );
  });

  it('ICC: at most 1, unchanged by the order of items and raters, 1 for identical raters', () => {
    const data = matrixArb(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 4 }), score) as fc.Arbitrary<number[][]>;
    fc.assert(
      fc.property(data, (m) => {
        const all = iccAll(m);
        const items = iccAll(m.toReversed());
        const raters = iccAll(reverseEach(m));
        for (const t of ICC_TYPES) {
          const v = all[t].value;
          if (v !== null) expect(v).toBeLessThanOrEqual(1 + 1e-12);
          for (const other of [items[t], raters[t]]) {
            expect(other.reason).toBe(all[t].reason);
            if (v !== null) expect(other.value).toBeCloseTo(v, 10);
          }
        }
        const alike = iccAll(transpose(transpose(m).map(() => m.map((row) => row[0]!))));
        for (const t of ['ICC(2,1)', 'ICC(3,1)', 'ICC(2,k)', 'ICC(3,k)'] as const) {
          expect(alike[t].value === null || Math.abs(alike[t].value! - 1) < 1e-12).toBe(true);
        }
      }),
    );
  });
});
