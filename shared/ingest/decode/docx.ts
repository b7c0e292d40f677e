import { strFromU8 } from 'fflate';
import { unzipBounded, ZipTooLargeError } from '../../zip/unzip-bounded.ts';
import { IngestError } from '../errors.ts';
import { startsWith, type ContainerDecoder } from './container-decoder.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Word (.docx) files: the paragraphs of word/document.xml, in order, as Markdown-like lines so
 * the Markdown line decoder keeps Word's structure as hints: a heading style or outline level
 * becomes "#"…, a bold run that opens a paragraph becomes "**…**", a table row becomes one
 * tab-separated line, a text box's paragraphs follow the paragraph they are anchored in. Tracked
 * changes read as accepted (moved-away and deleted text dropped, old formatting ignored); hidden
 * text is dropped. Footnotes, headers and footers (running heads, page numbers) are not in
 * document.xml, so they never reach the text.
 */
export const docxDecoder: ContainerDecoder = {
  format: 'docx',
  claims: (bytes) => startsWith(bytes, ZIP),
  extract(bytes, file) {
    let files: Record<string, Uint8Array>;
    try {
      // Only the two entries read count, and they are refused before they are inflated when
      // they would expand too far (a 1.4 MB file of 370 MB of XML).
      files = unzipBounded(bytes, (name) => name === 'word/document.xml' || name === 'word/styles.xml', 'a Word document');
    } catch (e) {
      if (e instanceof ZipTooLargeError) throw new IngestError('too-large', file, e.message);
      throw new IngestError('unsupported', file, `is a zip file that cannot be opened (${(e as Error).message})`);
    }
    const document = files['word/document.xml'];
    if (!document) throw new IngestError('unsupported', file, 'is a zip file but not a Word document (no word/document.xml); save it as .docx or as text');
    const headingLevels = headingStyles(files['word/styles.xml'] ? strFromU8(files['word/styles.xml']) : '');
    const rows = new Set<number>();
    const text = documentLines(strFromU8(document), headingLevels, rows).join('\n');
    if (!text.trim()) throw new IngestError('empty', file, 'the Word document has no text');
    // Every line is a Word paragraph or table row: no hard wraps to undo.
    return { text, encoding: 'docx', kind: 'markdown', closed: true, tableRows: rows };
  },
};

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITY[e]!,
  );
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Style id → heading level, from styles.xml: "heading 1", "标题 1", or an outline level, on the
 * style itself or on the style it is based on ("一级标题" based on "heading 1").
 */
