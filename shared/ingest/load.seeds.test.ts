import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedDocument } from '../model/document.ts';
import { loadDocument } from './load.ts';
import { mapToRaw } from './mapped-string.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const load = (file: string): LoadedDocument => loadDocument(readFileSync(join(SEEDS, file)), file);

const docs = {
  compendium: load('healthy-china-2024-typical-cases-compendium.txt'),
  notice: load('henan-2022-first-batch-typical-cases-notice.txt'),
  table: load('healthy-counties-2022-typical-experiences-table.txt'),
  batch: load('hebei-second-batch-typical-cases.txt'),
  news: load('newspaper-healthy-china-action-provinces.txt'),
};

describe('the five seeds load into the right shape and number of cases', () => {
  it.each([
    ['compendium', 'compendium', 30],
    ['notice', 'notice', 10],
    ['table', 'county-table', 20],
    ['batch', 'provincial-batch', 17],
    ['news', 'newspaper', 10],
  ] as const)('%s', (key, format, count) => {
    expect(docs[key].format).toBe(format);
    expect(docs[key].cases).toHaveLength(count);
    expect(docs[key].cases.map((c) => c.ordinal)).toEqual([...Array(count).keys()].map((i) => i + 1));
  });
});

describe('titles (joined where they wrap), regions, units and parts', () => {
  it.each([
    // The compendium: titles from the table of contents, found in the body however they wrap.
    ['compendium', 1, '创新大人群体重干预模式提升首都职工体重管理能力', '北京市', null, '健康影响因素篇'],
    ['compendium', 3, '高位推进 部门联动 努力推动将健康融入所有政策', '河北省', null, '健康影响因素篇'],
    ['compendium', 13, '“五位一体”创新打造城市社区戒烟服务体系', '广东省', null, '健康影响因素篇'],
    ['compendium', 14, '关注学生健康 挺起中华脊梁着力构建中小学生脊柱侧弯防控体系', '河北省', null, '重点人群篇'],
    ['compendium', 22, '“356”改革举措破解“带娃”难题', '重庆市', null, '重点人群篇'],
    ['compendium', 25, '多措并举积极应对过敏性疾病防治保障人民群众身体健康', '内蒙古自治区', null, '重大疾病篇'],
    ['compendium', 30, '点亮记忆之光“圳”在行动”', '广东省', null, '重大疾病篇'],
    // The notice: titles from attachment 1, regions from the "——" attribution, parts from category lines.
    ['notice', 1, '创新模式 全民共建 努力实现健康科普全覆盖', '鹤壁市', null, '健康知识普及行动类'],
    ['notice', 2, '立足“四个创新”实施健康知识普及', '信阳市罗山县', null, '健康知识普及行动类'],
    ['notice', 3, '发挥临床营养专长 助力“好好吃饭”这件事', null, '郑州大学第二附属医院', '合理膳食行动类'],
    ['notice', 6, '推动控烟立法 建设无烟环境', '郑州市', null, null],
    ['notice', 9, '强化老年友善管理 做实老年健康服务', '郑州市', '郑州市第九人民医院（郑州市老年医院）', '老年健康促进行动类'],
    // The county table: regions from the place cells, whatever happened to the row numbers.
    ['table', 1, '象山县打造“健康与海”品牌，推动卫生健康与经济社会协同发展', '浙江省宁波市象山县', null, null],
    ['table', 4, '丰台区健康县区建设典型经验', '北京市丰台区', null, null],
    ['table', 16, '绩溪县健康县区建设典型经验', '安徽省宣城市绩溪县', null, null],
    ['table', 20, '碑林区健康县区建设典型经验', '陕西省西安市碑林区', null, null],
    // The Hebei batch: unit lines, wrapped titles, regions from the title or the province.
    ['batch', 1, '坚持“四个四”工作法 推进健康知识普及行动有效实施', '河北省', '健康知识普及行动工作组', '健康知识普及行动'],
    ['batch', 3, '坚持统筹谋划 强化部门协同 创新推进老年友好型社区建设', '河北省', '老年健康促进行动工作组', '老年健康促进行动'],
    ['batch', 5, '省司法厅组织全省司法行政戒毒系统深入开展爱国卫生月专项活动', '河北省', '省司法厅', null],
    ['batch', 12, '秦皇岛北戴河区强化“124”举措高质量创建国家级健康促进区', '秦皇岛北戴河区', null, null],
    ['batch', 16, '以健康科普为抓手 全方位提供优质高效的健康服务', '河北省', '河北医科大学第一医院', null],
    ['batch', 17, '邯郸邱县古城营镇卫生院创新建设健康教育体验中心', '邯郸邱县', null, null],
    // The newspaper: subheadings start segments, wrapped subheadings joined, banners become parts.
    ['news', 1, '聚焦重点合力攻坚', '湖北省', null, null],
    ['news', 3, '建立社会共治机制', '陕西省延安市', null, null],
    // No speaker line: the unit is named where the text opens ("…研究中心王秀峰研究员最突出感受是").
    ['news', 5, '与基层治理深度融合', null, '国家卫生健康委卫生发展研究中心', null],
    ['news', 6, '持续推进健康城市建设工作', null, '国家卫生健康委规划司爱卫工作办', '健康中国行动 践行者这样推进'],
    ['news', 7, '绩效考核助推医疗高质量发展', null, '国家卫生健康委医管中心质量评价处', '健康中国行动 践行者这样推进'],
    ['news', 9, '信息技术赋能监测评估', '陕西省', null, '智慧圆桌分享'],
  ] as const)('%s case %i: %s', (key, ordinal, title, region, unit, part) => {
    const c = docs[key].cases[ordinal - 1]!;
    expect(c.title).toBe(title);
    expect(c.region).toBe(region);
    expect(c.unit).toBe(unit);
    expect(c.part).toBe(part);
  });

  it('document titles come from the documents themselves', () => {
    expect(docs.notice.title).toBe('健康中原行动推进委员会办公室关于印发第一批健康中原行动典型经验案例的通知');
    expect(docs.batch.title).toBe('第二批健康河北行动推进典型经验案例');
    expect(docs.table.title).toBe('2022 年度健康县区建设典型经验');
  });
});

