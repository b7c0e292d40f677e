import type { ChildNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { parseDocument } from 'htmlparser2';
import { MappedString } from '../mapped-string.ts';
import type { InputDecoder } from './input-decoder.ts';
import { indentOf, stripInvisibles, type LineStyle, type SourceLine } from './source-line.ts';

/**
 * HTML, from a web page saved from a government site or a converter: parsed with htmlparser2
 * (positions kept, so every character maps back to the page's source), the main content picked
 * out (script, style, navigation, headers, footers and link lists dropped), entities decoded,
 * each paragraph, heading and list item a closed line, each table row a line of cells.
 */
export const htmlDecoder: InputDecoder = {
  kind: 'html',
  fit(file, text) {
    if (/\.(x?html?|mht)$/i.test(file)) return 10;
    const head = text.slice(0, 2000).trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(head)) return 10;
    const sample = text.slice(0, 100_000);
    // Most inputs have no tag at all: said without scanning them twice.
    if (!sample.includes('<')) return 0;
    const blocks = sample.match(/<(?:p|div|h[1-6]|table|tr|td|li|br)\b[^>]*>/gi)?.length ?? 0;
    let lines = 1;
    for (let at = sample.indexOf('\n'); at !== -1; at = sample.indexOf('\n', at + 1)) lines++;
    return blocks >= 10 && blocks >= lines * 0.5 ? 7 : 0;
  },
  lines: (text) => htmlLines(text),
};

