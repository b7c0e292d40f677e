import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { documentIdFromFile, loadDocument } from './load.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe('loading hand-made files', () => {
  it('a text of unknown shape still loads as one case with its paragraphs and sections', () => {
    const doc = loadDocument(bytes('某县推进健康促进工作的做法\n\n一、工作背景\n县里高度重视。\n二、主要做法\n（一）加强领导。成立领导小组。\n三、工作成效\n覆盖率达到95%。\n'), 'notes.txt');
    expect(doc.format).toBe('plain');
    expect(doc.cases).toHaveLength(1);
    const c = doc.cases[0]!;
    expect(c.title).toBe('某县推进健康促进工作的做法');
    expect(c.text.split('\n')).toEqual(['一、工作背景', '县里高度重视。', '二、主要做法', '（一）加强领导。成立领导小组。', '三、工作成效', '覆盖率达到95%。']);
    expect(c.sections.map((s) => [s.heading, s.level, s.kinds])).toEqual([
      ['工作背景', 1, ['background']],
      ['主要做法', 1, ['practices']],
      ['加强领导', 2, ['practices']],
      ['工作成效', 1, ['results']],
    ]);
  });

  it('a single paragraph with no title still loads, titled by its file', () => {
    const doc = loadDocument(bytes('全省居民健康素养水平从2019年19.18%提升到2021年26.82%。'), 'inbox/片段.txt');
    expect(doc.cases).toHaveLength(1);
    expect(doc.cases[0]!.title).toBe('片段');
    expect(doc.cases[0]!.text).toBe('全省居民健康素养水平从2019年19.18%提升到2021年26.82%。');
  });

  it('re-joins hard-wrapped, double-spaced lines and drops page numbers between them', () => {
    const wrapped = [
      '一、工作背景',
      '',
      '体重是评价人体营养和健康状况的重要指标，过低和过高均会增',
      '',
      '加疾病的发生风险。北京市成人超重率为 37.7%，成人肥胖率为',
      '',
      '12',
      '',
      '26.7%，相比 2020年分别增长了 1.4%和 4.6%，防控形势严峻。',
      '',
      '二、主要做法',
      '',
      '活动启动前，北京市疾控中心向全市 16区及经开区疾控中心下',
      '',
      '发技术方案，建立起市级、区级和单位三级网络。',
      '',
      '活动期间，每日线上学习打卡，强化参与者的自我管理和行为养',
      '',
      '成，活动结束时共有 3.2万名参与者完成了全部的学习和打卡。',
    ].join('\n');
    const c = loadDocument(bytes(wrapped), 'wrapped.txt').cases[0]!;
    expect(c.text.split('\n')).toEqual([
      '一、工作背景',
      '体重是评价人体营养和健康状况的重要指标，过低和过高均会增加疾病的发生风险。北京市成人超重率为 37.7%，成人肥胖率为26.7%，相比 2020年分别增长了 1.4%和 4.6%，防控形势严峻。',
      '二、主要做法',
      '活动启动前，北京市疾控中心向全市 16区及经开区疾控中心下发技术方案，建立起市级、区级和单位三级网络。',
      '活动期间，每日线上学习打卡，强化参与者的自我管理和行为养成，活动结束时共有 3.2万名参与者完成了全部的学习和打卡。',
    ]);
  });

  it('the same seed loads to the same cases from GB18030 with CRLF line ends', () => {
    const file = 'hebei-second-batch-typical-cases.txt';
    const utf8 = readFileSync(join(SEEDS, file), 'utf8');
    const gb = new Uint8Array(iconv.encode(utf8.replace(/\n/g, '\r\n'), 'gb18030'));
    const a = loadDocument(bytes(utf8), file);
    const b = loadDocument(gb, file);
    expect(b.encoding).toBe('gb18030');
    expect(b.cases.map((c) => [c.title, c.region, c.text, c.sections])).toEqual(a.cases.map((c) => [c.title, c.region, c.text, c.sections]));
  });

  it('the same seed loads the same from UTF-16 with a BOM', () => {
    const file = 'newspaper-healthy-china-action-provinces.txt';
    const utf8 = readFileSync(join(SEEDS, file), 'utf8');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(utf8, 'utf16le')]);
    const a = loadDocument(bytes(utf8), file);
    const b = loadDocument(utf16, file);
    expect(b.encoding).toBe('utf-16le');
    expect(b.cases.map((c) => c.text)).toEqual(a.cases.map((c) => c.text));
  });

  it('keeps astral characters whole through the whole pipeline', () => {
    const doc = loadDocument(bytes('测试案例\n\n一、工作背景\n𠀀村人均减重 1.42kg😀，覆盖率达 91%。\n'), 'astral.txt');
    const c = doc.cases[0]!;
    expect(c.text).toContain('𠀀村人均减重 1.42kg😀，覆盖率达 91%。');
    const at = c.text.indexOf('𠀀');
    expect(doc.rawText.slice(c.sourceRange.start).includes('𠀀')).toBe(true);
    expect(at).toBeGreaterThan(0);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['binary', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
  ])('a %s file is a clear IngestError naming it', (code, data) => {
    expect(() => loadDocument(data, 'bad/input.txt')).toThrow(IngestError);
    expect(() => loadDocument(data, 'bad/input.txt')).toThrow(/^bad\/input\.txt: /);
  });

  it.each([
    ['healthy-china-2024-typical-cases-compendium.txt', 'healthy-china-2024'],
    ['notes.txt', 'notes'],
    ['健康案例.txt', /^doc-[0-9a-z]+$/],
    ['g3.md', 'g3'],
    ['a.md', /^doc-[0-9a-z]+$/],
  ])('document ids are short and stable: %s', (file, id) => {
    if (typeof id === 'string') expect(documentIdFromFile(file)).toBe(id);
    else expect(documentIdFromFile(file)).toMatch(id);
    expect(documentIdFromFile(file)).toBe(documentIdFromFile(file));
  });

  it("a numbered point inside a case is no case, though numbered like the cases ('2.' under case 1, before case '2．')", () => {
    const body = (n: number) => `${'本市围绕健康促进开展了大量工作，取得了明显成效，群众获得感不断增强。'.repeat(n)}`;
    const caseText = (k: number, region: string, title: string, points: string[]) =>
      [`${k}．${region}：${title}`, '一、工作背景', body(2), '二、主要做法', '（一）健全工作机制', body(1), ...points.flatMap((p) => [p, body(2)]), '三、工作成效', body(2), '四、存在的主要问题', body(1), '五、下一步工作计划', body(1)];
    // Seven cases and two points of the same numbering class: the class is nearly all cases.
    const titles = ['构建区域协同防治体系', '建立社会心理服务体系', '助力科学减重', '推进健康城市建设', '打造健康促进示范区', '做实老年健康服务', '建设无烟环境'];
    const regions = ['湖北省', '新乡市', '福建省', '鹤壁市', '秦皇岛市', '焦作市', '郑州市'];
    const text = ['健康县区建设工作交流材料', ...titles.flatMap((t, i) => caseText(i + 1, regions[i]!, t, i === 0 ? ['1.推动诊断关口前移', '2.积极推动再灌注治疗关口前移'] : []))].join('\n\n');
    const doc = loadDocument(bytes(text), '交流材料.txt');
    expect(doc.cases.map((c) => c.title)).toEqual(titles);
    expect(doc.cases[0]!.sections.filter((s) => s.level === 1).map((s) => s.kinds[0])).toEqual(['background', 'practices', 'results', 'problems', 'plans']);
  });

  it('a title broken over two lines in the body is one title when the table of contents lists it whole', () => {
    const body = '本市围绕健康促进开展了大量工作，取得了明显成效，群众获得感不断增强。';
    const text = [
      '目  录', '1．推动控烟立法 建设无烟环境 ...... 2', '2．坚持统筹谋划 强化部门协同 创新推进老年友好型社区建设 ...... 5', '3．强化老年友善管理 做实老年健康服务 ...... 9',
      '1．推动控烟立法 建设无烟环境', '一、工作背景', body, '二、主要做法', body,
      '2．坚持统筹谋划 强化部门协同', '创新推进老年友好型社区建设', '一、工作背景', body, '二、主要做法', body,
      '3．强化老年友善管理 做实老年健康服务', '一、工作背景', body, '二、主要做法', body,
    ].join('\n');
    const doc = loadDocument(bytes(text), '汇编.txt');
    expect(doc.cases.map((c) => c.title.replace(/\s+/g, ''))).toEqual(['推动控烟立法建设无烟环境', '坚持统筹谋划强化部门协同创新推进老年友好型社区建设', '强化老年友善管理做实老年健康服务']);
  });

  it('chapters over cases numbered 第一节 again in each: every case, also one whose first section is unnumbered', () => {
    const body = '本市围绕健康促进开展了大量工作，取得了明显成效，群众获得感不断增强。';
    const sections = (plainFirst: boolean) => [plainFirst ? '基本情况' : '一、工作背景', body, '二、主要做法', body, '三、推进成效', body, '四、经验启示', body];
    const chapters: Array<[string, string[]]> = [
      ['重点人群篇', ['关注学生健康 构建脊柱侧弯防控体系', '打造家院一体康养服务圈']],
      ['全民健身行动', ['抢抓冬奥会契机 推动全民健身深入开展']],
      ['健康知识普及行动', ['坚持四个四工作法 推进健康知识普及', '多措并举强化健康教育与促进']],
      ['重大疾病防治', ['构建区域协同防治体系', '做实老年健康服务']],
    ];
    const cn = '一二三四五六七';
    const lines = ['健康中国行动实践案例集', ...chapters.flatMap(([name, titles], k) => [`第${cn[k]}章 ${name}`, ...titles.flatMap((t, j) => [`第${cn[j]}节 河北省：${t}`, ...sections(k === 1)])])];
    const doc = loadDocument(bytes(lines.join('\n\n')), '案例集.txt');
    expect(doc.cases.map((c) => c.title)).toEqual(chapters.flatMap(([, titles]) => titles));
  });
});
