import type { PDFPageProxy } from 'pdfjs-dist';
import type { Pdfjs } from './pdfjs.ts';
import { classifyFont, type FontInfo } from './fonts.ts';
import { normalizeGlyphText } from './glyph-text.ts';

/**
 * One glyph as it stands on the page, in PDF points with the origin at the page's top left and
 * y growing downwards (the viewport at scale 1, so rotated and cropped pages come out upright).
 */
export interface Glyph {
  /** 1-based page number. */
  page: number;
  /** The glyph's text (usually one character; a ligature gives several). */
  text: string;
  x: number;
  /** Top of the glyph's em box. */
  y: number;
  w: number;
  h: number;
  /** Baseline, for grouping glyphs into lines. */
  base: number;
  /** Font size on the page, in points. */
  size: number;
  /** Index into the FontRegistry's fonts. */
  font: number;
  /** Drawn bold: a bold face, or fill-and-stroke (how Word and LibreOffice fake bold). */
  bold: boolean;
  /** A space glyph: it separates, it is never part of a fragment's extent. */
  space: boolean;
  /** Fill colour, "#rrggbb" (near-black given as black). */
  color: string;
}

/** A straight axis-aligned line drawn on the page (table borders, separators), in page space. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGlyphs {
  page: number;
  width: number;
  height: number;
  glyphs: Glyph[];
  rules: Rule[];
  /** Images drawn on the page (a page of images and no glyphs is a scan). */
  images: number;
}

/** The document's fonts, shared by its pages: a glyph's `font` indexes `fonts`. */
export class FontRegistry {
  readonly fonts: FontInfo[] = [];
  private readonly byRef = new Map<string, number>();

  indexOf(ref: string, obj: { name?: string; bold?: boolean; black?: boolean } | null): number {
    let i = this.byRef.get(ref);
    if (i === undefined) {
      const info = classifyFont(obj?.name);
      if (obj?.bold || obj?.black) info.bold = true;
      i = this.fonts.length;
      this.fonts.push(info);
      this.byRef.set(ref, i);
    }
    return i;
  }
}

type Matrix = [number, number, number, number, number, number];

const BLACK = '#000000';

