import { describe, expect, it } from 'vitest';
import { suggestIndicators } from './indicators.ts';
import { sectionAt, sectionLabel, sectionWeight } from './section-weight.ts';
import { sectionsOf } from './sections.fixture.ts';

const TEXT = [
  '一、工作背景',
  '全市居民健康素养水平为 19.18%，覆盖 127所学校。',
  '二、主要做法',
  '（一）组织动员',
  '全市居民健康素养水平为 19.18%，覆盖 127所学校。',
  '三、推进成效',
  '全市居民健康素养水平为 19.18%，覆盖 127所学校。',
  '四、成效和经验',
  '全市居民健康素养水平为 19.18%，覆盖 127所学校。',
].join('\n');
const SECTIONS = sectionsOf(TEXT, [
  { line: '一、工作背景', kinds: ['background'] },
  { line: '二、主要做法', kinds: ['practices'] },
  { line: '（一）组织动员', kinds: ['practices'], level: 2 },
  { line: '三、推进成效', kinds: ['results'] },
  { line: '四、成效和经验', kinds: ['results', 'lessons'] },
]);

describe('section weighting', () => {
  const suggestions = suggestIndicators(TEXT, SECTIONS);
  const rates = suggestions.filter((s) => s.text === '19.18%');
  const counts = suggestions.filter((s) => s.text.startsWith('127所'));

  it('scores the same figure higher in 成效 than in 做法, and higher in 做法 than in 工作背景', () => {
    const [background, practices, results, merged] = rates.map((s) => s.score);
    expect(results).toBeGreaterThan(practices!);
    expect(practices).toBeGreaterThan(background!);
    // A merged section takes its strongest kind.
    expect(merged).toBe(results);
  });

  it('scores a rate above a bare count in the same section', () => {
    rates.forEach((r, i) => expect(r.score).toBeGreaterThan(counts[i]!.score));
  });

  it('names the innermost section a suggestion came from', () => {
    expect(rates.map((s) => s.section)).toEqual(['一、工作背景', '（一）组织动员', '三、推进成效', '四、成效和经验']);
  });

  it('keeps every score in [0, 1]', () => {
    for (const s of suggestions) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('gives text outside any section (a newspaper report) a middle weight', () => {
    const [s] = suggestIndicators('全市居民健康素养水平为 19.18%。', []);
    expect(s!.section).toBeNull();
    expect(s!.score).toBeGreaterThan(rates[0]!.score);
    expect(s!.score).toBeLessThan(rates[2]!.score);
  });
});

describe('sectionAt, sectionLabel, sectionWeight', () => {
  it('finds the innermost section', () => {
    const at = TEXT.indexOf('（一）组织动员') + 10;
    expect(sectionAt(SECTIONS, at)?.heading).toBe('组织动员');
    expect(sectionAt(SECTIONS, 0)?.heading).toBe('工作背景');
    expect(sectionAt([], 5)).toBeNull();
  });

  it('labels a section with its numbering', () => {
    expect(sectionLabel(SECTIONS[2]!)).toBe('（一）组织动员');
    expect(sectionLabel(null)).toBeNull();
  });

  it.each<[string, number]>([
    ['background', 0.5],
    ['practices', 0.7],
    ['results', 0.95],
  ])('weighs %s as %f', (kind, weight) => {
    expect(sectionWeight(SECTIONS.find((s) => s.kinds[0] === kind)!)).toBe(weight);
  });
});
