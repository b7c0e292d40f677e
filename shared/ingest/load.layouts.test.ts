import { describe, expect, it } from 'vitest';
import { loadDocument } from './load.ts';

/**
 * Layouts the five samples do not use, each read by the same evidence: hand-made cases for each
 * signal of the segmenter (the generated variants in fixtures/loader cover the samples' texts).
 */
const S = (n: string) => ['一、工作背景', `${n}高度重视健康促进工作，把健康融入所有政策，加强组织领导，完善机制。`, '二、主要做法', `${n}建立了工作机制，开展健康科普，覆盖城乡居民。`, '三、工作成效', `${n}居民健康素养水平从2019年19.18%提升到2021年26.82%。`];
const NAMES = ['甲市', '乙县', '丙区'];
const TITLES = NAMES.map((n) => `${n}创新健康促进模式`);
const BODY = (n: string) => `${n}高度重视健康促进工作，把健康融入所有政策，加强组织领导，完善机制，取得明显成效，居民健康素养水平显著提升。`;

describe('case titles in other layouts', () => {
  it.each<[string, string[], string?]>([
    ['titles in 【】', NAMES.flatMap((n) => [`【${n}创新健康促进模式】`, ...S(n)])],
    ['titles behind a bullet', NAMES.flatMap((n) => [`◆ ${n}创新健康促进模式`, ...S(n)])],
    ['titles as chapters', NAMES.flatMap((n, i) => [`第${'一二三'[i]}章 ${n}创新健康促进模式`, ...S(n)])],
    ['bold titles in Markdown', NAMES.flatMap((n) => [`**${n}创新健康促进模式**`, '', ...S(n).flatMap((l) => [l, ''])]), 'x.md'],
    ['unnumbered sections', NAMES.flatMap((n) => [`${n}创新健康促进模式`, '工作背景', BODY(n), '主要做法', BODY(n), '取得成效', BODY(n)])],
    ['案例N markers over the titles', NAMES.flatMap((n, i) => [`案例${i + 1}`, `${n}创新健康促进模式`, ...S(n)])],
    ['titles with an attribution', NAMES.flatMap((n) => [`${n}创新健康促进模式`, `——${n}卫生健康委`, ...S(n)])],
    ['sections one level down', NAMES.flatMap((n, i) => [`${'一二三'[i]}、${n}创新健康促进模式`, ...S(n).map((l) => l.replace(/^([一二三])、/, '（$1）'))])],
    ['forms', NAMES.flatMap((n) => [`案例名称：${n}创新健康促进模式`, `申报单位：${n}`, '案例正文：', ...S(n)])],
    ['forms with each label over its value', NAMES.flatMap((n) => ['案例名称', `${n}创新健康促进模式`, '申报单位', n, '案例内容', ...S(n)])],
    ['titles numbered in full-width digits', NAMES.flatMap((n, i) => [`${'１２３'[i]}．${n}创新健康促进模式`, ...S(n)])],
    ['sections numbered in full-width digits', NAMES.flatMap((n, i) => [`${'一二三'[i]}、${n}创新健康促进模式`, ...S(n).map((l) => l.replace(/^([一二三])、/, (_m, d: string) => `${'１２３'['一二三'.indexOf(d)]}．`))])],
    ['markers led by an emoji (a WeChat copy)', NAMES.flatMap((n, i) => [`📌 案例${i + 1}｜${n}创新健康促进模式`, ...S(n)])],
    ['titles led by an emoji', NAMES.flatMap((n) => [`🔶${n}创新健康促进模式`, `——${n}卫生健康委`, ...S(n)])],
    ['titles over the name of the unit that reports them', NAMES.flatMap((n) => [`${n}创新健康促进模式`, `${n}卫生健康委员会`, ...S(n)])],
    ['numbered titles over the unit, sections one level down', NAMES.flatMap((n, i) => [`${i + 1}．${n}创新健康促进模式`, `${n}疾病预防控制中心`, ...S(n).map((l) => l.replace(/^([一二三])、/, '（$1）'))])],
    ['titles over the unit, sections in 【】', NAMES.flatMap((n) => [`${n}创新健康促进模式`, `${n}人民医院`, ...S(n).map((l) => l.replace(/^[一二三]、(.+)$/, '【$1】'))])],
  ])('%s', (_what, lines, file = 'x.txt') => {
    const doc = loadDocument(['某省健康促进典型案例汇编', ...lines].join('\n'), file);
    expect(doc.cases.map((c) => c.title)).toEqual(TITLES);
    for (const c of doc.cases) expect(c.sections.filter((s) => s.level === 1).flatMap((s) => s.kinds)).toEqual(['background', 'practices', 'results']);
    expect(doc.warnings.filter((w) => (w.severity ?? 'warning') === 'warning')).toEqual([]);
  });

  it('a numbered list of cases, each one paragraph with no sections', () => {
    const doc = loadDocument(['某省典型经验', ...NAMES.concat('丁市').flatMap((n, i) => [`${i + 1}．${n}：创新健康促进模式`, BODY(n)])].join('\n'), 'x.txt');
    expect(doc.cases.map((c) => [c.region, c.title])).toEqual(NAMES.concat('丁市').map((n) => [n, '创新健康促进模式']));
    expect(doc.cases[0]!.text).toBe(BODY('甲市'));
  });

  it('a list of the cases without page numbers, one paragraph a line, sections one level down', () => {
    const text = ['健康中国行动典型案例汇编', '', '目录', '一、甲市：推进全民健康促进', '二、乙县：创新慢性病管理新模式', '三、丙区：打造健康社区', '', '一、甲市：推进全民健康促进', '（一）工作背景', '甲市居民健康素养水平从2019年的18.2%提高到2023年的29.5%𠀀。', '（二）主要做法', '市政府成立健康促进委员会 👩‍⚕️，统筹推进各项工作。', '（三）经验启示', '领导重视是前提，部门协同是关键。', '二、乙县：创新慢性病管理新模式', '（一）工作背景', '乙县高血压患者约5万人，规范管理率不足40%。', '（二）主要做法', '建立县乡村三级慢病管理网络，家庭医生签约服务覆盖率达到75%。', '丙区：打造健康社区', '（一）工作背景', '丙区有社区32个，常住人口45万人。', '（二）主要做法', '推进健康社区建设，建成健康步道40条。'];
    const doc = loadDocument(text.join('\n'), 'x.txt');
    expect(doc.cases.map((c) => [c.region, c.title])).toEqual([['甲市', '推进全民健康促进'], ['乙县', '创新慢性病管理新模式'], ['丙区', '打造健康社区']]);
    expect(doc.cases[0]!.text).toContain('𠀀');
    expect(doc.cases[0]!.text).toContain('👩‍⚕️');
  });
});