/** Elements whose content is never the document's text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'object', 'embed', 'map', 'audio', 'video']);
/** Page furniture by its class or id: menus, breadcrumbs, share bars, copyright lines. */
const FURNITURE = /(?:^|[-_\s])(?:nav|navbar|menu|footer|foot|header|head|top|topbar|sidebar|side|breadcrumb|crumbs?|position|location|share|copyright|toolbar|banner|ads?|advert|related|friend|links|search|login|pager|pagination|print|qrcode|erweima)(?:[-_\s\d]|$)/i;
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'section', 'article', 'main', 'ul', 'ol', 'dl', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'caption', 'figcaption', 'figure', 'center', 'address', 'hr', 'body', 'html']);
const BOLD = new Set(['strong', 'b']);

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function htmlLines(raw: string): SourceLine[] {
  const doc = parseDocument(raw, { withStartIndices: true, withEndIndices: true, decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const root = contentRoot(doc.children);
  const out: SourceLine[] = [];
  // The page's heading often stands outside the content box: keep the h1 before it.
  const h1 = root ? headingBefore(doc.children, root) : null;
  if (h1) new Linearizer(raw, out).block(h1);
  new Linearizer(raw, out).children(root ? [root] : doc.children);
  return out;
}

/** Text length of an element's readable text, links counted at a fifth (menus are all links). */
function textWeight(n: ChildNode, inLink = false): number {
  if (n.type === 'text') return (inLink ? 0.2 : 1) * n.data.replace(/\s+|&[a-z#\d]+;/gi, '').length;
  if (!isElement(n) || dropped(n)) return 0;
  const link = inLink || n.name === 'a';
  let w = 0;
  for (const c of n.children) w += textWeight(c, link);
  return w;
}

function dropped(e: Element): boolean {
  if (DROPPED.has(e.name)) return true;
  const mark = `${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`;
  return FURNITURE.test(mark) && !/content|article|main|text|detail|zoom|editor/i.test(mark);
}

/**
 * The element that holds the article: walk down from the top while one child holds most of the
 * readable text. Stops where the text spreads over several children (the article's paragraphs).
 */
function contentRoot(nodes: readonly ChildNode[]): Element | null {
  let current: Element | null = null;
  let children = nodes;
  for (;;) {
    const weights = children.map((c) => ({ c, w: textWeight(c) }));
    const total = weights.reduce((n, x) => n + x.w, 0);
    if (total === 0) return current;
    const best = weights.reduce((a, b) => (b.w > a.w ? b : a));
    if (!isElement(best.c) || best.w < total * 0.7) return current;
    current = best.c;
    children = best.c.children;
  }
}

function headingBefore(nodes: readonly ChildNode[], root: Element): Element | null {
  let found: Element | null = null;
  let done = false;
  const walk = (list: readonly ChildNode[]) => {
    for (const n of list) {
      if (done) return;
      if (n === root) {
        done = true;
        return;
      }
      if (!isElement(n) || dropped(n)) continue;
      if (n.name === 'h1' || n.name === 'h2') found = n;
      else walk(n.children);
    }
  };
  walk(nodes);
  if (!found) return null;
  // Only when the content has no top heading of its own.
  const inside = (e: Element): boolean => e.children.some((c) => isElement(c) && (c.name === 'h1' || inside(c)));
  return inside(root) ? null : found;
}

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});?/gi;

class Linearizer {
  private pieces: MappedString[] = [];
  private pre = 0;
  private bold: boolean[] = [];
  private heading: number | undefined;
  private style: LineStyle | undefined;

  constructor(
    private readonly raw: string,
    private readonly out: SourceLine[],
  ) {}

  children(nodes: readonly ChildNode[], boldDepth = 0): void {
    for (const n of nodes) this.node(n, boldDepth);
  }

  block(e: Element): void {
    this.node(e, 0);
    this.flush();
  }

  private node(n: ChildNode, boldDepth: number): void {
    if (n.type === 'text') {
      if (this.pre > 0 && n.startIndex !== null && n.endIndex !== null) {
        this.preText(n.startIndex, n.endIndex, n.data, boldDepth);
        return;
      }
      const text = n.startIndex === null || n.endIndex === null ? MappedString.synthetic(n.data, 0) : this.textOf(n.startIndex, n.endIndex, n.data);
      if (text.length) {
        this.pieces.push(text);
        this.bold.push(boldDepth > 0);
      }
      return;
    }
    if (!isElement(n) || dropped(n)) return;
    const name = n.name;
    // Preformatted text (<pre>, a text file saved as a web page) keeps its line breaks: each is a line.
    if (name === 'pre' || /white-space\s*:\s*pre/i.test(n.attribs.style ?? '')) {
      this.flush();
      this.pre++;
      this.children(n.children, boldDepth);
      this.flush();
      this.pre--;
      return;
    }
    if (name === 'br') {
      this.flush();
      return;
    }
    if (name === 'tr') {
      this.flush();
      this.row(n);
      return;
    }
    const block = BLOCKS.has(name);
    if (block) this.flush();
    const level = /^h([1-6])$/.exec(name);
    if (level) this.heading = Number(level[1]);
    if ((name === 'p' || name === 'div' || level) && !this.style) this.style = styleOf(n);
    const styledBold = /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(n.attribs.style ?? '');
    this.children(n.children, boldDepth + (BOLD.has(name) || styledBold ? 1 : 0));
    if (block) this.flush();
  }

  /** A table row: each cell's text, in order, as the cells of one line. */
  private row(tr: Element): void {
    const cells: MappedString[] = [];
    const cellLines: SourceLine[][] = [];
    for (const c of tr.children) {
      if (!isElement(c) || (c.name !== 'td' && c.name !== 'th')) continue;
      const sub = new Linearizer(this.raw, []);
      sub.children(c.children);
      sub.flush();
      cellLines.push(sub.out);
      cells.push(MappedString.join(sub.out.map((l) => l.text), ' ').trim());
    }
    if (!cells.some((c) => c.length)) return;
    // A form's text cell (案例内容 | several paragraphs) holds a case's text, not a value: its
    // paragraphs stay paragraphs after the row's other cells.
    const text = cellLines.findIndex((ls, k) => ls.length >= 2 && cells[k]!.length > 200);
    const rowCells = text >= 0 ? cells.slice(0, text) : cells;
    if (rowCells.some((c) => c.length)) this.out.push({ text: MappedString.join(rowCells, '\t'), indent: 0, cells: rowCells, closed: true, role: 'table-row' });
    if (text >= 0) for (const ls of cellLines.slice(text)) this.out.push(...ls);
  }

  /** Text inside <pre>: each line break ends a line; entities decoded, nothing collapsed. */
  private preText(start: number, end: number, data: string, boldDepth: number): void {
    let s = MappedString.fromRaw(this.raw, start, end + 1);
    if (s.text !== data) s = MappedString.synthetic(data, start);
    let at = 0;
    const text = s.text;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && text[i] !== '\n') continue;
      let piece = s.slice(at, i).replace(/\r/g, '');
      if (piece.text.includes('&')) piece = piece.replace(ENTITY, (m) => decodeHTML(m.endsWith(';') ? m : `${m};`));
      if (piece.length) {
        this.pieces.push(piece);
        this.bold.push(boldDepth > 0);
      }
      if (i < text.length) this.flush();
      at = i + 1;
    }
  }

  flush(): void {
    const heading = this.heading;
    const style = this.style;
    this.heading = undefined;
    this.style = undefined;
    if (!this.pieces.length) return;
    const joined = MappedString.concat(this.pieces);
    const bold = this.bold;
    const pieces = this.pieces;
    this.pieces = [];
    this.bold = [];
    const indent = indentOf(joined.text);
    const text = stripInvisibles(joined).trim();
    if (!text.length) return;
    let lead = '';
    for (let i = 0; i < pieces.length && bold[i]; i++) lead += pieces[i]!.text;
    lead = lead.trim();
    const allBold = lead.length >= text.length;
    // A line of preformatted text may be a hard wrap: the joiner decides, as for a text file.
    const line: SourceLine = { text, indent, ...(this.pre > 0 ? {} : { closed: true }) };
    if (heading) line.mdHeading = heading;
    if (lead && !allBold) line.boldLead = lead;
    const lineStyle: LineStyle = { ...style, ...(allBold ? { bold: true } : {}) };
    if (Object.keys(lineStyle).length) line.style = lineStyle;
    this.out.push(line);
  }

  /**
   * A text node as a mapped string: entities decoded (each maps to where it stood), white space
   * collapsed as a browser would, none between two CJK characters (a line break in the source).
   */
  private textOf(start: number, end: number, data: string): MappedString {
    let s = MappedString.fromRaw(this.raw, start, end + 1);
    if (s.text !== data) s = MappedString.synthetic(data, start);
    if (s.text.includes('&')) s = s.replace(ENTITY, (m) => decodeHTML(m.endsWith(';') ? m : `${m};`));
    if (/[\s\u00a0]/.test(s.text)) {
      // A line break in the source between two CJK characters is no space; a space typed is one.
      s = s.replace(/[ \t]*[\r\n][ \t\r\n\f]*/g, '\n');
      s = dropBreaksBetweenCjk(s);
      s = s.replace(/[ \t\n\f]+/g, ' ');
    }
    return s.replace(/\u00a0/g, ' ');
  }
}

