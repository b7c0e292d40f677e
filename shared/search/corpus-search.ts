import { BigramIndex } from './bigram-index.ts';
import { foldedPattern, foldQuery } from './fold.ts';

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
 * a library of thousands of cases is not read whole for a query that is in few of them. The
 * texts are searched as they are, with a pattern that matches every form folding to the query
 * (foldedPattern), so the index keeps no folded copy of them.
 */
export class CorpusSearch {
  private readonly entries: SearchableCase[];
  private readonly pairs = new BigramIndex();

  constructor(cases: readonly SearchableCase[]) {
    this.entries = [...cases];
    this.entries.forEach((c, i) => this.pairs.add(i, c.text));
  }

  /** Replace one case's text (after a revision) without indexing the others again. */
  update(c: SearchableCase): void {
    let i = this.entries.findIndex((e) => e.id === c.id);
    if (i >= 0) this.entries[i] = c;
    else i = this.entries.push(c) - 1;
    this.pairs.add(i, c.text);
  }

  search(query: string, { limit = 200, context = 24, caseIds }: { limit?: number; context?: number; caseIds?: ReadonlySet<string> } = {}): CorpusHit[] {
    const q = foldQuery(query);
    if (!q) return [];
    const hits: CorpusHit[] = [];
    const pattern = foldedPattern(q);
    const slots = this.pairs.candidates(q);
    const entries = slots ? slots.map((i) => this.entries[i]!) : this.entries;
    for (const c of entries) {
      if (caseIds && !caseIds.has(c.id)) continue;
      pattern.lastIndex = 0;
      // Each unit of the pattern matches one unit of the text: a match is as long as the query.
      for (let m = pattern.exec(c.text); m; m = pattern.exec(c.text)) {
        const start = m.index;
        const end = start + q.length;
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
