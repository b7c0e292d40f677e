import { describe, expect, it } from 'vitest';
import { alignSegments, bigrams, MAX_ALIGN_CELLS, type SegmentGroup } from './segment-align.ts';

const P1 = '普及健康知识，提高全省居民健康素养，是提高居民健康水平最经济最有效的措施之一。\n';
const P1_EDITED = '普及健康知识，提高全省居民健康素养，是提高居民健康水平最经济、最有效的措施之一。\n';
const P2 = '全省居民健康素养水平从2019年19.18%提升到2021年26.82%。\n';
const P2_EDITED = '全省居民健康素养水平从2019年的19.18%提升到2021年的26.82%。\n';
const P3 = '组织急救专家深入学校、企业、机关等，普及“心肺复苏按压法”、海姆立克急救法等急救知识。\n';
const OTHER = '目前已上线60期，每期平均阅读量超100万人次，打造媒体权威宣传阵地，形象直观趣味性强。\n';

const keep = (n = 1): SegmentGroup[] => Array.from({ length: n }, () => ({ removed: 1, added: 1, similar: true }));

describe('alignSegments', () => {
  it.each([
    ['edited in place', [P1, P2], [P1_EDITED, P2_EDITED], keep(2)],
    ['a paragraph added between edited ones', [P1, P2], [P1_EDITED, OTHER, P2_EDITED], [...keep(), { removed: 0, added: 1, similar: false }, ...keep()]],
    ['a paragraph dropped', [P1, P3, P2], [P1_EDITED, P2_EDITED], [...keep(), { removed: 1, added: 0, similar: false }, ...keep()]],
    ['a stray line break removed: two old lines joined', ['普及健康知识，提高全省居民健康素养，\n', '是提高居民健康水平最经济最有效的措施之一。\n'], [P1_EDITED], [{ removed: 2, added: 1, similar: true }]],
    ['a paragraph split in two', [P1], ['普及健康知识，提高全省居民健康素养，\n', '是提高居民健康水平最经济最有效的措施之一。\n'], [{ removed: 1, added: 2, similar: true }]],
    ['unrelated text is not paired', [P3], [OTHER], [{ removed: 0, added: 1, similar: false }, { removed: 1, added: 0, similar: false }]],
    ['unrelated headings are not paired', ['三、推进成效\n'], ['二、主要做法\n'], [{ removed: 0, added: 1, similar: false }, { removed: 1, added: 0, similar: false }]],
    ['short segments pair on any shared bigram', ['在𠀀家村'], ['在😀家村'], keep()],
    ['nothing on one side', [P1, P2], [], [{ removed: 2, added: 0, similar: false }]],
  ] as const)('%s', (_name, removed, added, groups) => {
    expect(alignSegments(removed, added)).toEqual(groups);
  });

  it('does not align stretches too large to align cheaply', () => {
    const side = Math.ceil(Math.sqrt(MAX_ALIGN_CELLS)) + 1;
    const many = Array.from({ length: side }, (_, i) => `第${i}段。\n`);
    expect(alignSegments(many, many)).toEqual([{ removed: side, added: side, similar: false }]);
  });
});

describe('bigrams', () => {
  it('lists the distinct bigrams in ascending order', () => {
    const g = bigrams('健康健康');
    expect(g.length).toBe(2); // 健康, 康健
    expect([...g]).toEqual([...g].sort((a, b) => a - b));
    expect(bigrams('健').length).toBe(0);
  });
});