export function headingStyles(stylesXml: string): Map<string, number> {
  const styles = new Map<string, { name: string; outline: string | undefined; basedOn: string | undefined }>();
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'w:styleId');
    if (!id) continue;
    styles.set(id, {
      name: attr(/<w:name\b[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val') ?? '',
      outline: attr(/<w:outlineLvl\b[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val'),
      basedOn: attr(/<w:basedOn\b[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val'),
    });
  }
  const levelOf = (id: string, seen: Set<string>): number => {
    const style = styles.get(id);
    if (!style || seen.has(id)) return 0;
    seen.add(id);
    const byName = /^(?:heading|标题)\s*(\d)$/i.exec(style.name.trim());
    if (byName) return Number(byName[1]);
    // An outline level of its own (9 is "body text") overrides the one it would inherit.
    if (style.outline !== undefined) return Number(style.outline) + 1;
    return style.basedOn ? levelOf(style.basedOn, seen) : 0;
  };
  const out = new Map<string, number>();
  for (const id of styles.keys()) {
    const level = levelOf(id, new Set());
    if (level >= 1 && level <= 6) out.set(id, level);
  }
  return out;
}

interface Para {
  kind: 'p';
  text: string;
  level: number;
  boldLead: string;
  /** Inside a run (w:r) of this paragraph, and that run's bold and hidden properties. */
  inRun: boolean;
  runBold: boolean;
  runHidden: boolean;
  /** Lines of text boxes anchored in this paragraph: they follow it as lines of their own. */
  after: string[];
}
interface Row {
  kind: 'tr';
  cells: string[];
}

/**
 * Elements whose content is never the document's visible text: Word's fallback copy of a text
 * box or shape (the mc:Choice copy is read), text moved away or deleted by tracked changes, and
 * the old formatting that tracked changes keep.
 */
const SKIPPED = new Set(['mc:Fallback', 'w:moveFrom', 'w:del', 'w:pPrChange', 'w:rPrChange']);
const OFF = /w:val="(0|false|off)"/;

/** The document's paragraphs and table rows as lines, in document order. */
export function documentLines(xml: string, headingLevels: ReadonlyMap<string, number>, tableRows?: Set<number>): string[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const lines: string[] = [];
  // Open paragraphs and table rows, innermost last: a text box nests paragraphs (and tables)
  // inside a run of a paragraph, a nested table nests rows inside a row.
  const open: (Para | Row)[] = [];
  const para = (): Para | undefined => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.kind === 'p') return open[i] as Para;
    return undefined;
  };
  // A finished paragraph's text goes into the enclosing table cell (as plain text); a line goes
  // after the enclosing paragraph (a text box's lines follow the paragraph it is anchored in), or out.
  const place = (line: string, cellText = line) => {
    const top = open[open.length - 1];
    if (top?.kind === 'tr') {
      const cells = top.cells;
      if (cells.length) cells[cells.length - 1] += (cells[cells.length - 1] ? '\n' : '') + cellText;
    } else if (top) {
      if (line.trim()) top.after.push(line);
    } else lines.push(line);
  };
  const addText = (p: Para, t: string) => {
    // Bold text the paragraph opens with is its bold lead ("一是加强领导。…").
    if (p.runBold && p.boldLead === p.text) p.boldLead += t;
    p.text += t;
  };
  let inText = false;
  let skip: { tag: string; depth: number } | null = null;
  for (const m of body.matchAll(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([^\s/>!?]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, tag, attrs = '', selfClose, chars] = m;
    const closing = close === '/';
    if (skip) {
      if (tag === skip.tag && !selfClose) skip.depth += closing ? -1 : 1;
      if (skip.depth === 0) skip = null;
      continue;
    }
    if (chars !== undefined) {
      const p = para();
      if (inText && p && !p.runHidden) addText(p, unescapeXml(chars));
      continue;
    }
    if (tag === undefined) continue;
    if (SKIPPED.has(tag) && !closing && !selfClose) {
      skip = { tag, depth: 1 };
      continue;
    }
    const p = para();
    const inRun = p?.inRun && !p.runHidden ? p : undefined;
    switch (tag) {
      case 'w:p':
        if (!closing) {
          const opened: Para = { kind: 'p', text: '', level: 0, boldLead: '', inRun: false, runBold: false, runHidden: false, after: [] };
          if (selfClose) finish(opened, place);
          else open.push(opened);
        } else if (open[open.length - 1]?.kind === 'p') finish(open.pop() as Para, place);
        break;
      case 'w:tr':
        if (selfClose) break;
        if (!closing) open.push({ kind: 'tr', cells: [] });
        else if (open[open.length - 1]?.kind === 'tr') {
          const { cells } = open.pop() as Row;
          const top = open[open.length - 1];
          // A form's text cell (案例内容 | several paragraphs): the cell holds a case's text, not a
          // table value, so its paragraphs stay paragraphs after the row's other cells.
          const text = !top ? cells.findIndex((c) => c.split('\n').filter((l) => l.trim()).length >= 2 && c.length > 200) : -1;
          const flat = (text >= 0 ? cells.slice(0, text) : cells).map((c) => c.replace(/\s*\n\s*/g, ' ').trim());
          const row = flat.join('\t');
          if (top?.kind === 'tr') top.cells.push(row);
          else {
            if (row.trim()) {
              if (!top && flat.length > 1) tableRows?.add(lines.length);
              place(row);
            }
            if (text >= 0) for (const line of cells.slice(text).join('\n').split('\n')) if (line.trim()) place(line.trim());
          }
        }
        break;
      case 'w:tc': {
        const top = open[open.length - 1];
        if (!closing && top?.kind === 'tr') top.cells.push('');
        break;
      }
      case 'w:t':
        inText = !closing && !selfClose;
        break;
      case 'w:r':
        if (p) {
          p.inRun = !closing && !selfClose;
          p.runBold = false;
          p.runHidden = false;
        }
        break;
      case 'w:tab':
        // Only a tab in a run is a character; w:tab in a paragraph's w:tabs is a tab stop.
        if (inRun && !closing) inRun.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        // A line break inside a paragraph: kept as a space so a soft-wrapped title stays one line.
        if (inRun && !closing && !/w:type="page"/.test(attrs)) inRun.text += ' ';
        break;
      case 'w:noBreakHyphen':
        if (inRun && !closing) addText(inRun, '-');
        break;
      case 'w:pStyle':
        if (p && !p.inRun) p.level = headingLevels.get(attr(attrs, 'w:val') ?? '') ?? p.level;
        break;
      case 'w:outlineLvl': {
        const v = Number(attr(attrs, 'w:val'));
        if (p && !p.inRun && v >= 0 && v <= 5) p.level = v + 1;
        break;
      }
      case 'w:b':
        // <w:b/> or <w:b w:val="1"/> turns the run bold; w:val="0"/"false"/"off" turns it off.
        if (p?.inRun && !closing) p.runBold = !OFF.test(attrs);
        break;
      case 'w:vanish':
        // Hidden text is not printed or shown.
        if (p?.inRun && !closing) p.runHidden = !OFF.test(attrs);
        break;
    }
  }
  return lines;
}

function finish(para: Para, place: (line: string, cellText?: string) => void): void {
  const text = para.text.replace(/[ \u00a0]+$/g, '');
  const lead = para.boldLead.trim();
  if (!text.trim()) place('', text);
  else if (para.level) place(`${'#'.repeat(para.level)} ${text.trim()}`, text);
  else if (lead && lead.length < text.trim().length && text.trimStart().startsWith(lead)) place(`**${lead}**${text.trimStart().slice(lead.length)}`, text);
  else place(text);
  for (const line of para.after) place(line);
}
