import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { loadDocument } from '../load.ts';
import { mapToRaw } from '../mapped-string.ts';
import { documentLines, headingStyles } from './docx.ts';
import { decodeSource } from './index.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (inner: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('documentLines: word/document.xml as lines', () => {
  const levels = new Map([['1', 1], ['2', 2]]);
  it.each<[string, string, string[]]>([
    ['runs of a paragraph join into one line', p(r('领导重视') + r('是前提。')), ['领导重视是前提。']],
    ['a heading style becomes a Markdown heading', p(r('一、工作背景'), '<w:pStyle w:val="1"/>'), ['# 一、工作背景']],
    ['an outline level does too', p(r('（一）强化领导'), '<w:outlineLvl w:val="1"/>'), ['## （一）强化领导']],
    ['a bold lead is kept as **…**', p(r('一是加强领导。', true) + r('成立领导小组。')), ['**一是加强领导。**成立领导小组。']],
    ['a wholly bold paragraph is not a lead', p(r('全文加粗', true)), ['全文加粗']],
    ['entities are decoded, astral characters kept', p(r('A&amp;B &lt;𠀀😀&gt; &#x4E2D;')), ['A&B <𠀀😀> 中']],
    ['a soft line break is a space; tabs stay', p(r('标题上半') + '<w:r><w:br/></w:r>' + r('下半') + '<w:r><w:tab/></w:r>' + r('尾')), ['标题上半 下半\t尾']],
    ['empty paragraphs are blank lines', p(r('甲。')) + '<w:p/>' + p(r('乙。')), ['甲。', '', '乙。']],
    [
      'a table row is one tab-separated line',
      `<w:tbl><w:tr><w:tc>${p(r('地区'))}</w:tc><w:tc>${p(r('做法'))}</w:tc></w:tr><w:tr><w:tc>${p(r('丰台区'))}</w:tc><w:tc>${p(r('建立网络。'))}${p(r('培训骨干。'))}</w:tc></w:tr></w:tbl>`,
      ['地区\t做法', '丰台区\t建立网络。 培训骨干。'],
    ],
  ])('%s', (_what, xml, expected) => {
    expect(documentLines(body(xml), levels)).toEqual(expected);
  });

  it('finds heading styles by name (English or Chinese) and by outline level', () => {
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>
      <w:style w:type="paragraph" w:styleId="x"><w:name w:val="My part"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
    </w:styles>`;
    expect([...headingStyles(styles)]).toEqual([['1', 1], ['a3', 2], ['x', 3]]);
  });
});

describe('.docx files through the loader', () => {
  it('loads a Word compendium into parts, cases and sections by its heading styles', async () => {
    const kase = (heading: string, paragraph: string) => [
      new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: '一、工作背景', heading: HeadingLevel.HEADING_3 }),
      new Paragraph({ children: [new TextRun(paragraph)] }),
      new Paragraph({ text: '二、经验启示', heading: HeadingLevel.HEADING_3 }),
      new Paragraph({ children: [new TextRun({ text: '一是领导重视是前提。', bold: true }), new TextRun('市委市政府高度重视。')] }),
    ];
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '健康影响因素篇', heading: HeadingLevel.HEADING_1 }),
            ...kase('河北省：高位推进 部门联动 努力推动将健康融入所有政策', '河北省高度重视健康影响评估工作，覆盖率达 26.82%。'),
            ...kase('北京市：创新大人群体重干预模式', '𠀀 北京市成人超重率为 37.7%😀。'),
            new Paragraph({ text: '重点人群篇', heading: HeadingLevel.HEADING_1 }),
            ...kase('上海市：关注学生健康', '上海市学生近视率下降。'),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('指标')] }), new TableCell({ children: [new Paragraph('26.82%')] })] })] }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const source = decodeSource(bytes, 'compendium.docx');
    expect(source).toMatchObject({ encoding: 'docx', kind: 'markdown' });
    expect(source.rawText).toContain('**一是领导重视是前提。**市委市政府高度重视。');
    expect(source.rawText).toContain('指标\t26.82%');

    const loaded = loadDocument(bytes, 'compendium.docx');
    expect(loaded.format).toBe('outline');
    expect(loaded.cases.map((c) => [c.title, c.region, c.part])).toEqual([
      ['高位推进 部门联动 努力推动将健康融入所有政策', '河北省', '健康影响因素篇'],
      ['创新大人群体重干预模式', '北京市', '健康影响因素篇'],
      ['关注学生健康', '上海市', '重点人群篇'],
    ]);
    for (const c of loaded.cases) {
      expect(c.sections.filter((s) => s.level === 1).map((s) => [s.heading, s.kinds])).toEqual([['工作背景', ['background']], ['经验启示', ['lessons']]]);
      expect(c.text).not.toMatch(/[#*]/);
    }
    // Offsets map back into the extracted text, astral characters included.
    const beijing = loaded.cases[1]!;
    const at = beijing.text.indexOf('37.7%😀');
    const raw = mapToRaw(beijing.sourceMap, at);
    expect(loaded.rawText.slice(raw, raw + '37.7%😀'.length)).toBe('37.7%😀');
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['a zip that is not a Word document', zipSync({ 'a.txt': strToU8('x') }), /not a Word document/],
    ['a Word document with no text', zipSync({ 'word/document.xml': strToU8(body('<w:p/>')) }), /has no text/],
  ])('refuses %s with a clear error', (_what, bytes, message) => {
    expect(() => decodeSource(bytes, 'x.docx')).toThrow(IngestError);
    expect(() => decodeSource(bytes, 'x.docx')).toThrow(message);
  });
});
