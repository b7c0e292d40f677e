/**
 * n / d for big integers, rounded once at the end. Number(n) / Number(d) would be fine below
 * 2^53 but loses the exactness of the integer sums above it, and overflows past 2^1024; dropping
 * the same number of low bits from both keeps 64 significant bits of the smaller, more than the
 * 53 a double holds.
 */
export function bigRatio(n: bigint, d: bigint): number {
  const shift = Math.max(0, Math.min(bitLength(n), bitLength(d)) - 64);
  if (shift === 0) return Number(n) / Number(d);
  const s = BigInt(shift);
  return Number(n >> s) / Number(d >> s);
}

/** Bits of |x|: from its hexadecimal digits (a quarter as many as binary ones to write out), the first counted exactly. */
function bitLength(x: bigint): number {
  const hex = (x < 0n ? -x : x).toString(16);
  return (hex.length - 1) * 4 + (hex === '0' ? 0 : 32 - Math.clz32(Number.parseInt(hex[0]!, 16)));
}
