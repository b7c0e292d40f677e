import { describe, expect, it } from 'vitest';
import { outermostEnumeration } from './enumeration.ts';
import { headlineOf, MAX_HEADLINE } from './headline.ts';
import { findLessonRegions } from './lesson-regions.ts';
import { suggestLessons } from './lessons.ts';
import { sectionsOf, type HeadingSpec } from './sections.fixture.ts';

function lessons(lines: string[], headings: HeadingSpec[]) {
  const text = lines.join('\n');
  return suggestLessons(text, sectionsOf(text, headings)).map((s) => ({ text: s.text, headline: s.fields.headline }));
}

const RESULTS = ['三、推进成效', '全市居民健康素养水平提升到 26.82%。'];

describe('one lesson per point of the document’s own enumeration', () => {
  it('（一）…（二）… points, each from its marker to the end of the point', () => {
    const got = lessons(
      [...RESULTS, '四、经验启示', '（一）领导重视是前提。推动工作开展，需要政府强有力的决心。', '（二）技术支撑是保障。组建了多领域的专家库。'],
      [{ line: '三、推进成效', kinds: ['results'] }, { line: '四、经验启示', kinds: ['lessons'] }],
    );
    expect(got).toEqual([
      { text: '（一）领导重视是前提。推动工作开展，需要政府强有力的决心。', headline: '领导重视是前提' },
      { text: '（二）技术支撑是保障。组建了多领域的专家库。', headline: '技术支撑是保障' },
    ]);
  });

  it('an enumeration running inside one paragraph ("一是领导重视。……二是……")', () => {
    const got = lessons(
      ['四、经验启示', '一是领导重视。市委市政府高度重视。二是部门协同。各部门密切配合。三是全民参与。群众广泛参与。'],
      [{ line: '四、经验启示', kinds: ['lessons'] }],
    );
    expect(got).toEqual([
      { text: '一是领导重视。市委市政府高度重视。', headline: '领导重视' },
      { text: '二是部门协同。各部门密切配合。', headline: '部门协同' },
      { text: '三是全民参与。群众广泛参与。', headline: '全民参与' },
    ]);
  });

  it('an enumeration after a clause ("推进控烟行动，一是…二是…")', () => {
    const got = lessons(['四、经验启示', '推进健康郑州控烟行动，一是要不断强化控烟监督执法。要持续推动。二是积极推进无烟环境建设。'], [{ line: '四、经验启示', kinds: ['lessons'] }]);
    expect(got.map((g) => g.headline)).toEqual(['要不断强化控烟监督执法', '积极推进无烟环境建设']);
  });

  it('leaves out the preamble before the first point', () => {
    const got = lessons(
      ['四、经验启示', '在推进过程中，主要有三点经验启示。', '（一）坚持“信息化”高效管理。用好信息化技术手段。', '（二）坚持“团队化”支撑保障。建设专业团队。'],
      [{ line: '四、经验启示', kinds: ['lessons'] }],
    );
    expect(got.map((g) => g.text)).toEqual(['（一）坚持“信息化”高效管理。用好信息化技术手段。', '（二）坚持“团队化”支撑保障。建设专业团队。']);
  });

  it('keeps sub-points inside their point: the outermost enumeration wins', () => {
    const got = lessons(
      ['四、经验启示', '(一) 党委政府高位推动。一是强化领导机制。成立指挥部。二是强化保障机制。建立联席会议制度。', '（二）各方联动形成合力。一是部门联手，齐抓共管。'],
      [{ line: '四、经验启示', kinds: ['lessons'] }],
    );
    expect(got.map((g) => g.headline)).toEqual(['党委政府高位推动', '各方联动形成合力']);
  });

  it('1. 2. points', () => {
    const got = lessons(['四、经验与体会', '1.坚持政府主导。统筹推进。', '2.坚持部门协作。形成合力。'], [{ line: '四、经验与体会', kinds: ['lessons'] }]);
    expect(got.map((g) => g.headline)).toEqual(['坚持政府主导', '坚持部门协作']);
  });
});

