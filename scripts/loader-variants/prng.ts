/**
 * A small seeded PRNG (mulberry32) so every variant's perturbations are the same on each run:
 * the committed fixtures can be remade byte for byte (PDFs aside, which carry dates).
 */
const SALT = process.env.LOADER_VARIANTS_SALT ?? '';

export class Prng {
  private state: number;

  constructor(seed: string | number) {
    // LOADER_VARIANTS_SALT makes other variants of every kind (other cases, other perturbations); unset, the committed ones.
    this.state = typeof seed === 'number' ? seed >>> 0 : hash(SALT ? `${seed}\u0000${SALT}` : seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `n` distinct items in their original order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const idx = this.shuffle(items.map((_, i) => i)).slice(0, Math.min(n, items.length));
    return idx.sort((a, b) => a - b).map((i) => items[i]!);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
