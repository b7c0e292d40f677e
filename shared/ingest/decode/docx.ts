import { unzipSync, strFromU8 } from 'fflate';
import { IngestError } from '../errors.ts';
import { startsWith, type ContainerDecoder } from './container-decoder.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Word (.docx) files: the paragraphs of word/document.xml, in order, as Markdown-like lines so
 * the Markdown line decoder keeps Word's structure as hints: a heading style or outline level
 * becomes "#"…, a bold run that opens a paragraph becomes "**…**", a table row becomes one
 * tab-separated line. Footnotes, headers and footers (running heads, page numbers) are not in
 * document.xml, so they never reach the text.
 */
export const docxDecoder: ContainerDecoder = {
  format: 'docx',
  claims: (bytes) => startsWith(bytes, ZIP),
  extract(bytes, file) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/styles.xml' });
    } catch (e) {
      throw new IngestError('unsupported', file, `is a zip file that cannot be opened (${(e as Error).message})`);
    }
    const document = files['word/document.xml'];
    if (!document) throw new IngestError('unsupported', file, 'is a zip file but not a Word document (no word/document.xml); save it as .docx or as text');
    const headingLevels = headingStyles(files['word/styles.xml'] ? strFromU8(files['word/styles.xml']) : '');
    const text = documentLines(strFromU8(document), headingLevels).join('\n');
    if (!text.trim()) throw new IngestError('empty', file, 'the Word document has no text');
    return { text, encoding: 'docx', kind: 'markdown' };
  },
};

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITY[e]!,
  );
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

/** Style id → heading level, from styles.xml: "heading 1", "标题 1", or an outline level. */
export function headingStyles(stylesXml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'w:styleId');
    if (!id) continue;
    const name = attr(/<w:name\b[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val') ?? '';
    const byName = /^(?:heading|标题)\s*(\d)$/i.exec(name.trim());
    const outline = attr(/<w:outlineLvl\b[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val');
    const level = byName ? Number(byName[1]) : outline !== undefined ? Number(outline) + 1 : 0;
    if (level >= 1 && level <= 6) out.set(id, level);
  }
  return out;
}

/** The document's paragraphs and table rows as lines, in document order. */
export function documentLines(xml: string, headingLevels: ReadonlyMap<string, number>): string[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const lines: string[] = [];
  // Table nesting: each open row collects its cells' text, joined by tabs when the row closes.
  const rows: string[][] = [];
  let para: { text: string; level: number; boldLead: string; runBold: boolean } | null = null;
  let inText = false;
  for (const m of body.matchAll(/<(\/?)(w:p|w:tr|w:tc|w:t|w:tab|w:br|w:cr|w:pStyle|w:outlineLvl|w:b|w:r)\b([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, tag, attrs = '', selfClose, chars] = m;
    if (chars !== undefined) {
      if (inText && para) {
        const t = unescapeXml(chars);
        // Bold text the paragraph opens with is its bold lead ("一是加强领导。…").
        if (para.runBold && para.boldLead === para.text) para.boldLead += t;
        para.text += t;
      }
      continue;
    }
    const closing = close === '/';
    switch (tag) {
      case 'w:p':
        if (!closing) {
          para = { text: '', level: 0, boldLead: '', runBold: false };
          if (selfClose) para = finish(para, rows, lines);
        } else if (para) para = finish(para, rows, lines);
        break;
      case 'w:tr':
        if (!closing) rows.push([]);
        else {
          const cells = rows.pop() ?? [];
          const row = cells.map((c) => c.replace(/\s*\n\s*/g, ' ').trim()).join('\t');
          if (rows.length) rows[rows.length - 1]!.push(row);
          else if (row.trim()) lines.push(row);
        }
        break;
      case 'w:tc':
        if (!closing && rows.length) rows[rows.length - 1]!.push('');
        break;
      case 'w:t':
        inText = !closing && !selfClose;
        break;
      case 'w:tab':
        if (para && !closing) para.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        // A line break inside a paragraph: kept as a space so a soft-wrapped title stays one line.
        if (para && !closing && !/w:type="page"/.test(attrs)) para.text += ' ';
        break;
      case 'w:pStyle':
        if (para) para.level = headingLevels.get(attr(attrs, 'w:val') ?? '') ?? para.level;
        break;
      case 'w:outlineLvl': {
        const v = Number(attr(attrs, 'w:val'));
        if (para && v >= 0 && v <= 5) para.level = v + 1;
        break;
      }
      case 'w:r':
        if (para && !closing) para.runBold = false;
        break;
      case 'w:b':
        // <w:b/> or <w:b w:val="1"/> turns the run bold; w:val="0"/"false" turns it off.
        if (para && !closing) para.runBold = !/w:val="(0|false)"/.test(attrs);
        break;
    }
  }
  return lines;
}

function finish(para: { text: string; level: number; boldLead: string }, rows: string[][], lines: string[]): null {
  const text = para.text.replace(/[ \u00a0]+$/g, '');
  if (rows.length) {
    const cells = rows[rows.length - 1]!;
    if (cells.length) cells[cells.length - 1] += (cells[cells.length - 1] ? '\n' : '') + text;
    return null;
  }
  if (!text.trim()) {
    lines.push('');
    return null;
  }
  const lead = para.boldLead.trim();
  if (para.level) lines.push(`${'#'.repeat(para.level)} ${text.trim()}`);
  else if (lead && lead.length < text.trim().length && text.trimStart().startsWith(lead)) lines.push(`**${lead}**${text.trimStart().slice(lead.length)}`);
  else lines.push(text);
  return null;
}
