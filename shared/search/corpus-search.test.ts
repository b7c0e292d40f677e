import { describe, expect, it } from 'vitest';
import { CorpusSearch } from './corpus-search.ts';

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
