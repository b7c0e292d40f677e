import { describe, expect, it } from 'vitest';
import { IngestError } from '../../shared/ingest/errors.ts';
import { layout } from './decode-pdf.ts';
import { FontRegistry, type Glyph, type PageGlyphs, type Rule } from './page-glyphs.ts';

/**
 * Each geometry signal on pages made by hand: glyphs placed where a typesetter would put them,
 * so every case is exact and small. (decode-pdf.test.ts reads real PDFs LibreOffice printed.)
 */
const W = 595;
const H = 842;
const LEFT = 80;
const RIGHT = 520;

class Pages {
  readonly fonts = new FontRegistry();
  readonly pages: PageGlyphs[] = [];
  private readonly faces = new Map<string, number>();

  page(): PageGlyphs {
    const p: PageGlyphs = { page: this.pages.length + 1, width: W, height: H, glyphs: [], rules: [], images: 0 };
    this.pages.push(p);
    return p;
  }

  face(name: string): number {
    let i = this.faces.get(name);
    if (i === undefined) this.faces.set(name, (i = this.fonts.indexOf(name, { name })));
    return i;
  }

  /** Set `text` on the baseline `base` from `x`: CJK one em wide, ASCII half. Returns the x it ended at. */
  text(p: PageGlyphs, text: string, x: number, base: number, opts: { size?: number; font?: string; bold?: boolean; gap?: number; color?: string } = {}): number {
    const size = opts.size ?? 16;
    const font = this.face(opts.font ?? 'FangSong_GB2312');
    for (const ch of text) {
      const w = /[\x20-\x7e]/.test(ch) ? size / 2 : size;
      const g: Glyph = { page: p.page, text: ch, x, y: base - 0.88 * size, w, h: size, base, size, font, bold: opts.bold ?? false, space: ch === ' ', color: opts.color ?? '#000000' };
      p.glyphs.push(g);
      x += w + (opts.gap ?? 0);
    }
    return x;
  }

  /** A justified paragraph: first line indented two characters, lines of the full measure, pitch 28. */
  paragraph(p: PageGlyphs, text: string, base: number, opts: { indent?: boolean; size?: number; font?: string } = {}): number {
    const size = opts.size ?? 16;
    const perLine = Math.floor((RIGHT - LEFT) / size);
    let rest = [...text];
    let first = opts.indent ?? true;
    while (rest.length) {
      const n = first ? perLine - 2 : perLine;
      this.text(p, rest.slice(0, n).join(''), first ? LEFT + 2 * size : LEFT, base, opts);
      rest = rest.slice(n);
      first = false;
      base += 28;
    }
    return base;
  }

  load() {
    return layout(this.pages, this.fonts, 'hand.pdf');
  }
}

const LONG = '健康中国行动推进委员会办公室组织开展典型经验案例征集工作，各地认真总结经验做法，形成了一批可复制可推广的典型案例。';

