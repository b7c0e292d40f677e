import { describe, expect, it } from 'vitest';
import { loadDocument } from '../load.ts';

const bytes = (s: string) => new Uint8Array(Buffer.from(s));
/** What a test needs of each case: its title, region and the start of its text. */
const cases = (text: string) => loadDocument(bytes(text), '县区表.txt').cases.map((c) => ({ title: c.title, region: c.region, opens: c.text.slice(0, 6) }));

// A county table of four rows over two pages, as extractors write it out of a PDF.
const HEADER = '序号 省（区、市） 市（州、地\n区、盟）\n县（区、市） 典型经验';

describe('a county table extracted from a PDF', () => {
  it('one row a line, cells apart by single spaces (pdftotext -raw), names a narrow column cut completed', () => {
    const text = [
      '附件 2',
      '2022 年度健康县区建设典型经验',
      HEADER,
      '1 浙江省 宁波市 象山县 象山县打造',
      '健康品牌：（1）聚',
      '焦偏远岛民，覆盖率达 95%。',
      '2 上海市 黄浦区 （1）将南京',
      '东路步行街建成示范街。',
      '— 1 —',
      HEADER,
      '3 河北省 承德市 丰宁满族自治',
      '县',
      '针对当地居民的健康问题开展行动。',
      '4 宁夏回族自治',
      '区',
      '银川市 兴庆区 （1）在 13 个',
      '站点开展服务。',
    ].join('\n');
    expect(cases(text)).toEqual([
      { title: '象山县打造健康品牌', region: '浙江省宁波市象山县', opens: '象山县打造健' },
      { title: '黄浦区健康县区建设典型经验', region: '上海市黄浦区', opens: '（1）将南京' },
      { title: '针对当地居民的健康问题开展行动', region: '河北省承德市丰宁满族自治县', opens: '针对当地居民' },
      { title: '兴庆区健康县区建设典型经验', region: '宁夏回族自治区银川市兴庆区', opens: '（1）在 1' },
    ]);
  });

  it('one cell a line, each page column by column (pdftotext): rows put back by their places, texts cut where each row starts', () => {
    const page1 = ['序号', '', '省（区、市）', '', '1', '', '浙江省', '', '市（州、地', '区、盟）', '宁波市', '', '—1—', '', '县（区、市）', '', '典型经验', '象山县', '', '象山县打造', '健康品牌：', '（1）聚焦偏', '远岛民。', '（2）建设绿', '道，推动'];
    // The first row runs on; two rows start, a municipality's (no city) among them; the second's points restart at (1).
    const page2 = ['\f序号', '', '省（区、市）', '', '2', '', '3', '', '上海市', '', '广东省', '', '市（州、地', '区、盟）', '县（区、市）', '', '广州市', '', '黄浦区', '', '海珠区', '', '—2—', '', '典型经验', '全民健身。', '（1）将南京', '东路建成示', '范街。', '（1）聚焦重', '点难点。'];
    // Row by row this time, and a row that opens with a lead sentence instead of (1).
    const page3 = ['\f序号', '', '省（区、市）', '', '市（州、地', '区、盟）', '县（区、市）', '', '4', '', '山东省', '', '潍坊市', '', '青州市', '', '5', '', '云南省', '', '保山市', '', '腾冲市', '', '—3—', '', '典型经验', '（2）编发手', '册。', '打造长寿之', '乡品牌。', '（1）建立科', '普机制。'];
    const got = cases(['附件 2', '', '2022 年度健康县区建设典型经验', ...page1, ...page2, ...page3].join('\n'));
    expect(got.map((c) => c.region)).toEqual(['浙江省宁波市象山县', '上海市黄浦区', '广东省广州市海珠区', '山东省潍坊市青州市', '云南省保山市腾冲市']);
    expect(got.map((c) => c.opens)).toEqual(['象山县打造健', '（1）将南京', '（1）聚焦重', '打造长寿之乡', '（1）建立科']);
    // The first row's text is whole: its last point went on over the page.
    const first = loadDocument(bytes(['附件 2', ...page1, ...page2, ...page3].join('\n')), '县区表.txt').cases[0]!;
    expect(first.text).toContain('道，推动全民健身。');
    expect(first.text).not.toContain('南京');
  });

  it('a page whose cells do not add up is not taken for a table of counties', () => {
    // Two provinces and one county: no row can be made of it, and nothing is put where it does not belong.
    const text = ['序号', '省（区、市）', '1', '浙江省', '2', '江苏省', '县（区、市）', '象山县', '典型经验', '打造健康品牌。', '\f序号', '3', '湖南省', '长沙市', '浏阳市', '典型经验', '建立健康机制。'].join('\n');
    const doc = loadDocument(bytes(text), '县区表.txt');
    expect(doc.cases.every((c) => !c.region || !/浙江省.*江苏省|江苏省.*象山县/.test(c.region))).toBe(true);
  });
});