/** A fill colour as "#rrggbb"; anything this dark is ink, and counts as black. */
function colour(value: unknown): string {
  if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/i.test(value)) return BLACK;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
  return Math.max(r, g, b) < 0x50 ? BLACK : value.toLowerCase();
}
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** outer ∘ inner: a point goes through inner first (as canvas' transform() composes). */
function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [A, B, C, D, E, F] = inner;
  return [a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface TextState {
  ctm: Matrix;
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  font: number;
  fontObj: PdfFont | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
  lineWidth: number;
  fill: string;
}

/** What pdfjs' loaded font object exposes that matters here. */
interface PdfFont {
  name?: string;
  loadedName?: string;
  fontMatrix?: number[];
  ascent?: number;
  descent?: number;
  bold?: boolean;
  black?: boolean;
  vertical?: boolean;
}

interface PdfGlyph {
  unicode: string;
  width: number;
  isSpace: boolean;
}

/**
 * Every glyph of a page with its box, font and weight, and the page's straight rules, read from
 * the page's operator list. The operator list is walked the way PDF.js' canvas draws it (text
 * matrix, CTM, form XObjects, char/word spacing, horizontal scaling, rise), so the boxes are
 * where the glyphs are painted; the text-content API would give only runs with fake spaces.
 */
export async function pageGlyphs(page: PDFPageProxy, registry: FontRegistry, lib: Pdfjs): Promise<PageGlyphs> {
  const OPS = lib.OPS;
  const viewport = page.getViewport({ scale: 1 });
  const vp = viewport.transform as Matrix;
  const ops = await page.getOperatorList();
  const fonts = registry.fonts;
  const glyphs: Glyph[] = [];
  const rules: Rule[] = [];
  let images = 0;

  let st: TextState = { ctm: IDENTITY, tm: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0, font: -1, fontObj: null, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, renderMode: 0, lineWidth: 1, fill: BLACK };
  const stack: TextState[] = [];
  const { fnArray, argsArray } = ops;

  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k];
    const args = argsArray[k] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? st;
        break;
      case OPS.transform:
        st.ctm = compose(st.ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = args[0] as number[] | null;
        if (m && m.length === 6) st.ctm = compose(st.ctm, [...m] as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case OPS.beginText:
        st.tm = IDENTITY;
        st.x = st.lineX = st.y = st.lineY = 0;
        break;
      case OPS.setFont: {
        const ref = args[0] as string;
        st.fontObj = (page.commonObjs.has(ref) ? page.commonObjs.get(ref) : null) as PdfFont | null;
        st.font = registry.indexOf(ref, st.fontObj);
        st.fontSize = Math.abs(args[1] as number);
        break;
      }
      case OPS.setTextMatrix: {
        const m = (args.length === 6 ? args : Array.from(args[0] as ArrayLike<number>)) as Matrix;
        st.tm = [m[0], m[1], m[2], m[3], m[4], m[5]];
        st.x = st.lineX = st.y = st.lineY = 0;
        break;
      }
      case OPS.moveText:
        st.x = st.lineX += args[0] as number;
        st.y = st.lineY += args[1] as number;
        break;
      case OPS.setLeadingMoveText:
        st.leading = args[1] as number;
        st.x = st.lineX += args[0] as number;
        st.y = st.lineY += args[1] as number;
        break;
      case OPS.nextLine:
        st.x = st.lineX;
        st.y = st.lineY += st.leading;
        break;
      case OPS.setLeading:
        st.leading = -(args[0] as number);
        break;
      case OPS.setCharSpacing:
        st.charSpacing = args[0] as number;
        break;
      case OPS.setWordSpacing:
        st.wordSpacing = args[0] as number;
        break;
      case OPS.setHScale:
        st.hScale = (args[0] as number) / 100;
        break;
      case OPS.setTextRise:
        st.rise = args[0] as number;
        break;
      case OPS.setTextRenderingMode:
        st.renderMode = args[0] as number;
        break;
      case OPS.setFillRGBColor:
        st.fill = colour(args[0]);
        break;
      case OPS.setLineWidth:
        st.lineWidth = args[0] as number;
        break;
      case OPS.showText:
        showText(st, args[0] as Array<PdfGlyph | number>, vp, st.font >= 0 && fonts[st.font]!.bold, page.pageNumber, glyphs, lib.normalizeUnicode);
        break;
      case OPS.constructPath:
        collectRules(args, st, vp, rules, OPS);
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageMaskXObjectGroup:
      case OPS.paintInlineImageXObjectGroup:
      case OPS.paintImageXObjectRepeat:
        images++;
        break;
      default:
        break;
    }
  }
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, glyphs, rules, images };
}