describe('the reporting unit on a line of its own under a title', () => {
  const notice = ['某省卫生健康委员会关于公布健康促进典型案例的通知', '各市卫生健康委：', '经各地推荐、专家评审，确定以下案例为健康促进典型案例，现予公布，请各地学习借鉴。', '附件：1．甲市创新健康促进模式', '2．乙县创新健康促进模式', '3．丙区创新健康促进模式', '某省卫生健康委员会', '2023年10月12日'];

  it('is the case unit, not its title, and not the title of the notice signed by one', () => {
    const doc = loadDocument([...notice, ...NAMES.flatMap((n) => [`${n}创新健康促进模式`, `${n}卫生健康委员会`, ...S(n)])].join('\n'), 'x.txt');
    expect(doc.cases.map((c) => [c.title, c.unit, c.region])).toEqual(NAMES.map((n) => [`${n}创新健康促进模式`, `${n}卫生健康委员会`, n]));
    expect(doc.cases[0]!.text.startsWith('一、工作背景')).toBe(true);
  });

  it('a title ending like an institution under a case marker stays the title', () => {
    const doc = loadDocument(NAMES.flatMap((n, i) => [`典型经验案例${'一二三'[i]}`, `${n}创新建设健康教育体验中心`, ...S(n)]).join('\n'), 'x.txt');
    expect(doc.cases.map((c) => c.title)).toEqual(NAMES.map((n) => `${n}创新建设健康教育体验中心`));
  });

  it('in Markdown, the unit in italics under a heading', () => {
    const doc = loadDocument(['# 某省健康促进典型案例', '', ...NAMES.flatMap((n, i) => [`## ${i + 1}. ${n}创新健康促进模式`, '', `*${n}卫生健康委员会*`, '', ...S(n).flatMap((l) => [l, ''])])].join('\n'), 'x.md');
    expect(doc.cases.map((c) => [c.title, c.unit])).toEqual(NAMES.map((n) => [`${n}创新健康促进模式`, `${n}卫生健康委员会`]));
    expect(doc.cases.every((c) => !c.text.includes('*'))).toBe(true);
  });

  it('one title over a unit line counts when the unit names its place', () => {
    const one = (unit: string) => loadDocument(['甲市创新健康促进模式', unit, ...S('甲市')].join('\n'), 'x.txt').cases[0]!;
    expect([one('甲市卫生健康委员会').title, one('甲市卫生健康委员会').unit]).toEqual(['甲市创新健康促进模式', '甲市卫生健康委员会']);
  });
});