describe('lessons without an enumeration', () => {
  it('a short section is one lesson', () => {
    const got = lessons(
      ['四、经验启示', '健身是基础、医疗是手段、健康是目的。要进一步建立科学合理的体质测评和运动处方指导体系。'],
      [{ line: '四、经验启示', kinds: ['lessons'] }],
    );
    expect(got).toEqual([{ text: '健身是基础、医疗是手段、健康是目的。要进一步建立科学合理的体质测评和运动处方指导体系。', headline: '健身是基础、医疗是手段、健康是目的' }]);
  });

  it('a long section is one lesson per paragraph', () => {
    const para = (lead: string) => `${lead}。${'通过多部门协作，持续推进健康促进工作，形成了共建共享的良好氛围'.repeat(3)}。`;
    const got = lessons(['四、经验启示', para('政府层面形成合力'), para('医疗机构层面强化支撑')], [{ line: '四、经验启示', kinds: ['lessons'] }]);
    expect(got.map((g) => g.headline)).toEqual(['政府层面形成合力', '医疗机构层面强化支撑']);
  });
});

describe('sections that merge results and lessons', () => {
  it('only the lessons subsection ("（二）工作经验")', () => {
    const got = lessons(
      ['三、工作成效与经验', '（一）工作成效', '项目取得了显著成效，覆盖 40 所学校。', '（二）工作经验', '一是多级联动。为项目推进提供了保障。二是专业培训。提升了专业水平。'],
      [
        { line: '三、工作成效与经验', kinds: ['results', 'lessons'] },
        { line: '（一）工作成效', kinds: ['results'], level: 2 },
        { line: '（二）工作经验', kinds: ['lessons'], level: 2 },
      ],
    );
    expect(got).toEqual([
      { text: '一是多级联动。为项目推进提供了保障。', headline: '多级联动' },
      { text: '二是专业培训。提升了专业水平。', headline: '专业培训' },
    ]);
  });

  it('only the paragraph announced as lessons ("体会：…")', () => {
    const got = lessons(
      ['三、成效和经验', '2023年共完成筛查 1172万人，确诊 36万人。', '体会：做好这项工作必须坚持政府主导、部门协同，凝聚工作推进合力；必须坚持统一标准规范。'],
      [{ line: '三、成效和经验', kinds: ['results', 'lessons'] }],
    );
    expect(got).toEqual([{ text: '体会：做好这项工作必须坚持政府主导、部门协同，凝聚工作推进合力；必须坚持统一标准规范。', headline: '做好这项工作必须坚持政府主导、部门协同，凝聚工作推进合力' }]);
  });

  it('with nothing set apart, the enumerated points that read as lessons, not the results', () => {
    const got = lessons(
      [
        '三、经验和成效',
        '（一）管理机制联动性强，社会动员广泛',
        '市卫生健康委、市体育局、市总工会形成合力，通过市区两级工会广泛动员职业人群组织参与。',
        '（二）参与积极性及满意度高',
        '3.2万参与者线上学习打卡率为 91%，91%的人对活动的形式和内容表示满意。',
        '（三）体重控制成效显著',
        '1134名参与者人均减重 1.42kg。',
      ],
      [
        { line: '三、经验和成效', kinds: ['results', 'lessons'] },
        { line: '（一）管理机制联动性强，社会动员广泛', kinds: ['results', 'lessons'], level: 2 },
        { line: '（二）参与积极性及满意度高', kinds: ['results', 'lessons'], level: 2 },
        { line: '（三）体重控制成效显著', kinds: ['results', 'lessons'], level: 2 },
      ],
    );
    expect(got).toEqual([
      { text: '（一）管理机制联动性强，社会动员广泛\n市卫生健康委、市体育局、市总工会形成合力，通过市区两级工会广泛动员职业人群组织参与。', headline: '管理机制联动性强，社会动员广泛' },
    ]);
  });

  it('a point whose lead pairs approach and outcome is decided by its body, at a lower score', () => {
    const text = [
      '三、成效和经验',
      '（一）完善共享机制，提升健康服务效率',
      '实现了 3个信息系统互联互通，让疾控与医疗机构在数据端实现信息共享与医防协同，基层医疗机构的健康管理服务更加便捷高效。',
      '（二）智慧健康管理，提升居民健康水平',
      '超重率由 2020 年的 34.2%降至2023 年的 33.9%，肥胖率由 2020 年的 15.4%降至 2023 年的14.1%。',
    ].join('\n');
    const got = suggestLessons(text, sectionsOf(text, [{ line: '三、成效和经验', kinds: ['results', 'lessons'] }]));
    expect(got.map((s) => [s.fields.headline, s.score])).toEqual([['完善共享机制，提升健康服务效率', 0.6]]);
  });

  it('nothing in a merged section without an enumeration or a part set apart: its paragraphs are results', () => {
    const got = lessons(
      ['三、成效和经验', '电台自上线以来，始终秉持以市民需求为核心的理念，实现了健康科普知识的广泛覆盖。截至 2024年底，总浏览量超 6110万。'],
      [{ line: '三、成效和经验', kinds: ['results', 'lessons'] }],
    );
    expect(got).toEqual([]);
  });

  it('a passage that announces the experience drawn, up to where its paragraph turns to figures', () => {
    const got = lessons(
      [
        '三、成效和经验',
        '25年来，苏州市就健康城市建设模式进行了深入探索，总结出了一套较为成熟的健康城市建设模式。在理念上，把国际健康城市理念与国内具体情况相结合。截至 2023年，苏州市人均预期寿命提高至 83.06 岁。',
      ],
      [{ line: '三、成效和经验', kinds: ['results', 'lessons'] }],
    );
    expect(got).toEqual([
      {
        text: '25年来，苏州市就健康城市建设模式进行了深入探索，总结出了一套较为成熟的健康城市建设模式。在理念上，把国际健康城市理念与国内具体情况相结合。',
        headline: '总结出了一套较为成熟的健康城市建设模式',
      },
    ]);
  });

  it('nothing for a long heading that merely mentions 经验 (a county-table row)', () => {
    const got = lessons(
      ['(1)结合疫情防控工作经验和“双专员 双进入”工作机制（即社区（村', '初步形成健康促进工作网络。'],
      [{ line: '(1)结合疫情防控工作经验和“双专员 双进入”工作机制（即社区（村', kinds: ['lessons'] }],
    );
    expect(got).toEqual([]);
  });
});

