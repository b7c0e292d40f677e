import { BigramIndex } from './bigram-index.ts';
import { fold, foldQuery, type FoldedText } from './fold.ts';

export interface SearchableCase {
  id: string;
  title: string;
  text: string;
}

export interface CorpusHit {
  caseId: string;
  caseTitle: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/**
 * Full-text search over the case texts: any substring of the folded text, found by scanning
 * (no word segmentation, which is slow on long strings and would miss matches across word
 * boundaries) only the texts that hold the query's rarest pair of characters (bigram-index.ts):
 * a library of thousands of cases is not read whole for a query that is in few of them.
 */
export class CorpusSearch {
  private readonly entries: Array<{ c: SearchableCase; f: FoldedText }>;
  private readonly pairs = new BigramIndex();

  constructor(cases: readonly SearchableCase[]) {
    this.entries = cases.map((c) => ({ c, f: fold(c.text) }));
    this.entries.forEach((e, i) => this.pairs.add(i, e.f.folded));
  }

  /** Replace one case's text (after a revision) without refolding the others. */
  update(c: SearchableCase): void {
    let i = this.entries.findIndex((e) => e.c.id === c.id);
    const entry = { c, f: fold(c.text) };
    if (i >= 0) this.entries[i] = entry;
    else i = this.entries.push(entry) - 1;
    this.pairs.add(i, entry.f.folded);
  }

  search(query: string, { limit = 200, context = 24, caseIds }: { limit?: number; context?: number; caseIds?: ReadonlySet<string> } = {}): CorpusHit[] {
    const q = foldQuery(query);
    if (!q) return [];
    const hits: CorpusHit[] = [];
    const slots = this.pairs.candidates(q);
    const entries = slots ? slots.map((i) => this.entries[i]!) : this.entries;
    for (const { c, f } of entries) {
      if (caseIds && !caseIds.has(c.id)) continue;
      for (let at = f.folded.indexOf(q); at >= 0; at = f.folded.indexOf(q, at + q.length)) {
        const start = at;
        const end = at + q.length;
        hits.push({
          caseId: c.id,
          caseTitle: c.title,
          start,
          end,
          before: c.text.slice(Math.max(0, start - context), start).replace(/\n/g, ' '),
          match: c.text.slice(start, end),
          after: c.text.slice(end, end + context).replace(/\n/g, ' '),
        });
        if (hits.length >= limit) return hits;
      }
    }
    return hits;
  }
}
