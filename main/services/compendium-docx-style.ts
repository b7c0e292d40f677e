import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunOptions } from 'docx';

/**
 * The typography of the draft compendium, after GB/T 9704-2012 (党政机关公文格式) where it applies:
 * A4, 版心 156 × 225 mm (top 37 mm, left 28 mm), a body of 28 characters × 22 lines in 3号 仿宋,
 * the title in 小标宋, level-1 headings in 黑体, level-2 in 楷体, page numbers "— 1 —" in 4号 宋体
 * 7 mm below the text block, odd pages on the right and even on the left, one character in.
 *
 * Lengths are twips (1/20 pt) unless named otherwise; font sizes are points.
 */
const MM = 1440 / 25.4;
export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) } as const;
/** Bottom of the page number line above the page's bottom edge: its top 7 mm below the text block. */
export const FOOTER_DISTANCE = Math.round((35 - 7 - 5) * MM);
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** 22 lines to the 225 mm text block, every line of the body on this pitch. */
export const LINE = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom) / 22);

/** Sizes by their Chinese names. */
export const SIZE = { 初号: 42, 小初: 36, 一号: 26, 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;
/**
 * 3号 is 16 pt, and 28 of them are 448 pt, wider than the 442 pt text block: each character is
 * set a quarter point closer (Word's condensed spacing), so 28 fit and the 29th does not.
 */
export const BODY_TRACKING = -5;
export const BODY_CHAR = SIZE.三号 * 20 + BODY_TRACKING;
/** The line height of table text (小四, exact). */
export const TABLE_LINE = Math.round(12 * 20 * 1.4);
/** The first-line indent of body text and headings within a case: two characters. */
export const INDENT = 2 * BODY_CHAR;

/**
 * Each face by the name Windows gives it (what Word on Windows and WPS find), with the names the
 * same design or its nearest has on macOS and Linux. Word looks a missing font up by the
 * alternative names of the font table (`w:altName`); LibreOffice asks fontconfig, which the
 * aliases in build/fontconfig/ point at the same faces.
 */
export const FACES = {
  xiaobiaosong: { name: '方正小标宋简体', alternatives: ['FZXiaoBiaoSong-B05S', '方正小标宋_GBK', '华文中宋', 'STZhongsong', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC'], family: 'roman' },
  heiti: { name: '黑体', alternatives: ['SimHei', '华文黑体', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei'], family: 'modern' },
  kaiti: { name: '楷体', alternatives: ['KaiTi', '楷体_GB2312', '华文楷体', 'STKaiti', 'Kaiti SC', 'AR PL UKai CN'], family: 'script' },
  fangsong: { name: '仿宋', alternatives: ['FangSong', '仿宋_GB2312', '华文仿宋', 'STFangsong', 'AR PL UMing CN', 'Noto Serif CJK SC'], family: 'roman' },
  songti: { name: '宋体', alternatives: ['SimSun', '华文宋体', 'STSong', 'Songti SC', 'AR PL UMing CN', 'Noto Serif CJK SC'], family: 'roman' },
} as const;
export type Face = keyof typeof FACES;

/** Latin letters and digits of body text in Times New Roman (Liberation Serif has its widths), of headings in the heading's face. */
const fontOf = (face: Face, latin: 'own' | 'times' = 'own') => {
  const name = FACES[face].name;
  const ascii = latin === 'times' ? 'Times New Roman' : name;
  return { ascii, hAnsi: ascii, eastAsia: name, cs: ascii };
};

const run = (face: Face, size: number, extra: Partial<IRunOptions> = {}, latin: 'own' | 'times' = 'own') => ({
  font: fontOf(face, latin),
  size: size * 2,
  bold: false,
  italics: false,
  color: '000000',
  ...extra,
});

/** Exact line height: every line on the grid, whatever the face (fonts' own line gaps differ by platform). */
const exact = (line: number, before = 0, after = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after });

/** The paragraph styles; ids as Word names them, so the draft loads back with its outline (heading 1 = part, 2 = case, 3+ = a case's sections). */
export const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    // Chinese for the ideographs only: LibreOffice breaks digits marked Chinese anywhere ("1." / "4%").
    run: { ...run('fangsong', SIZE.三号, { characterSpacing: BODY_TRACKING }, 'times'), language: { value: 'en-US', eastAsia: 'zh-CN' } },
    paragraph: { spacing: exact(LINE), indent: { firstLine: INDENT }, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    run: run('xiaobiaosong', SIZE.一号),
    paragraph: { spacing: exact(Math.round(SIZE.一号 * 20 * 1.5)), indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, keepLines: true },
  },
  {
    id: 'CoverLine',
    name: 'Cover line',
    basedOn: 'Normal',
    run: run('kaiti', SIZE.三号),
    paragraph: { spacing: exact(LINE), indent: { firstLine: 0 }, alignment: AlignmentType.CENTER },
  },
  {
    id: 'FrontHeading',
    name: 'Front matter heading',
    basedOn: 'Normal',
    next: 'Normal',
    run: run('xiaobiaosong', SIZE.二号),
    paragraph: { spacing: exact(2 * LINE, 0, LINE), indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, keepNext: true },
  },
  {
    // A part: 第一篇 健康影响因素篇, at the top of a new page (the renderer breaks before each but the first).
    id: 'Heading1',
    name: 'heading 1',
    basedOn: 'Normal',
    next: 'Normal',
    run: run('heiti', SIZE.二号),
    paragraph: { spacing: exact(2 * LINE, 0, LINE), indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, outlineLevel: 0 },
  },
  {
    // A case's title, numbered across the book; each case starts a new page (but the one right under its part).
    id: 'Heading2',
    name: 'heading 2',
    basedOn: 'Normal',
    next: 'CaseSource',
    run: run('xiaobiaosong', SIZE.二号),
    paragraph: { spacing: exact(Math.round(SIZE.二号 * 20 * 1.5), 0, Math.round(LINE / 2)), indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, outlineLevel: 1 },
  },
  {
    id: 'CaseSource',
    name: 'Case source',
    basedOn: 'Normal',
    next: 'Normal',
    run: run('kaiti', SIZE.三号),
    paragraph: { spacing: exact(LINE, 0, LINE), indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, keepNext: true },
  },
  // A case's own sections: 一、 in 黑体, （一） in bold 楷体, 1. in bold 仿宋, deeper in 仿宋; indented as the body is.
  sectionHeading('Heading3', 'heading 3', run('heiti', SIZE.三号, { characterSpacing: BODY_TRACKING }), 2),
  // 楷体 in bold: the Kai faces are light, and the level below is in bold 仿宋.
  sectionHeading('Heading4', 'heading 4', run('kaiti', SIZE.三号, { bold: true, characterSpacing: BODY_TRACKING }), 3),
  sectionHeading('Heading5', 'heading 5', run('fangsong', SIZE.三号, { bold: true, characterSpacing: BODY_TRACKING }, 'times'), 4),
  sectionHeading('Heading6', 'heading 6', run('fangsong', SIZE.三号, { characterSpacing: BODY_TRACKING }, 'times'), 5),
  {
    id: 'TableCaption',
    name: 'Table caption',
    basedOn: 'Normal',
    next: 'Normal',
    run: run('heiti', SIZE.四号),
    paragraph: { spacing: exact(LINE, Math.round(LINE / 2), 0), indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, keepNext: true, keepLines: true },
  },
  {
    id: 'TableText',
    name: 'Table text',
    basedOn: 'Normal',
    run: run('fangsong', SIZE.小四, {}, 'times'),
    paragraph: { spacing: exact(TABLE_LINE), indent: { firstLine: 0 }, alignment: AlignmentType.LEFT, keepLines: true },
  },
  {
    id: 'TableHead',
    name: 'Table heading',
    basedOn: 'TableText',
    run: run('heiti', SIZE.小四),
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
  },
  {
    id: 'TOC1',
    name: 'toc 1',
    basedOn: 'Normal',
    next: 'Normal',
    run: run('heiti', SIZE.三号, { characterSpacing: BODY_TRACKING }),
    paragraph: { spacing: exact(LINE), indent: { firstLine: 0 }, alignment: AlignmentType.LEFT, keepNext: true },
  },
  {
    // Wrapped lines of a case's entry start under its title, past the number.
    id: 'TOC2',
    name: 'toc 2',
    basedOn: 'Normal',
    next: 'Normal',
    run: run('fangsong', SIZE.三号, { characterSpacing: BODY_TRACKING }, 'times'),
    paragraph: { spacing: exact(LINE), indent: { left: INDENT, hanging: INDENT }, alignment: AlignmentType.LEFT },
  },
  {
    id: 'Footer',
    name: 'footer',
    basedOn: 'Normal',
    run: run('songti', SIZE.四号, {}, 'own'),
    paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, indent: { firstLine: 0 } },
  },
];

function sectionHeading(id: string, name: string, runOptions: ReturnType<typeof run>, outlineLevel: number): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    run: runOptions,
    paragraph: { spacing: exact(LINE), indent: { firstLine: INDENT }, alignment: AlignmentType.JUSTIFIED, keepNext: true, keepLines: true, outlineLevel },
  };
}