describe('lines and paragraphs', () => {
  it('rebuilds paragraphs from indents and short last lines: no hard wraps', () => {
    const t = new Pages();
    const p = t.page();
    let y = t.paragraph(p, LONG, 120);
    y = t.paragraph(p, LONG + LONG, y);
    t.paragraph(p, '短段落。', y);
    expect(t.load().lines.map((l) => l.text.text)).toEqual([LONG, LONG + LONG, '短段落。']);
  });

  it('splits at more space than the line pitch, and at a change of size or face', () => {
    const t = new Pages();
    const p = t.page();
    // Two flush-left blocks (no indent), the second after a blank line's worth of space.
    let y = t.paragraph(p, LONG, 120, { indent: false });
    y = t.paragraph(p, LONG, y + 28, { indent: false });
    t.text(p, '一、工作背景', LEFT + 32, y, { font: 'SimHei' });
    t.paragraph(p, LONG, y + 28);
    const lines = t.load().lines;
    expect(lines.map((l) => l.text.text)).toEqual([LONG, LONG, '一、工作背景', LONG]);
  });

  it('joins a paragraph broken by the page, but not one that starts the new page indented', () => {
    const t = new Pages();
    const a = t.page();
    const b = t.page();
    // 25 characters on the indented first line, 27 on the second (to the right edge), and the rest on the next page.
    const text = LONG.slice(0, 52);
    t.paragraph(a, text, 740);
    t.text(b, '在下一页继续。', LEFT, 120);
    t.paragraph(b, '新的一段。', 148);
    expect(t.load().lines.map((l) => l.text.text)).toEqual([`${text}在下一页继续。`, '新的一段。']);
  });

  it('reads a letter-spaced line without the spaces its justification made', () => {
    const t = new Pages();
    const p = t.page();
    t.text(p, '目录', 280, 100, { gap: 32, font: 'SimHei' });
    t.text(p, '健康促进', LEFT + 32, 140, { gap: 60 });
    t.paragraph(p, LONG + LONG, 168);
    expect(t.load().lines.map((l) => l.text.text)).toEqual(['目录', '健康促进', LONG + LONG]);
  });

  it('keeps a glyph drawn twice (to look bold) once, and calls it bold', () => {
    const t = new Pages();
    const p = t.page();
    t.text(p, '一是', LEFT + 32, 120);
    t.text(p, '一是', LEFT + 32.4, 120);
    t.text(p, '加强组织领导，统筹推进各项工作。', LEFT + 64, 120);
    const [line] = t.load().lines;
    expect(line!.text.text).toBe('一是加强组织领导，统筹推进各项工作。');
    expect(line!.boldLead).toBe('一是');
  });

  it('joins Latin words across a line end with a space, Chinese without', () => {
    const t = new Pages();
    const p = t.page();
    const words = 'Healthy China Action promotes health literacy across provinces and counties with typical cases';
    // Set as two lines: break at a space, the first line running to the right edge.
    const cut = words.lastIndexOf(' ', 54);
    t.text(p, words.slice(0, cut), LEFT, 120, { font: 'Times' });
    t.text(p, words.slice(cut + 1), LEFT, 148, { font: 'Times' });
    expect(t.load().lines[0]!.text.text).toBe(words);
  });
});

describe('running headers, footers and page numbers', () => {
  it('drops what repeats at the same place on every page, and reports it', () => {
    const t = new Pages();
    for (let n = 1; n <= 3; n++) {
      const p = t.page();
      t.text(p, '健康中国行动典型案例汇编', 237, 52, { size: 10.5 });
      t.paragraph(p, `第${n}页的正文。${LONG}`, 140);
      t.text(p, `— ${n} —`, 276, 790, { size: 14 });
    }
    const d = t.load();
    expect(d.rawText).not.toContain('汇编');
    expect(d.rawText).not.toContain('—');
    expect(d.notes!.map((n) => n.code)).toEqual(['pdf-running-text', 'pdf-page-numbers']);
    expect(d.notes!.every((n) => n.severity === 'info')).toBe(true);
  });

  it('keeps a heading that happens to open each page: it sits with the body, not apart in the margin', () => {
    const t = new Pages();
    for (let n = 1; n <= 3; n++) {
      const p = t.page();
      t.text(p, '工作背景', LEFT + 32, 112, { font: 'SimHei' });
      t.paragraph(p, LONG, 140);
    }
    expect(t.load().lines.filter((l) => l.text.text === '工作背景')).toHaveLength(3);
  });

  it('drops a lone page number at the foot of a one-page file', () => {
    const t = new Pages();
    const p = t.page();
    t.paragraph(p, LONG, 140);
    t.text(p, '3', 295, 800, { size: 10.5 });
    expect(t.load().lines.map((l) => l.text.text)).toEqual([LONG]);
  });
});

