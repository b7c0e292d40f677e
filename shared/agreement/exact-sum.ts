/**
 * A sum of whole numbers kept exactly: in a double while it stays a safe integer (below 2^53),
 * carried into a bigint past that. Unitizing α's sums (squared distances, cubes of unit lengths)
 * pass 2^53 only in very large pools, and adding every term as a bigint made the report over a
 * library of thousands of cases spend most of its second in bigint arithmetic.
 */
export class ExactSum {
  private small = 0;
  private big = 0n;

  /** Add `n`, which must be a safe integer (a double holds it exactly). */
  add(n: number): void {
    if (!Number.isSafeInteger(n)) throw new RangeError(`ExactSum.add: ${n} is not a safe integer`);
    const sum = this.small + n;
    if (Number.isSafeInteger(sum)) {
      this.small = sum;
      return;
    }
    this.big += BigInt(this.small) + BigInt(n);
    this.small = 0;
  }

  addBig(n: bigint): void {
    this.big += n;
  }

  get value(): bigint {
    return this.big + BigInt(this.small);
  }
}

/** a·b when the product is a safe integer (then the double product is exact), else null. */
export function safeProduct(a: number, b: number): number | null {
  const p = a * b;
  return Number.isSafeInteger(p) ? p : null;
}
