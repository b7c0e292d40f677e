import { describe, expect, it } from 'vitest';
import { loadDocument } from './load.ts';

const codes = (text: string) => {
  const doc = loadDocument(text, 'x.txt');
  return { doc, codes: doc.warnings.filter((w) => (w.severity ?? 'warning') === 'warning').map((w) => w.code) };
};

const SECTIONS = (name: string) => [`一、工作背景`, `${name}高度重视健康促进工作，把健康融入所有政策，加强组织领导。`, `二、主要做法`, `${name}建立了工作机制，开展健康科普，覆盖城乡居民。`, `三、工作成效`, `${name}居民健康素养水平从2019年19.18%提升到2021年26.82%。`, `四、经验启示`, `领导重视是前提，部门协同是关键。`];

describe('the loader is never silently wrong: each diagnostic', () => {
  it('a table-of-contents entry no case carries, and the count that differs', () => {
    const text = ['目  录', '1．北京市：甲市的健康促进实践 ...... 2', '2．河北省：乙县的健康促进实践 ...... 9', '3．上海市：丙区的健康促进实践 ...... 14', '北京市：甲市的健康促进实践', ...SECTIONS('甲市'), '河北省：乙县的健康促进实践', ...SECTIONS('乙县')].join('\n');
    const { codes: found } = codes(text);
    expect(found).toContain('toc-entry-missing');
    expect(found).toContain('count-mismatch');
  });

  it('sections that start over with no title before them: a case of its own, named by its first words, flagged', () => {
    const text = ['某市推进健康促进的做法', ...SECTIONS('某市'), ...SECTIONS('某县')].join('\n');
    const { doc, codes: found } = codes(text);
    expect(doc.cases).toHaveLength(2);
    expect(found).toContain('title-missing');
    const w = doc.warnings.find((x) => x.code === 'title-missing')!;
    expect(w.caseId).toBe(doc.cases[1]!.id);
    expect(doc.confidence).toBeLessThan(0.7);
  });

  it('a case whose sections start over where the loader could not split: two cases merged, with where', () => {
    // The plain shape keeps the text as one case; the cycle that starts again is pointed at.
    const text = ['某市推进健康促进的做法', ...SECTIONS('某市'), ...SECTIONS('某县')].join('\n');
    const doc = loadDocument(text, 'x.txt', { shape: 'plain' });
    const w = doc.warnings.find((x) => x.code === 'section-cycle-restart')!;
    expect(doc.rawText.slice(w.at!.start, w.at!.end)).toBe('一、工作背景');
    expect(w.at!.start).toBeGreaterThan(doc.rawText.indexOf('四、经验启示'));
    expect(doc.confidence).toBeLessThan(0.7);
  });

  it('a case far longer than its siblings', () => {
    const long = Array.from({ length: 60 }, (_, i) => `第${i}段正文，说明本县在健康促进方面所做的大量工作和取得的明显成效。`);
    const text = ['案例1', '甲市的健康促进', ...SECTIONS('甲市'), '案例2', '乙县的健康促进', ...SECTIONS('乙县'), '案例3', '丙区的健康促进', ...SECTIONS('丙区'), ...long, ...long].join('\n');
    expect(codes(text).codes).toContain('case-too-long');
  });

  it('a long text of no structure read as one case', () => {
    const text = Array.from({ length: 150 }, (_, i) => `第${i}段，本县在健康促进方面做了大量工作，取得了明显成效。`).join('\n');
    expect(codes(text).codes).toContain('one-long-case');
  });

  it('one long case with a title and one cycle of sections is not flagged as a text of no structure', () => {
    const para = (i: number) => `第${i}段正文，说明本县在健康促进方面所做的大量工作和取得的明显成效，群众满意度逐年提高，健康素养水平稳步提升。`;
    const section = (h: string, from: number) => [h, ...Array.from({ length: 60 }, (_, i) => para(from + i))];
    const text = ['某县推进健康促进的实践', '——某县卫生健康委员会', ...section('一、工作背景', 0), ...section('二、主要做法', 60), ...section('三、工作成效', 120), ...section('四、经验启示', 180)].join('\n');
    const { doc, codes: found } = codes(text);
    expect(doc.cases).toHaveLength(1);
    expect(doc.cases[0]!.text.length).toBeGreaterThan(12_000);
    expect(found).not.toContain('one-long-case');
    expect(doc.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('markup left in the text', () => {
    const text = ['某市推进健康促进的做法', '一、工作背景', '某市高度重视。<span style="color:red">重点</span>工作&ldquo;推进&rdquo;。', '二、主要做法', '建立机制。'].join('\n');
    expect(codes(text).codes).toContain('markup-residue');
  });

  it('a case without sections among cases with them, and a cut title', () => {
    const text = ['案例1', '甲市的健康促进', ...SECTIONS('甲市'), '案例2', '乙县的健康促进', ...SECTIONS('乙县'), '案例3', '丙区推进健康促进的', '丙区只有一段正文，没有分节标题，说明了一些情况。'].join('\n');
    const found = codes(text).codes;
    expect(found).toContain('no-sections');
    expect(found).toContain('title-cut');
  });

  it('numbered points in some cases are no sections the others lack', () => {
    const brief = (n: string, point: boolean) => [`${n}的健康促进`, `${point ? '（一）建立机制。' : ''}${n}高度重视健康促进工作，把健康融入所有政策，加强组织领导，完善机制，取得明显成效。`];
    const text = ['案例1', ...brief('甲市', false), '案例2', ...brief('乙县', true), '案例3', ...brief('丙区', true)].join('\n');
    const { doc, codes: found } = codes(text);
    expect(doc.cases).toHaveLength(3);
    expect(found).not.toContain('no-sections');
  });

  it('two cases of one title', () => {
    const text = ['案例1', '甲市的健康促进实践', ...SECTIONS('甲市'), '案例2', '甲市的健康促进实践', ...SECTIONS('乙县')].join('\n');
    const { doc, codes: found } = codes(text);
    expect(found).toContain('duplicate-title');
    expect(doc.warnings.find((w) => w.code === 'duplicate-title')!.caseId).toBe(doc.cases[1]!.id);
  });

  it('a clean outline has no warning and a high confidence', () => {
    const text = ['案例1', '甲市的健康促进实践', ...SECTIONS('甲市'), '案例2', '乙县的健康促进实践', ...SECTIONS('乙县')].join('\n');
    const { doc, codes: found } = codes(text);
    expect(doc.cases.map((c) => c.title)).toEqual(['甲市的健康促进实践', '乙县的健康促进实践']);
    expect(found).toEqual([]);
    expect(doc.confidence).toBeGreaterThanOrEqual(0.9);
  });
});