describe('reading order', () => {
  it('reads columns one after the other, under a headline across them', () => {
    const t = new Pages();
    const p = t.page();
    t.text(p, '健康报头版', 40, 60, { size: 24, font: 'SimHei' });
    const cols = [40, 150, 260, 370, 480];
    const perCol: string[] = [];
    cols.forEach((x, c) => {
      const chars = `第${c + 1}栏${'健康促进行动持续推进'.repeat(3)}。`;
      perCol.push(chars);
      // Nine-point lines of ten characters, 13 points apart; the first line indented two.
      let rest = [...chars];
      let y = 110;
      let first = true;
      while (rest.length) {
        const n = first ? 8 : 10;
        t.text(p, rest.slice(0, n).join(''), first ? x + 18 : x, y, { size: 9 });
        rest = rest.slice(n);
        first = false;
        y += 13;
      }
    });
    const d = t.load();
    expect(d.lines.map((l) => l.text.text)).toEqual(['健康报头版', ...perCol]);
  });

  it('reads items side by side across, not down, when they are not text columns: a borderless table, as rows', () => {
    const t = new Pages();
    const p = t.page();
    const rows = [
      ['北京市', '东城区', '健康促进区'],
      ['河北省', '正定县', '医共体'],
      ['上海市', '黄浦区', '步行街'],
    ];
    rows.forEach((r, i) => {
      t.text(p, r[0]!, LEFT, 120 + 28 * i);
      t.text(p, r[1]!, 240, 120 + 28 * i);
      t.text(p, r[2]!, 400, 120 + 28 * i);
    });
    const lines = t.load().lines;
    expect(lines.map((l) => l.cells?.map((c) => c.text))).toEqual(rows);
    expect(lines.map((l) => l.text.text)).toEqual(rows.map((r) => r.join('\t')));
    expect(lines.every((l) => l.role === 'table-row')).toBe(true);
  });
});

describe('tables', () => {
  it('reads a ruled grid as rows of cells, a cell of two lines as one text', () => {
    const t = new Pages();
    const p = t.page();
    const xs = [LEFT, 200, RIGHT];
    const ys = [100, 130, 190];
    const rules: Rule[] = [...ys.map((y) => ({ x0: LEFT, x1: RIGHT, y0: y, y1: y })), ...xs.map((x) => ({ x0: x, x1: x, y0: 100, y1: 190 }))];
    p.rules.push(...rules);
    t.text(p, '县区', LEFT + 4, 120, { size: 12 });
    t.text(p, '典型经验', 204, 120, { size: 12 });
    t.text(p, '象山县', LEFT + 4, 150, { size: 12 });
    t.text(p, '打造海岛山区医疗联盟，推出', 204, 150, { size: 12 });
    t.text(p, '云健康诊疗', 204, 166, { size: 12 });
    const rows = t.load().lines.filter((l) => l.role === 'table-row');
    expect(rows.map((r) => r.cells!.map((c) => c.text))).toEqual([
      ['县区', '典型经验'],
      ['象山县', '打造海岛山区医疗联盟，推出云健康诊疗'],
    ]);
    expect(rows[1]!.text.text).toBe('象山县\t打造海岛山区医疗联盟，推出云健康诊疗');
  });

  it('does not take a box round a paragraph for a table', () => {
    const t = new Pages();
    const p = t.page();
    p.rules.push({ x0: 70, x1: 530, y0: 100, y1: 100 }, { x0: 70, x1: 530, y0: 200, y1: 200 }, { x0: 70, x1: 70, y0: 100, y1: 200 }, { x0: 530, x1: 530, y0: 100, y1: 200 });
    t.paragraph(p, LONG, 130);
    const [line] = t.load().lines;
    expect(line!.role).toBeUndefined();
    expect(line!.text.text).toBe(LONG);
  });
});