const topKinds = (doc: LoadedDocument, ordinal: number) =>
  doc.cases[ordinal - 1]!.sections.filter((s) => s.level === 1).map((s) => `${s.heading}:${s.kinds.join('+')}`);

describe('sections: headings at every level, top-level kinds', () => {
  it.each([
    ['compendium', 1, ['主要背景:background', '主要做法:practices', '经验和成效:results+lessons']],
    ['compendium', 3, ['工作背景:background', '主要做法:practices', '推进成效:results', '经验启示:lessons']],
    ['compendium', 11, ['工作背景:background', '创新亮点:practices', '主要做法:practices', '取得成效:results']],
    ['compendium', 17, ['工作背景:background', '主要做法与成效:practices+results', '主要成果:results']],
    ['compendium', 22, ['背景:background', '目标:other', '内容:practices', '取得的成效:results']],
    ['compendium', 27, ['工作背景:background', '主要做法:practices', '主要成效:results', '经验和体会:lessons']],
    ['notice', 1, ['工作背景:background', '主要做法:practices', '推进成效:results', '经验启示:lessons']],
    // Unnumbered ("工作背景") and misnumbered ("三、经验启示" after "三、工作成效") headings.
    ['batch', 2, ['工作背景:background', '主要做法:practices', '推进成效:results', '经验启示:lessons']],
    ['batch', 9, ['工作背景:background', '主要做法:practices', '工作成效:results', '经验启示:lessons']],
  ] as const)('%s case %i', (key, ordinal, expected) => {
    expect(topKinds(docs[key], ordinal)).toEqual(expected);
  });

  it('subsections nest under their parents and name their own kind only when their heading is a section name', () => {
    const c = docs.compendium.cases[17]!; // 山东省：突出重点 统筹推进……  三、工作成效与经验 / （一）工作成效 / （二）工作经验
    const merged = c.sections.find((s) => s.heading === '工作成效与经验')!;
    const subs = c.sections.filter((s) => s.level === 2 && s.start >= merged.start && s.end <= merged.end);
    expect(subs.map((s) => [s.heading, s.kinds])).toEqual([
      ['工作成效', ['results']],
      ['工作经验', ['lessons']],
    ]);
  });

  it('run-in headings take the words before their full stop', () => {
    const c = docs.compendium.cases[2]!;
    const s = c.sections.find((x) => x.numbering === '（二）' && x.kinds.includes('lessons'))!;
    expect(s.heading).toBe('领导重视是前提');
    expect(s.runIn).toBe(true);
    expect(c.text.slice(s.start, s.headingEnd)).toBe('（二）领导重视是前提。');
  });

  it('structured cases have background, practices and results; the ones without lessons are exactly those', () => {
    const missing: string[] = [];
    for (const key of ['compendium', 'notice', 'batch'] as const) {
      for (const c of docs[key].cases) {
        const kinds = new Set(c.sections.filter((s) => s.level === 1).flatMap((s) => s.kinds));
        for (const k of ['background', 'practices', 'results', 'lessons'] as const) if (!kinds.has(k)) missing.push(`${c.id}:${k}`);
      }
    }
    // Case 4 of the compendium (上海 控烟) tells its story under narrative headings
    // (一、善于发现问题……); case 23 opens on 主要问题 (problems, not background); the others
    // simply have no lessons section.
    expect(missing).toEqual([
      'healthy-china-2024-02:lessons',
      'healthy-china-2024-04:background',
      'healthy-china-2024-04:results',
      'healthy-china-2024-08:lessons',
      'healthy-china-2024-11:lessons',
      'healthy-china-2024-16:lessons',
      'healthy-china-2024-17:lessons',
      'healthy-china-2024-22:lessons',
      'healthy-china-2024-23:background',
      'healthy-china-2024-23:lessons',
      'healthy-china-2024-26:lessons',
      'healthy-china-2024-28:lessons',
    ]);
  });

  it('section offsets are well formed: heading text at start, nested ranges, ascending', () => {
    for (const doc of Object.values(docs)) {
      for (const c of doc.cases) {
        let prev = -1;
        for (const s of c.sections) {
          expect(s.start).toBeGreaterThan(prev);
          expect(s.headingEnd).toBeGreaterThan(s.start);
          expect(s.end).toBeGreaterThanOrEqual(s.headingEnd);
          expect(s.end).toBeLessThanOrEqual(c.text.length);
          expect(c.text.slice(s.start, s.headingEnd).replace(/\s/g, '')).toContain(s.heading.replace(/\s/g, '').slice(0, 4));
          prev = s.start;
        }
      }
    }
  });
});

