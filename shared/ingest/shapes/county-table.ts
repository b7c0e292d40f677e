import type { SourceLine } from '../decode/source-line.ts';
import { MappedString } from '../mapped-string.ts';
import type { Paragraph } from '../paragraphs.ts';
import { PROVINCES } from '../regions.ts';
import { endsSentence } from '../width.ts';
import type { CaseDraft, ShapeSplitter } from './shape.ts';
import { tidyTitle } from './region-title.ts';
import { caseTableDrafts, caseTableRows } from './case-table.ts';

interface Row {
  line: number;
  cells: MappedString[];
}

const isProvince = (t: string) => PROVINCES.some(([full]) => t === full);
const isNumber = (t: string) => /^\d{1,3}$/.test(t);

/**
 * A table, one case a row: a table of counties or districts (below), or of any cases under a
 * header that names its columns (case-table.ts).
 *
 * A table of counties or districts, one row each: 序号 / 省 / 市 / 县, then the row's text
 * ("典型经验：……") in a cell of its own line. Extraction lets row numbers drift onto the wrong line
 * or vanish, and lets a row's text continue on later lines, so rows are found by their place
 * names, never by their numbers; text lines belong to the row above them.
 */
export const countyTableShape: ShapeSplitter = {
  shape: 'county-table',
  detect(ctx) {
    // Rows of cells, from tab-separated text, a Word table or an HTML table alike.
    const lines = tableLines(ctx.lines);
    if (!lines.some((l) => (l.cells?.length ?? 0) > 2)) return 0;
    const header = lines.some((l) => l.cells && l.cells.some((c) => /序号/.test(c.text)) && l.cells.some((c) => /省/.test(c.text)));
    const placeRows = lines.filter((l) => l.cells && placeCells(l.cells)).length;
    if (header && placeRows >= 2) return 9;
    if (placeRows >= 3) return 6;
    // A table of any cases, one a row, under a header that names the title column.
    return caseTableRows(ctx) ? 8 : 0;
  },
  split(ctx) {
    const lines = tableLines(ctx.lines);
    if (lines.filter((l) => l.cells && placeCells(l.cells)).length < 2) {
      const table = caseTableDrafts(ctx);
      if (table) return table;
    }
    const headerLine = lines.findIndex((l) => l.cells && l.cells.some((c) => /序号/.test(c.text)));
    const cases: Array<{ places: string[]; numbers: string[]; chunks: Row[]; firstLine: number }> = [];
    for (let i = headerLine + 1; i < lines.length; i++) {
      const cells = lines[i]!.cells ?? [lines[i]!.text];
      const filled = cells.filter((c) => c.length);
      if (!filled.length) continue;
      const places = placeCells(cells);
      if (places) {
        const rest = filled.filter((c) => !isNumber(c.text)).slice(places.length);
        cases.push({ places, numbers: filled.filter((c) => isNumber(c.text)).map((c) => c.text), chunks: rest.length ? [{ line: i, cells: rest }] : [], firstLine: i });
        continue;
      }
      const current = cases[cases.length - 1];
      if (!current) continue;
      for (const c of filled) if (isNumber(c.text)) current.numbers.push(c.text);
      const text = filled.filter((c) => !isNumber(c.text));
      if (text.length) current.chunks.push({ line: i, cells: text });
    }
    checkNumbering(cases.map((c) => c.numbers), ctx.warnings);

    const drafts: CaseDraft[] = cases.map((c) => {
      const paragraphs = rowParagraphs(c.chunks);
      const region = c.places.join('');
      const lead = leadSentence(paragraphs[0]?.text.text ?? '');
      return {
        title: lead ?? `${c.places[c.places.length - 1]}健康县区建设典型经验`,
        region,
        unit: null,
        part: null,
        body: paragraphs,
        marks: [],
      };
    });
    const titleLine = ctx.paragraphs.find((p) => p.firstLine < headerLine && /典型|经验|案例/.test(p.text.text));
    return { title: titleLine ? tidyTitle(titleLine.text.text) : null, cases: drafts };
  },
};

/**
 * The province / city / county cells of a row that names a place, or null: the short cells that
 * open the row after its number. A row may carry its text in a further cell (a Word or HTML
 * table) or on the lines after it (text extracted from a PDF table).
 */