function showText(st: TextState, items: Array<PdfGlyph | number>, vp: Matrix, faceBold: boolean, pageNumber: number, out: Glyph[], normalize: (s: string) => string): void {
  const font = st.fontObj;
  if (!font || st.fontSize === 0) return;
  const fontMatrix = font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
  const advanceScale = st.fontSize * fontMatrix[0]!;
  const ascent = font.ascent && font.ascent > 0 && font.ascent < 1.5 ? font.ascent : 0.88;
  const descent = font.descent && font.descent < 0 && font.descent > -0.6 ? font.descent : -0.12;
  // Text space → page: text matrix, then CTM, then the viewport (flip y, rotation, crop box).
  const m = compose(vp, compose(st.ctm, st.tm));
  const sizeOnPage = st.fontSize * Math.hypot(m[2], m[3]);
  // Fill-and-stroke with a visible line is how office suites embolden a face that has no bold.
  const strokeBold = (st.renderMode & 3) === 2 && st.lineWidth > 0;
  const bold = strokeBold || faceBold;
  let x = 0;
  for (const item of items) {
    if (typeof item === 'number') {
      x -= (item * st.fontSize) / 1000;
      continue;
    }
    const spacing = (item.isSpace ? st.wordSpacing : 0) + st.charSpacing;
    const width = item.width * advanceScale;
    const ox = st.x + x * st.hScale;
    const oy = st.y + st.rise;
    const text = normalizeGlyphText(item.unicode ?? '', normalize);
    if (text) {
      const w = width * st.hScale;
      const [x0, y0] = apply(m, ox, oy + ascent * st.fontSize);
      const [x1, y1] = apply(m, ox + w, oy + descent * st.fontSize);
      const [, by] = apply(m, ox, oy);
      out.push({
        page: pageNumber,
        text,
        x: Math.min(x0, x1),
        y: Math.min(y0, y1),
        w: Math.abs(x1 - x0),
        h: Math.abs(y1 - y0),
        base: by,
        size: sizeOnPage,
        font: st.font,
        bold,
        // isSpace is about the character code (32, which gets word spacing), not the character.
        space: /^\s+$/.test(text),
        color: st.fill,
      });
    }
    x += width + spacing;
  }
  st.x += x * st.hScale;
}

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;
const RULE_THICKNESS = 2.5;
const RULE_MIN_LENGTH = 6;

/**
 * Straight axis-aligned lines a path draws: a thin filled rectangle (how Word draws table
 * borders), or the straight segments of a stroked path (LibreOffice's borders, cell rectangles).
 */
function collectRules(args: unknown[], st: TextState, vp: Matrix, out: Rule[], OPS: Pdfjs['OPS']): void {
  const op = args[0] as number;
  const data = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
  const minMax = args[2] as ArrayLike<number> | null;
  if (!data || !minMax || op === OPS.endPath) return;
  const m = compose(vp, st.ctm);
  const stroked = op === OPS.stroke || op === OPS.closeStroke || op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
  const [ax, ay] = apply(m, minMax[0]!, minMax[1]!);
  const [bx, by] = apply(m, minMax[2]!, minMax[3]!);
  const box = { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  if (!stroked) {
    // A filled thin box is a rule; anything else filled (shading, a photo frame) is not.
    if (bh <= RULE_THICKNESS && bw >= RULE_MIN_LENGTH) out.push({ x0: box.x0, x1: box.x1, y0: (box.y0 + box.y1) / 2, y1: (box.y0 + box.y1) / 2 });
    else if (bw <= RULE_THICKNESS && bh >= RULE_MIN_LENGTH) out.push({ x0: (box.x0 + box.x1) / 2, x1: (box.x0 + box.x1) / 2, y0: box.y0, y1: box.y1 });
    return;
  }
  let px = 0;
  let py = 0;
  let sx = 0;
  let sy = 0;
  const segment = (x0: number, y0: number, x1: number, y1: number) => {
    const [p, q] = apply(m, x0, y0);
    const [r, s] = apply(m, x1, y1);
    if (Math.abs(q - s) < 0.5 && Math.abs(p - r) >= RULE_MIN_LENGTH) out.push({ x0: Math.min(p, r), x1: Math.max(p, r), y0: q, y1: q });
    else if (Math.abs(p - r) < 0.5 && Math.abs(q - s) >= RULE_MIN_LENGTH) out.push({ x0: p, x1: p, y0: Math.min(q, s), y1: Math.max(q, s) });
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === DRAW_MOVE) {
      px = sx = data[i++]!;
      py = sy = data[i++]!;
    } else if (code === DRAW_LINE) {
      const x = data[i++]!;
      const y = data[i++]!;
      segment(px, py, x, y);
      px = x;
      py = y;
    } else if (code === DRAW_CURVE) {
      px = data[i + 4]!;
      py = data[i + 5]!;
      i += 6;
    } else if (code === DRAW_QUAD) {
      px = data[i + 2]!;
      py = data[i + 3]!;
      i += 4;
    } else if (code === DRAW_CLOSE) {
      segment(px, py, sx, sy);
      px = sx;
      py = sy;
    } else break;
  }
}