describe('normalisation leaves no page furniture, markup or byline in case text', () => {
  const paragraphs = Object.values(docs).flatMap((d) => d.cases.flatMap((c) => c.text.split('\n').map((p) => ({ id: c.id, p }))));

  it.each([
    ['page numbers', /^\s*\d{1,4}\s*$/],
    ['running headers', /^(健康中国行动典型案例汇编|.{2,7}(省|市|自治区)案例)$/],
    ['part-divider pages', /^\s*(健康影响因素篇|重点人群篇|重大疾病篇)\s*$/],
    ['HTML tags', /<\/?[a-z][^>]*>/i],
    ['Markdown markers', /\*\*|^#{1,6}\s|^---$/],
    ['bylines', /^□/],
    ['photo captions', /图为|供图$/],
    ['attribution lines', /^——/],
    ['case marker lines', /典型经验案例[一二三四五六七八九十]+$/],
  ])('no %s', (_name, pattern) => {
    expect(paragraphs.filter(({ p }) => pattern.test(p))).toEqual([]);
  });

  it('no space was put between CJK characters when lines were joined', () => {
    const c = docs.compendium.cases[0]!;
    expect(c.text).toContain('体重是评价人体营养和健康状况的重要指标，过低和过高均会增加疾病的发生风险。');
    expect(docs.news.cases[0]!.text).toContain('湖北省聚焦心脑血管病、癌症、慢性呼吸系统病3类重大疾病');
  });

  it('keeps full-width punctuation as it is', () => {
    expect(docs.compendium.cases[0]!.text).toMatch(/（一）组织动员/);
    expect(docs.compendium.cases[0]!.text).not.toMatch(/\(一\)组织动员/);
  });

  // Paragraphs the source itself leaves unfinished: a missing full stop, and a table's caption and header cell.
  const SOURCE_QUIRKS = ['编制《万州区托育机构星级评定标准》', '主要指标提前达到或超过2022年全国目标值', '2022年全国目标值'];

  it('body paragraphs end in sentence-final punctuation (the line joining works)', () => {
    const unfinished: string[] = [];
    for (const doc of Object.values(docs)) {
      for (const c of doc.cases) {
        const paras = c.text.split('\n');
        let at = 0;
        paras.forEach((p, i) => {
          const isHeading = c.sections.some((s) => s.start === at && s.headingEnd >= at + p.length - 1);
          const inTable = p.includes('\t') || paras[i - 1]?.includes('\t') || paras[i + 1]?.includes('\t');
          at += p.length + 1;
          if (isHeading || inTable || SOURCE_QUIRKS.some((q) => p.endsWith(q))) return;
          if (!/[。！？!?；;…”」』）)：:]$/.test(p)) unfinished.push(`${c.id}: …${p.slice(-30)}`);
        });
      }
    }
    expect(unfinished).toEqual([]);
  });
});

