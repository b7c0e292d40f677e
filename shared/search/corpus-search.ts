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
 * Full-text search over the case texts. Plain scanning of folded text is fast enough for a
 * corpus of this field's size (a few MB), needs no word segmentation (which is slow on long
 * strings and would miss matches that cross word boundaries), and finds any Chinese substring.
 */
export class CorpusSearch {
  private readonly entries: Array<{ c: SearchableCase; f: FoldedText }>;

  constructor(cases: readonly SearchableCase[]) {
    this.entries = cases.map((c) => ({ c, f: fold(c.text) }));
  }

  /** Replace one case's text (after a revision) without refolding the others. */
  update(c: SearchableCase): void {
    const i = this.entries.findIndex((e) => e.c.id === c.id);
    const entry = { c, f: fold(c.text) };
    if (i >= 0) this.entries[i] = entry;
    else this.entries.push(entry);
  }

  search(query: string, { limit = 200, context = 24, caseIds }: { limit?: number; context?: number; caseIds?: ReadonlySet<string> } = {}): CorpusHit[] {
    const q = foldQuery(query);
    if (!q) return [];
    const hits: CorpusHit[] = [];
    for (const { c, f } of this.entries) {
      if (caseIds && !caseIds.has(c.id)) continue;
      for (let at = f.folded.indexOf(q); at >= 0; at = f.folded.indexOf(q, at + q.length)) {
        const start = f.origin[at]!;
        const end = f.origin[at + q.length]!;
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
