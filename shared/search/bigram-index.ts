/**
 * Which texts hold each pair of adjacent characters (a bigram), so that a search reads only the
 * texts that can hold the query: those holding its rarest pair. Chinese has no spaces to cut
 * words at, and pairs of characters narrow a query as well as words would, with no segmenter.
 * A text may be listed under pairs it no longer holds (after an update): a candidate is only a
 * place to look, and the search checks each.
 */
export class BigramIndex {
  private readonly postings = new Map<number, number[]>();

  /** Index the text at `slot` (slots are added in increasing order, or re-added after an update). */
  add(slot: number, text: string): void {
    for (let i = 0; i + 1 < text.length; i++) {
      const key = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
      const list = this.postings.get(key);
      if (!list) this.postings.set(key, [slot]);
      else if (list[list.length - 1] !== slot) list.push(slot);
    }
  }

  /**
   * The slots that may hold `query`, in increasing order: those under its rarest pair; null when
   * the query is a single character (every text is a candidate).
   */
  candidates(query: string): number[] | null {
    if (query.length < 2) return null;
    let rarest: number[] | undefined;
    for (let i = 0; i + 1 < query.length; i++) {
      const list = this.postings.get(query.charCodeAt(i) * 65536 + query.charCodeAt(i + 1));
      if (!list) return [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    // An update appends a slot out of order, perhaps twice.
    const sorted = [...new Set(rarest)].sort((a, b) => a - b);
    return sorted;
  }
}