describe('marks: newspaper bylines and captions, notice attributions', () => {
  it('keeps bylines and the photo caption as marks of their segment', () => {
    const marks = docs.news.cases.flatMap((c) => c.marks);
    expect(marks.filter((m) => m.kind === 'byline').map((m) => m.text)).toEqual(['□本报记者 王潇雨', '□实习记者 段梦兰']);
    const caption = marks.find((m) => m.kind === 'caption' && m.text.includes('图为'))!;
    expect(caption.text).toBe('2022 年 11月 26 日，第 9 届互联网+健康中国大会以北京和西安两地“线下会场+线上连线”的方式举行。图为北京会场。');
  });

  it('introduces speakers of the column', () => {
    expect(docs.news.cases[5]!.marks).toContainEqual({ kind: 'speaker', text: '国家卫生健康委规划司爱卫工作办处长王璐' });
  });
});

describe('the offset map leads every character back to the raw file', () => {
  it.each(Object.entries(docs))('%s', (_key, doc) => {
    for (const c of doc.cases) {
      let mismatches = 0;
      for (let i = 0; i < c.text.length; i++) {
        const ch = c.text[i]!;
        if (ch === '\n' || ch === ' ' || ch === '\t') continue; // characters the loader may have made up
        if (doc.rawText[mapToRaw(c.sourceMap, i)] !== ch) mismatches++;
      }
      expect(mismatches, c.id).toBe(0);
      expect(c.sourceRange.start).toBeLessThanOrEqual(mapToRaw(c.sourceMap, 0));
      expect(c.sourceRange.end).toBeGreaterThan(mapToRaw(c.sourceMap, c.text.length - 1));
    }
  });

  it('maps raw positions in increasing order within a case', () => {
    for (const doc of Object.values(docs)) {
      for (const c of doc.cases) {
        let prev = -1;
        for (let i = 0; i < c.text.length; i += 7) {
          const raw = mapToRaw(c.sourceMap, i);
          expect(raw).toBeGreaterThanOrEqual(prev);
          prev = raw;
        }
      }
    }
  });
});