describe('findLessonRegions', () => {
  it('covers a lessons section once, not once per subsection', () => {
    const text = ['四、经验启示', '（一）领导重视是关键。各级领导应深刻认识。', '（二）体系建设是基础。建立健全服务体系。'].join('\n');
    const sections = sectionsOf(text, [
      { line: '四、经验启示', kinds: ['lessons'] },
      { line: '（一）领导重视是关键', kinds: ['lessons'], level: 2 },
      { line: '（二）体系建设是基础', kinds: ['lessons'], level: 2 },
    ]);
    expect(findLessonRegions(text, sections)).toEqual([{ start: '四、经验启示'.length, end: text.length, kind: 'lessons' }]);
  });
});

describe('outermostEnumeration', () => {
  it.each<[string, string, number[]]>([
    ['（一）甲。（二）乙。', 'paren-cn', [1, 2]],
    ['一是甲。二是乙。三是丙。', 'shi', [1, 2, 3]],
    ['1.甲。\n2.乙。', 'arabic', [1, 2]],
    ['①甲；②乙。', 'circled', [1, 2]],
    ['第一，甲；第二，乙。', 'di', [1, 2]],
  ])('%s', (text, family, values) => {
    const markers = outermostEnumeration(text);
    expect(markers.map((m) => m.family)).toEqual(values.map(() => family));
    expect(markers.map((m) => m.value)).toEqual(values);
  });

  it.each<[string]>([['（二）乙。（三）丙。'], ['一是甲。三是丙。'], ['要统一是非标准。'], ['只有一是不够的']])('finds no run in "%s"', (text) => {
    expect(outermostEnumeration(text)).toEqual([]);
  });
});

describe('headlineOf', () => {
  it.each<[string, string]>([
    ['领导重视是前提。推动工作开展。', '领导重视是前提'],
    ['要有“久久为功”的恒心，持续构建长效工作机制。切实加强防控。', '要有“久久为功”的恒心，持续构建长效工作机制'],
    ['体会：做好这项工作必须坚持政府主导；必须坚持统一标准。', '做好这项工作必须坚持政府主导'],
    ['廊坊市卫生健康委员会通过“国家卫生健康委百姓健康电视频道—健康中国行动—医疗机构电视融媒体平台（廊坊中心）”平台，实现了全市医疗卫生机构一张网。', '廊坊市卫生健康委员会通过“国家卫生健康委百姓健康电视频道—健康中国行动—医疗机构'],
    ['丰南区以漫画为载体，大力实施“健康知识普及行动”，坚持以人民为中心，牢固树立“大卫生、大健康”理念。', '丰南区以漫画为载体'],
  ])('%s', (body, headline) => {
    expect(headlineOf(body)).toBe(headline);
    expect(headlineOf(body).length).toBeLessThanOrEqual(MAX_HEADLINE);
  });
});
