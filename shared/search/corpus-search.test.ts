import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CorpusSearch } from './corpus-search.ts';
import { fold, foldQuery } from './fold.ts';

const cases = [
  { id: 'a', title: '甲', text: '全省居民健康素养水平从2019年19.18%提升到2021年26.82%。\n（一）组织动员' },
  { id: 'b', title: '乙', text: '采用ＡＩ技术，覆盖率达到９１％。𠀀村😀健康。' },
];

describe('CorpusSearch', () => {
  const search = new CorpusSearch(cases);

  it.each([
    ['a Chinese substring', '健康素养', 'a', '健康素养'],
    ['half-width query, full-width text', '91%', 'b', '９１％'],
    ['full-width query, half-width text', '２６．８２％', 'a', '26.82%'],
    ['Latin letters regardless of case and width', 'ai', 'b', 'ＡＩ'],
    ['brackets regardless of width', '(一)组织', 'a', '（一）组织'],
    ['text after astral characters, at the right offsets', '健康。', 'b', '健康。'],
  ])('finds %s', (_name, query, caseId, match) => {
    const hits = search.search(query);
    const hit = hits.find((h) => h.caseId === caseId)!;
    expect(hit.match).toBe(match);
    expect(cases.find((c) => c.id === caseId)!.text.slice(hit.start, hit.end)).toBe(match);
  });

  it('finds every occurrence, in text order, with context', () => {
    const hits = search.search('20');
    expect(hits.map((h) => h.start)).toEqual([11, 25]);
    expect(hits[0]!.before).toBe('全省居民健康素养水平从');
  });

  it('limits results and can search a subset of cases', () => {
    expect(search.search('健康', { limit: 1 })).toHaveLength(1);
    expect(search.search('健康', { caseIds: new Set(['b']) }).every((h) => h.caseId === 'b')).toBe(true);
  });

  it('returns nothing for a blank query', () => {
    expect(search.search('   ')).toEqual([]);
  });
});

describe('CorpusSearch through its pair index', () => {
  const CHARS = ['健', '康', '素', '养', 'a', 'A', 'ａ', 'Ｂ', 'b', '１', '1', '。', '𠀀', '😀', ' ', '\u3000', '“', '"', '\n'];
  const textArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 30 }).map((cs) => cs.join(''));
  /** Every hit of the folded query in a folded copy of every text, as the index should find them. */
  function scanned(texts: ReadonlyArray<{ id: string; text: string }>, query: string): string[] {
    const q = foldQuery(query);
    if (!q) return [];
    return texts.flatMap((t) => {
      const folded = fold(t.text).folded;
      const at: string[] = [];
      for (let i = folded.indexOf(q); i >= 0; i = folded.indexOf(q, i + q.length)) at.push(`${t.id}@${i}`);
      return at;
    });
  }

  it('finds what scanning a folded copy of every text finds, after updates too', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 6 }), fc.array(fc.record({ at: fc.nat(), text: textArb }), { maxLength: 4 }), textArb, (texts, updates, query) => {
        const now = texts.map((text, i) => ({ id: `c${i}`, title: '', text }));
        const search = new CorpusSearch(now);
        for (const u of updates) {
          const i = u.at % now.length;
          now[i] = { ...now[i]!, text: u.text };
          search.update(now[i]!);
        }
        const q = query.slice(0, 4);
        expect(search.search(q, { limit: 10_000 }).map((h) => `${h.caseId}@${h.start}`)).toEqual(scanned(now, q));
      }),
      { numRuns: 300 },
    );
  });

  it('reads no text for a query whose pair of characters no text holds, and finds a single character anywhere', () => {
    const search = new CorpusSearch(cases);
    expect(search.search('不存在')).toEqual([]);
    expect(search.search('省').map((h) => [h.caseId, h.start])).toEqual([['a', 1]]);
  });
});
