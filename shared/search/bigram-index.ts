import { foldChar } from './fold.ts';

/**
 * Which texts may hold a query: for each text, a bit set of the pairs of adjacent characters
 * (bigrams) it holds, hashed, so that a search reads only the texts that have every pair of the
 * query. Chinese has no spaces to cut words at; pairs of characters narrow a query as well as
 * words would, with no segmenter. A set of about eight bits a character is made in one pass
 * over the text (no map of every pair: that took seconds over a library of thousands of cases)
 * and says "maybe" for a pair it does not hold about one time in eight, so a candidate is only a
 * place to look: the search checks each. Pairs are of folded characters (fold.ts), so that a
 * folded query finds the texts as they are.
 */
export class BigramIndex {
  private readonly sets: Uint32Array[] = [];

  /** Index (or index again, after an update) the text at `slot`, as folded. */
  add(slot: number, text: string): void {
    let bits = 1024;
    while (bits < text.length * 8) bits *= 2;
    const words = new Uint32Array(bits >>> 5);
    const mask = bits - 1;
    let previous = text.length ? foldChar(text.charCodeAt(0)) : 0;
    for (let i = 1; i < text.length; i++) {
      const next = foldChar(text.charCodeAt(i));
      const h = pairHash(previous, next) & mask;
      words[h >>> 5]! |= 1 << (h & 31);
      previous = next;
    }
    this.sets[slot] = words;
  }

  /** The slots that may hold `query` (folded), in increasing order; null when it has no pair (a single character: every text may). */
  candidates(query: string): number[] | null {
    if (query.length < 2) return null;
    const hashes: number[] = [];
    for (let i = 0; i + 1 < query.length; i++) hashes.push(pairHash(query.charCodeAt(i), query.charCodeAt(i + 1)));
    const out: number[] = [];
    this.sets.forEach((words, slot) => {
      const mask = words.length * 32 - 1;
      for (const h of hashes) {
        const b = h & mask;
        if (!(words[b >>> 5]! & (1 << (b & 31)))) return;
      }
      out.push(slot);
    });
    return out;
  }
}

/** A pair of UTF-16 units mixed into 32 bits, its low bits as good as its high ones. */
function pairHash(a: number, b: number): number {
  let h = Math.imul((a << 16) | b, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