describe('tables of contents', () => {
  it('gives "title……page" for dot leaders and for page numbers set apart, and ties entries to pages', () => {
    const t = new Pages();
    const toc = t.page();
    t.text(toc, '目录', 280, 100, { font: 'SimHei' });
    t.text(toc, `一、健康影响因素篇${'.'.repeat(40)}2`, LEFT, 140);
    t.text(toc, '二、重点人群篇', LEFT, 168);
    t.text(toc, '3', RIGHT - 8, 168);
    for (const [n, title] of [
      [2, '一、健康影响因素篇'],
      [3, '二、重点人群篇'],
    ] as const) {
      const p = t.page();
      t.text(p, title, LEFT + 32, 120, { font: 'SimHei' });
      t.paragraph(p, LONG, 148);
      t.text(p, `— ${n} —`, 276, 790, { size: 14 });
    }
    // The TOC page carries a number too, so the printed numbers are the PDF's pages.
    t.text(toc, '— 1 —', 276, 790, { size: 14 });
    const d = t.load();
    expect(d.lines.slice(1, 3).map((l) => l.text.text)).toEqual(['一、健康影响因素篇……2', '二、重点人群篇……3']);
    expect(d.toc.map((l) => [l.page, d.lines[l.target!]!.text.text])).toEqual([
      [2, '一、健康影响因素篇'],
      [3, '二、重点人群篇'],
    ]);
  });
});

describe('headings by typography', () => {
  it('ranks heading styles by size, then face: 小标宋 over 黑体 over 楷体; the body is what most text is set in', () => {
    const t = new Pages();
    const p = t.page();
    t.text(p, '关于印发典型案例的通知', 150, 100, { size: 22, font: 'FZXBSJW--GB1-0' });
    t.text(p, '一、总体要求', LEFT + 32, 150, { font: 'ABCDEF+SimHei' });
    t.text(p, '（一）指导思想', LEFT + 32, 178, { font: 'KaiTi_GB2312' });
    let y = t.paragraph(p, LONG, 206);
    t.text(p, '二、主要任务', LEFT + 32, y, { font: 'ABCDEF+SimHei' });
    y = t.paragraph(p, LONG + LONG, y + 28);
    const d = t.load();
    const level = (s: string) => d.lines.find((l) => l.text.text === s)?.mdHeading;
    expect([level('关于印发典型案例的通知'), level('一、总体要求'), level('（一）指导思想'), level('二、主要任务')]).toEqual([1, 2, 3, 2]);
    expect(d.lines.find((l) => l.text.text === LONG)!.style).toMatchObject({ fontFamily: 'FangSong_GB2312', fontSize: 16 });
  });

  it('takes a sentence in another face for body text, not a heading', () => {
    const t = new Pages();
    const p = t.page();
    let y = t.paragraph(p, LONG, 120);
    t.text(p, '注：以上数据来源于统计年鉴。', LEFT + 32, y, { font: 'KaiTi' });
    y = t.paragraph(p, LONG, y + 28);
    expect(t.load().lines.find((l) => l.text.text.startsWith('注'))!.role).toBeUndefined();
  });
});

describe('refusals and damaged pages', () => {
  it('refuses a scan: pages of images, no text', () => {
    const t = new Pages();
    t.page().images = 1;
    t.page().images = 1;
    expect(() => t.load()).toThrowError(IngestError);
    expect(() => t.load()).toThrowError(/hand\.pdf: has no text layer: it is a scan.*run OCR/);
  });

  it('refuses a PDF with no text at all', () => {
    const t = new Pages();
    t.page();
    expect(() => t.load()).toThrowError(/hand\.pdf: the PDF has no text/);
  });

  it('loads the pages with text of a partly scanned file, and warns that the rest is missing', () => {
    const t = new Pages();
    t.paragraph(t.page(), LONG, 120);
    t.page().images = 1;
    t.page().images = 1;
    const d = t.load();
    expect(d.lines.map((l) => l.text.text)).toEqual([LONG]);
    expect(d.notes).toEqual([expect.objectContaining({ code: 'pdf-scanned-pages', message: expect.stringContaining('pages 2–3') })]);
    expect(d.notes![0]!.severity).toBeUndefined(); // a warning: text is missing
  });
});
