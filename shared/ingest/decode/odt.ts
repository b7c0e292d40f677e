import { strFromU8 } from 'fflate';
import { unzipBounded, ZipTooLargeError } from '../../zip/unzip-bounded.ts';
import { IngestError } from '../errors.ts';
import type { ContainerDecoder } from './container-decoder.ts';

/** An OpenDocument text file starts with its stored mimetype entry: the name and the type, uncompressed. */
const ODT_MIME = 'application/vnd.oasis.opendocument.text';

/**
 * OpenDocument text (.odt, LibreOffice and WPS): the paragraphs of content.xml, in order, as the
 * Word decoder gives them: headings (text:h and its outline level) as "#"…, table rows as one
 * tab-separated line, list items as paragraphs. Every line is a whole paragraph.
 */
export const odtDecoder: ContainerDecoder = {
  format: 'odt',
  claims: (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && new TextDecoder('latin1').decode(bytes.subarray(30, 30 + 8 + ODT_MIME.length)).includes(ODT_MIME),
  extract(bytes, file) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipBounded(bytes, (name) => name === 'content.xml', 'an OpenDocument text');
    } catch (e) {
      if (e instanceof ZipTooLargeError) throw new IngestError('too-large', file, e.message);
      throw new IngestError('unsupported', file, `is an OpenDocument file that cannot be opened (${(e as Error).message})`);
    }
    const content = files['content.xml'];
    if (!content) throw new IngestError('unsupported', file, 'is an OpenDocument file without content.xml; save it as .docx and load it again');
    const rows = new Set<number>();
    const lines = odtLines(strFromU8(content), rows);
    if (!lines.some((l) => l.trim())) throw new IngestError('empty', file, 'the document has no text');
    return { text: lines.join('\n'), encoding: 'odt', kind: 'markdown', closed: true, tableRows: rows };
  },
};

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITY[e]!,
  );

/** content.xml's paragraphs and table rows as lines; `rows` gets the indices of the table rows. */
export function odtLines(xml: string, rows: Set<number>): string[] {
  const body = /<office:text\b[^>]*>([\s\S]*)<\/office:text>/.exec(xml)?.[1] ?? xml;
  const lines: string[] = [];
  let text: string | null = null;
  let heading = 0;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let rowCells: string[][] = [];
  let depth = 0; // nesting inside paragraphs (a note's paragraphs are skipped)
  let skip = 0;
  for (const m of body.matchAll(/<(\/?)([a-z]+:[a-z-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, tag, attrs = '', self, chars] = m;
    if (chars !== undefined) {
      if (text !== null && !skip) text += unescapeXml(chars);
      continue;
    }
    const closing = close === '/';
    if (tag === 'text:note' || tag === 'office:annotation' || tag === 'text:tracked-changes') {
      if (!self) skip += closing ? -1 : 1;
      continue;
    }
    if (skip) continue;
    switch (tag) {
      case 'text:p':
      case 'text:h':
        if (self) {
          if (!cell && !row) lines.push('');
          break;
        }
        if (!closing) {
          depth++;
          if (depth === 1) {
            text = '';
            heading = tag === 'text:h' ? Number(/text:outline-level="(\d+)"/.exec(attrs)?.[1] ?? 1) : 0;
          }
        } else if (--depth === 0 && text !== null) {
          const line = text.replace(/[ \u00a0]+$/g, '');
          if (cell) cell.push(line);
          else lines.push(heading && line.trim() ? `${'#'.repeat(Math.min(heading, 6))} ${line.trim()}` : line);
          text = null;
        }
        break;
      case 'text:s':
        if (text !== null) text += ' '.repeat(Number(/text:c="(\d+)"/.exec(attrs)?.[1] ?? 1));
        break;
      case 'text:tab':
        if (text !== null) text += '\t';
        break;
      case 'text:line-break':
        if (text !== null) text += ' ';
        break;
      case 'table:table-row':
        if (!closing && !self) {
          row = [];
          rowCells = [];
        } else if (closing && row) {
          // A form's text cell (several paragraphs, a case's text) stays paragraphs after the row.
          const textCell = rowCells.findIndex((c) => c.filter((l) => l.trim()).length >= 2 && c.join('').length > 200);
          const line = (textCell >= 0 ? row.slice(0, textCell) : row).join('\t');
          if (line.trim()) {
            if (textCell !== 0 && (textCell < 0 ? row.length : textCell) > 1) rows.add(lines.length);
            lines.push(line);
          }
          if (textCell >= 0) for (const c of rowCells.slice(textCell)) for (const l of c) if (l.trim()) lines.push(l.trim());
          row = null;
        }
        break;
      case 'table:table-cell':
        if (!closing && !self) cell = [];
        else if (self && row) {
          row.push('');
          rowCells.push([]);
        } else if (closing && cell && row) {
          row.push(cell.join(' ').replace(/\s+/g, ' ').trim());
          rowCells.push(cell);
          cell = null;
        }
        break;
    }
  }
  return lines;
}