describe('a region on a line of its own over each title', () => {
  it('is the case region, and no part of the case before', () => {
    const doc = loadDocument(['某省健康城市建设优秀实践案例', ...NAMES.flatMap((n) => [n, `创新健康促进模式 建设健康${n.slice(0, 1)}城`, ...S(n)])].join('\n'), 'x.txt');
    expect(doc.cases.map((c) => [c.region, c.title])).toEqual(NAMES.map((n) => [n, `创新健康促进模式 建设健康${n.slice(0, 1)}城`]));
    expect(doc.cases.map((c) => c.text)).toEqual(NAMES.map((n) => S(n).join('\n')));
  });

  it('a region heading over several cases is not taken for one case region', () => {
    const doc = loadDocument(['某省健康城市建设优秀实践案例', '甲市', ...NAMES.flatMap((n) => [`${n}创新健康促进模式`, `——${n}卫生健康委`, ...S(n)])].join('\n'), 'x.txt');
    expect(doc.cases.map((c) => c.title)).toEqual(TITLES);
    expect(doc.cases.map((c) => c.region)).toEqual(NAMES);
  });
});

describe('news reports', () => {
  it('a short report under its headline and dateline is a report of its own', () => {
    const reports = [
      ['多地推进健康城市建设', '新华社北京11月7日电（记者 刘洋）近年来，各地把健康融入所有政策，健康城市建设取得积极进展，城市公共空间更加宜居，群众健康生活方式逐步养成。'],
      ['家庭医生签约服务提质增效', '新华社成都11月7日电（记者 陈曦）四川省持续推进家庭医生签约服务，截至10月底，全省重点人群签约率达到76.3%，签约居民在就诊、转诊、用药等方面享受优先和便利。'],
      ['中小学生体质健康水平持续提升', '新华社杭州11月7日电（记者 吴桐）全省中小学生体质健康优良率达到56.8%。'],
    ];
    const doc = loadDocument(reports.flat().join('\n'), 'x.txt');
    expect(doc.cases.map((c) => c.title)).toEqual(reports.map((r) => r[0]));
  });
});