function placeCells(cells: readonly MappedString[]): string[] | null {
  const texts = cells.map((c) => c.text).filter((t) => t && !isNumber(t));
  if (!texts.length) return null;
  // "重庆市沙坪坝区", "宁夏回族自治区银川市兴庆区": a province and its places in one merged cell.
  const merged = PROVINCES.find(([full]) => texts[0]!.startsWith(full) && texts[0]!.length > full.length && texts[0]!.length <= 16);
  if (merged) {
    const rest = texts[0]!.slice(merged[0].length);
    const city = /^([\p{Script=Han}]{2,8}?(?:市|州|盟|地区))([\p{Script=Han}]{2,8}(?:市|县|区|旗))$/u.exec(rest);
    texts.splice(0, 1, merged[0], ...(city ? [city[1]!, city[2]!] : [rest]));
  }
  // A name the table's narrow column cut ("宁夏回族自治" over "区") is completed.
  const cut = !isProvince(texts[0]!) && texts[0]!.length >= 4 ? PROVINCES.find(([full]) => full.startsWith(texts[0]!)) : undefined;
  if (cut) texts[0] = cut[0];
  if (!isProvince(texts[0]!)) return null;
  const places: string[] = [];
  for (const t of texts) {
    // A place cell names a place ("宁波市", "甘南藏族自治州"); the start of a row's text does not.
    if (t.length > 14 || /[：:，。（(]/.test(t) || !/(?:省|市|县|区|旗|州|盟|地区|自治)$/.test(t)) break;
    places.push(t);
  }
  return places.length >= 2 && places.length <= 4 ? places : null;
}

/**
 * A row's text: its cells in reading order, a line continued on the next line joined back
 * (the text of one row is one paragraph in the table), then split at its enumeration
 * ("（1）…（2）…") so each point can be a section.
 */
function rowParagraphs(chunks: readonly Row[]): Paragraph[] {
  const pieces: MappedString[] = [];
  for (const chunk of chunks) {
    for (const cell of chunk.cells) {
      const prev = pieces[pieces.length - 1];
      if (prev && !endsSentence(prev.text) && !/^[（(]\d/.test(cell.text)) pieces[pieces.length - 1] = MappedString.concat([prev, cell]);
      else pieces.push(cell);
    }
  }
  const out: Paragraph[] = [];
  for (const piece of pieces) {
    const text = piece.text.replace(/^典型经验[：:]\s*/, (m) => ' '.repeat(m.length));
    const body = piece.slice(text.length - text.trimStart().length);
    let start = 0;
    const re = /[（(]\s*\d{1,2}\s*[）)]/g;
    for (let m = re.exec(body.text); m; m = re.exec(body.text)) {
      if (m.index > start) out.push(para(body.slice(start, m.index).trim()));
      start = m.index;
    }
    out.push(para(body.slice(start).trim()));
  }
  return out.filter((p) => p.text.length > 0);
}

function para(text: MappedString): Paragraph {
  return { text, firstLine: 0, lastLine: 0, lineCount: 1, maxWidth: 0, columnWidth: 0 };
}

/** "象山县打造“健康与海”品牌，推动……：" — the row's own summary, when it opens with one. */
function leadSentence(text: string): string | null {
  if (/^[（(]\d/.test(text)) return null;
  const t = text.replace(/[：:。；\s]+$/, '');
  const stop = t.search(/[。；]/);
  const lead = stop > 0 ? t.slice(0, stop) : t;
  return lead.length >= 6 && lead.length <= 60 ? lead : null;
}

function checkNumbering(numbers: string[][], warnings: { code: string; message: string }[]): void {
  const expected = numbers.length;
  const seen = new Set(numbers.flat().map(Number));
  const missing = [...Array(expected).keys()].map((i) => i + 1).filter((n) => !seen.has(n));
  if (missing.length) {
    warnings.push({ code: 'row-numbers', message: `row numbers ${missing.join(', ')} are missing in the table; rows were found by their place names` });
  }
}

const cache = new WeakMap<readonly SourceLine[], readonly SourceLine[]>();

/**
 * The lines as rows of cells. A table saved as text one cell a line (LibreOffice's text export of
 * a Word table: 序号, 省, 市, 县, 典型经验 each on a line, an empty cell a blank line) is put back
 * into rows of as many cells as its header has; other lines are kept as they are.
 */
function tableLines(lines: readonly SourceLine[]): readonly SourceLine[] {
  const hit = cache.get(lines);
  if (hit) return hit;
  let out: readonly SourceLine[] = lines;
  const h = lines.findIndex((l) => /^序\s*号$/.test(l.text.text));
  if (h >= 0 && !lines.some((l) => (l.cells?.length ?? 0) > 2)) {
    const header: number[] = [];
    for (let i = h; i < lines.length && header.length < 8; i++) {
      const t = lines[i]!.text.text;
      if (!t) continue;
      if (header.length && (t.length > 12 || isNumber(t))) break;
      header.push(i);
    }
    const k = header.length;
    if (k >= 4 && /省/.test(lines[header[1]!]!.text.text)) {
      const rows: SourceLine[] = lines.slice(0, header[k - 1]! + 1).map((l, i) => (i === h ? { ...l, cells: header.map((j) => lines[j]!.text) } : l));
      let i = header[k - 1]! + 1;
      while (i < lines.length) {
        if (isNumber(lines[i]!.text.text) && i + k - 1 < lines.length) {
          // One row: its number and the next k-1 lines, an empty cell being a blank line.
          const cells = lines.slice(i, i + k).map((l) => l.text);
          rows.push({ text: MappedString.join(cells, '\t'), indent: 0, cells, role: 'table-row' });
          i += k;
        } else {
          rows.push(lines[i]!);
          i++;
        }
      }
      out = rows;
    }
  }
  cache.set(lines, out);
  return out;
}