function dropBreaksBetweenCjk(s: MappedString): MappedString {
  const text = s.text;
  const drop: number[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    // Before the break, an astral character ends in its low surrogate (𠀀, 😀).
    if (text[i] === '\n' && (isCjk(text.charCodeAt(i - 1)) || isLowSurrogate(text.charCodeAt(i - 1))) && isCjk(text.charCodeAt(i + 1))) drop.push(i);
  }
  if (!drop.length) return s;
  const parts: MappedString[] = [];
  let at = 0;
  for (const i of drop) {
    parts.push(s.slice(at, i));
    at = i + 1;
  }
  parts.push(s.slice(at));
  return MappedString.concat(parts);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isCjk(c: number): boolean {
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0xd800 && c <= 0xdbff);
}

/** Typography from an inline style: what government CMSs use for headings instead of tags. */
function styleOf(e: Element): LineStyle | undefined {
  const css = e.attribs.style ?? '';
  if (!css) return undefined;
  const out: LineStyle = {};
  const family = /font-family\s*:\s*([^;]+)/i.exec(css)?.[1]?.split(',')[0]?.replace(/["']/g, '').trim();
  if (family) out.fontFamily = family;
  const size = /font-size\s*:\s*([\d.]+)\s*(pt|px)/i.exec(css);
  if (size) out.fontSize = size[2]!.toLowerCase() === 'px' ? Number(size[1]) * 0.75 : Number(size[1]);
  if (/font-weight\s*:\s*(?:bold|[6-9]00)/i.test(css)) out.bold = true;
  const align = /text-align\s*:\s*(center|left|right)/i.exec(css)?.[1]?.toLowerCase();
  if (align) out.align = align as LineStyle['align'];
  return Object.keys(out).length ? out : undefined;
}