describe('a table of cases, one a row', () => {
  const header = ['序号', '地区', '案例名称', '报送单位', '主要做法', '工作成效'];
  const row = (n: string, i: number) => [String(i + 1), n, `${n}创新健康促进模式`, `${n}卫生健康委员会`, BODY(n), `${n}居民健康素养水平从2019年19.18%提升到2021年26.82%。`];

  it('tab-separated: each row a case, its title, region and unit from their columns, its text under the column names', () => {
    const doc = loadDocument(['某省健康促进典型案例一览表', header.join('\t'), ...NAMES.map((n, i) => row(n, i).join('\t'))].join('\n'), 'x.tsv');
    expect(doc.cases.map((c) => [c.title, c.region, c.unit])).toEqual(NAMES.map((n) => [`${n}创新健康促进模式`, n, `${n}卫生健康委员会`]));
    expect(doc.cases[0]!.sections.map((s) => [s.heading, s.kinds])).toEqual([['主要做法', ['practices']], ['工作成效', ['results']]]);
    expect(doc.cases[0]!.text).toContain(BODY('甲市'));
    expect(doc.warnings.filter((w) => (w.severity ?? 'warning') === 'warning')).toEqual([]);
  });

  it('a web table whose text cells hold several paragraphs', () => {
    const cell = (n: string) => `<p>${BODY(n)}</p><p>${BODY(n)}${BODY(n)}</p>`;
    const html = `<html><body><h1>某省健康促进典型案例一览表</h1><table><tr>${header.map((h) => `<td>${h}</td>`).join('')}</tr>${NAMES.map((n, i) => `<tr>${row(n, i).map((c, k) => `<td>${k === 4 ? cell(n) : c}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
    const doc = loadDocument(new TextEncoder().encode(html), 'x.html');
    expect(doc.cases.map((c) => c.title)).toEqual(TITLES);
    expect(doc.cases.map((c, i) => c.text.includes(`${BODY(NAMES[i]!)}${BODY(NAMES[i]!)}`) && c.text.includes('26.82%'))).toEqual([true, true, true]);
  });

  it('a table of names only (a list of winners) is no table of cases', () => {
    const doc = loadDocument(['某省健康促进典型案例名单', header.slice(0, 4).join('\t'), ...NAMES.map((n, i) => row(n, i).slice(0, 4).join('\t'))].join('\n'), 'x.tsv');
    expect(doc.format).not.toBe('county-table');
  });
});

describe('cases signed at their end', () => {
  it('a title, its paragraphs and ——unit at the end, cases apart by blank lines only', () => {
    const doc = loadDocument(['某省健康科普优秀案例', '', ...NAMES.flatMap((n) => [`${n}创新健康促进模式`, BODY(n), `${n}建立了工作机制，开展健康科普，覆盖城乡居民，群众满意度达到95%。`, `——${n}卫生健康委员会`, ''])].join('\n'), 'x.txt');
    expect(doc.cases.map((c) => [c.title, c.unit])).toEqual(NAMES.map((n) => [`${n}创新健康促进模式`, `${n}卫生健康委员会`]));
  });
});

describe('attachments', () => {
  it('an attachment line over each case is no text of the case before', () => {
    const doc = loadDocument(['关于报送健康县区建设典型经验的函', '省卫生健康委：', '现将我市健康县区建设典型经验报送如下，请审阅。', ...NAMES.flatMap((n, i) => [`附件${i + 1}`, `${n}创新健康促进模式`, ...S(n)])].join('\n'), 'x.txt');
    expect(doc.cases.map((c) => c.title)).toEqual(TITLES);
    expect(doc.cases.map((c) => c.text)).toEqual(NAMES.map((n) => S(n).join('\n')));
    expect(doc.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('files with hardly any text', () => {
  it('a title alone is a case with that title and no text, flagged', () => {
    const doc = loadDocument('2023年度健康促进典型案例汇编\n', 'x.txt');
    expect(doc.cases.map((c) => [c.title, c.text])).toEqual([['2023年度健康促进典型案例汇编', '']]);
    expect(doc.warnings.map((w) => w.code)).toContain('empty-case');
    expect(doc.confidence).toBeLessThan(0.7);
  });
});
