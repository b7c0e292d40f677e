import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { loadDocument } from '../load.ts';
import { mapToRaw } from '../mapped-string.ts';
import { documentLines, headingStyles } from './docx.ts';
import { decodeSource } from './index.ts';
import { claimOriginalSize } from '../../zip/crafted-zip.fixture.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (inner: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const box = (inner: string) => `<w:txbxContent>${inner}</w:txbxContent>`;
const textBox = (inner: string) =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box(inner)}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:shape><v:textbox>${box(inner)}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
const tabStops = '<w:tabs><w:tab w:val="left" w:pos="420"/><w:tab w:val="right" w:pos="8300"/></w:tabs>';
const run = (rPr: string, text: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:t>${text}</w:t></w:r>`;

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

  it.each<[string, string, string[]]>([
    // Text boxes: the anchoring paragraph keeps its text; the box's paragraphs follow it, once.
    ['a text box keeps its paragraph and follows it once', p(r('框前文字，') + textBox(p(r('图1 工作流程'))) + r('框后文字。')), ['框前文字，框后文字。', '图1 工作流程']],
    ['a text box of several paragraphs, heading kept', p(r('正文。') + textBox(p(r('框标题'), '<w:pStyle w:val="2"/>') + p(r('框内容。')))) + p(r('下一段。')), ['正文。', '## 框标题', '框内容。', '下一段。']],
    ['a text box in a table cell stays in the cell', `<w:tbl><w:tr><w:tc>${p(r('甲') + textBox(p(r('乙'))))}</w:tc><w:tc>${p(r('丙'))}</w:tc></w:tr></w:tbl>`, ['甲 乙\t丙']],
    ['a bold lead survives a text box', p(r('一是加强领导。', true) + textBox(p(r('框'))) + r('成立领导小组。')), ['**一是加强领导。**成立领导小组。', '框']],
    // Tracked changes: moved-away and deleted text is gone; old formatting does not apply.
    ['moveFrom is dropped, moveTo kept', p(`<w:moveFrom w:id="1" w:author="a">${r('被移动的句子。')}</w:moveFrom>${r('正文。')}<w:moveTo w:id="2" w:author="a">${r('被移动的句子。')}</w:moveTo>`), ['正文。被移动的句子。']],
    ['deleted text is dropped', p(`${r('甲')}<w:del w:id="1" w:author="a">${r('乙')}</w:del>`), ['甲']],
    ['an old heading style in pPrChange does not apply', p(r('正文段落'), '<w:pStyle w:val="a"/><w:pPrChange w:id="1" w:author="a"><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange>'), ['正文段落']],
    ['the new heading style beside a pPrChange does', p(r('新标题'), '<w:pStyle w:val="1"/><w:pPrChange w:id="1" w:author="a"><w:pPr><w:pStyle w:val="a"/></w:pPr></w:pPrChange>'), ['# 新标题']],
    ['old bold in rPrChange does not apply', p(run('<w:b w:val="0"/><w:rPrChange w:id="5" w:author="a"><w:rPr><w:b/></w:rPr></w:rPrChange>', '不加粗的开头') + r('其后。')), ['不加粗的开头其后。']],
    // Tab stops are paragraph properties, not tabs.
    ['tab stops add no tab', p(r('一是加强领导。', true) + r('成立领导小组。'), tabStops), ['**一是加强领导。**成立领导小组。']],
    ['tab stops in a table cell add no cell', `<w:tbl><w:tr><w:tc>${p(r('地区'), tabStops)}</w:tc><w:tc>${p(r('做法'))}</w:tc></w:tr></w:tbl>`, ['地区\t做法']],
    ['a tab in a run still is one', p(r('甲') + '<w:r><w:tab/></w:r>' + r('乙'), tabStops), ['甲\t乙']],
    // Run content and properties.
    ['a no-break hyphen is a hyphen', p(r('COVID') + '<w:r><w:noBreakHyphen/></w:r>' + r('19')), ['COVID-19']],
    ['a soft hyphen is nothing', p(r('Gesund') + '<w:r><w:softHyphen/></w:r>' + r('heit')), ['Gesundheit']],
    ...(['off', 'false', '0'] as const).map((v): [string, string, string[]] => [`w:b w:val="${v}" is not bold`, p(run(`<w:b w:val="${v}"/>`, '开头') + r('其后。')), ['开头其后。']]),
    ...(['on', 'true', '1'] as const).map((v): [string, string, string[]] => [`w:b w:val="${v}" is bold`, p(run(`<w:b w:val="${v}"/>`, '开头') + r('其后。')), ['**开头**其后。']]),
    ['bold on the paragraph mark is not a bold run', p(r('开头') + r('其后。'), '<w:rPr><w:b/></w:rPr>'), ['开头其后。']],
    ['hidden text is skipped', p(r('可见') + run('<w:vanish/>', '隐藏') + '<w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:noBreakHyphen/></w:r>' + r('。')), ['可见。']],
    ['w:vanish w:val="0" is shown', p(r('可见') + run('<w:vanish w:val="0"/>', '也可见')), ['可见也可见']],
    ['a hidden run does not hide the next', p(run('<w:vanish/>', '隐藏') + r('可见')), ['可见']],
  ])('%s', (_what, xml, expected) => {
    expect(documentLines(body(xml), levels)).toEqual(expected);
  });

  it.each<[string, string, [string, number][]]>([
    ['a style based on "heading 1" without an outline level', '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="一级标题"/><w:basedOn w:val="1"/></w:style>', [['1', 1], ['2', 2], ['a5', 1]]],
    ['two steps down a basedOn chain', '<w:style w:type="paragraph" w:styleId="c"><w:name w:val="Case"/><w:basedOn w:val="b"/></w:style><w:style w:type="paragraph" w:styleId="b"><w:name w:val="Mid"/><w:basedOn w:val="2"/></w:style>', [['1', 1], ['2', 2], ['c', 2], ['b', 2]]],
    ['an outline level of its own overrides the inherited one', '<w:style w:type="paragraph" w:styleId="x"><w:name w:val="Part"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>', [['1', 1], ['2', 2], ['x', 3]]],
    ['outline level 9 (body text) is not a heading', '<w:style w:type="paragraph" w:styleId="b"><w:name w:val="Body"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>', [['1', 1], ['2', 2]]],
    ['a basedOn cycle ends', '<w:style w:type="paragraph" w:styleId="p"><w:name w:val="P"/><w:basedOn w:val="q"/></w:style><w:style w:type="paragraph" w:styleId="q"><w:name w:val="Q"/><w:basedOn w:val="p"/></w:style>', [['1', 1], ['2', 2]]],
    ['a missing base is no heading', '<w:style w:type="paragraph" w:styleId="m"><w:name w:val="M"/><w:basedOn w:val="nowhere"/></w:style>', [['1', 1], ['2', 2]]],
  ])('heading styles: %s', (_what, extra, expected) => {
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
      ${extra}
    </w:styles>`;
    expect(new Map(headingStyles(styles))).toEqual(new Map(expected));
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

  it('loads a Word document with text boxes, tab stops and a style based on a heading style', () => {
    const NS = `${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`;
    const styles = `<w:styles ${W}>${[1, 2, 3].map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`).join('')}
      <w:style w:type="paragraph" w:styleId="Case"><w:name w:val="案例标题"/><w:basedOn w:val="Heading2"/></w:style></w:styles>`;
    const h = (style: string, text: string) => p(r(text), `<w:pStyle w:val="${style}"/>`);
    const kase = (title: string) =>
      h('Case', title) +
      h('Heading3', '一、工作背景') +
      p(r('该市高度重视健康促进工作，') + textBox(p(r('图1 工作流程'))) + r('覆盖率达到26.82%。')) +
      h('Heading3', '二、经验启示') +
      p(r('（一）强化组织领导', true) + r('，压实各方责任。市委市政府高度重视。'), tabStops) +
      p(r('（二）坚持部门联动', true) + r('，形成工作合力。各部门协同推进。'), tabStops);
    const doc = `<?xml version="1.0"?><w:document ${NS}><w:body>${h('Heading1', '健康影响因素篇')}${kase('河北省：高位推进')}${kase('山西省：部门联动')}</w:body></w:document>`;
    const loaded = loadDocument(zipSync({ 'word/document.xml': strToU8(doc), 'word/styles.xml': strToU8(styles) }), 'x.docx');
    expect(loaded.format).toBe('outline');
    expect(loaded.cases.map((c) => [c.region, c.title])).toEqual([['河北省', '高位推进'], ['山西省', '部门联动']]);
    const c = loaded.cases[0]!;
    expect(c.text).toContain('该市高度重视健康促进工作，覆盖率达到26.82%。\n图1 工作流程\n');
    expect(c.text.split('图1 工作流程')).toHaveLength(2);
    expect(c.sections.map((s) => s.heading)).toEqual(['工作背景', '经验启示', '强化组织领导', '坚持部门联动']);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['a zip that is not a Word document', zipSync({ 'a.txt': strToU8('x') }), /not a Word document/],
    ['a Word document with no text', zipSync({ 'word/document.xml': strToU8(body('<w:p/>')) }), /has no text/],
  ])('refuses %s with a clear error', (_what, bytes, message) => {
    expect(() => decodeSource(bytes, 'x.docx')).toThrow(IngestError);
    expect(() => decodeSource(bytes, 'x.docx')).toThrow(message);
  });
});

describe('.docx files that expand too far (zip bombs)', () => {
  const paragraph = p(r('各地高度重视健康促进工作，覆盖率达到26.82%。'));
  it.each<[string, () => Uint8Array, RegExp]>([
    // 5 MiB of one paragraph repeated squeezes into a few KiB: no Word document does that.
    ['one that expands hundreds of times', () => zipSync({ 'word/document.xml': strToU8(body(paragraph.repeat(Math.ceil((5 * 1048576) / paragraph.length)))) }, { level: 9 }), /word\/document\.xml expands \d+ times .* more than the 100 times/],
    // A header may claim any size: the claim is refused before anything is allocated for it.
    ['one whose header claims 300 MiB', () => claimOriginalSize(zipSync({ 'word/document.xml': strToU8(body(paragraph)) }, { level: 0 }), 'word/document.xml', 300 * 1048576), /word\/document\.xml expands \d+ times/],
    // Within the ratio but beyond the 64 MiB casebench loads from any file.
    ['one that expands beyond 64 MiB', () => claimOriginalSize(zipSync({ 'word/document.xml': strToU8(body(p(r('甲乙丙丁'.repeat(300_000))))) }, { level: 0 }), 'word/document.xml', 300 * 1048576), /word\/document\.xml expands to 300 MiB, more than the 64 MiB casebench reads from a Word document; split it first/],
  ])('refuses %s, saying so', (_what, make, message) => {
    const bytes = make();
    let error: unknown;
    try {
      decodeSource(bytes, 'bomb.docx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: 'too-large', file: 'bomb.docx' });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^bomb\.docx: /);
  });

  it('reads a document whose images are large: only the entries read count', () => {
    const image = new Uint8Array(2 * 1048576); // zeros: expands far more than 100 times, but is never read
    const bytes = zipSync({ 'word/document.xml': strToU8(body(paragraph)), 'word/media/image1.png': image });
    expect(decodeSource(bytes, 'pictures.docx').rawText).toContain('覆盖率达到26.82%');
  });
});
