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

const PROVINCE_NAMES = new Set(PROVINCES.map(([full]) => full));
const isProvince = (t: string) => PROVINCE_NAMES.has(t);
const isNumber = (t: string) => /^\d{1,3}$/.test(t);
/**
 * The province a cell names: its name, or the name a narrow column cut ("宁夏回族自治" over
 * "区"); null for anything else.
 */
function provinceNamed(t: string): string | null {
  if (isProvince(t)) return t;
  return t.length >= 4 ? (PROVINCES.find(([full]) => full.startsWith(t))?.[0] ?? null) : null;
}
/** The end of a place's name: 省, 市, 县 …, or 自治 where a column cut the name. */
const PLACE_END = /(?:省|市|县|区|旗|州|盟|地区|自治)$/;
/** "丰宁满族自治" then "县": the rest of a place's name a narrow column put on the next line. */
const endsCutName = (before: string, next: string) => before.endsWith('自治') && /^(?:州|县|区|旗|盟)$/.test(next);
/** The first point of an enumeration ("（1）", "(1)"). */
const FIRST_POINT = /[（(]\s*1\s*[）)]/;

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
  texts[0] = provinceNamed(texts[0]!) ?? texts[0]!;
  if (!isProvince(texts[0]!)) return null;
  const places: string[] = [];
  for (const t of texts) {
    // A place cell names a place ("宁波市", "甘南藏族自治州"); the start of a row's text does not.
    if (t.length > 14 || /[：:，。（(]/.test(t) || !PLACE_END.test(t)) break;
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
  // Every reading below starts at a line "序号": a text with none (most) is left as it is, in one look.
  if (!lines.some((l) => l.text.text.trimStart().startsWith('序'))) {
    cache.set(lines, lines);
    return lines;
  }
  let out: readonly SourceLine[] = spacedRows(lines);
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
  if (out === lines) out = stackedColumns(lines);
  cache.set(lines, out);
  return out;
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);
/** A header cell of a county table ("序号", "省（区、市）", "市（州、地" over "区、盟）", "典型经验"). */
const isHeaderCell = (t: string) => /^(?:序\s*号|典型经验|[省市县]（[^）]*）?|区、盟）|地区）)$/.test(t);
const isFooter = (t: string) => /^[—–-]\s*\d{1,4}\s*[—–-]$/.test(t);
/** A whole line naming a place (a city, a county), not a line of text that ends in one ("建设健康社区" is text: too long, or punctuated). */
const isPlaceLine = (t: string) => t.length >= 2 && t.length <= 9 && /^\p{Script=Han}+$/u.test(t) && /(?:市|县|区|旗|州|盟|地区|自治)$/.test(t);

/**
 * A county table as pdftotext writes it without -layout: one cell a line, each page's cells
 * column by column — the page's row numbers, then its provinces, its cities, its counties, then
 * the text of its rows one after another, the first continuing the row the page before left off.
 * Each page (a repeat of the header) is put back into rows: a province opens a row; the place
 * lines after the provinces are the cities of the rows that have one (a municipality has none),
 * then one county a row; a row's text starts where a line opens an enumeration afresh ("（1）")
 * or with the row's county. A page that does not add up (places or texts one too many or few)
 * leaves the lines as they are, and the table is not taken for one.
 */
export function stackedColumns(lines: readonly SourceLine[]): readonly SourceLine[] {
  if (lines.some((l) => (l.cells?.length ?? 0) > 1)) return lines;
  const starts = lines.flatMap((l, i) => (/^序\s*号$/.test(l.text.text.trim()) ? [i] : []));
  if (starts.length < 2) return lines;
  // Rows have provinces on lines of their own: without two such lines, no page is worth reading.
  let provinceLines = 0;
  for (const l of lines) if (l.text.length <= 8 && PROVINCE_NAMES.has(l.text.text.trim()) && ++provinceLines >= 2) break;
  if (provinceLines < 2) return lines;
  const out: SourceLine[] = lines.slice(0, starts[0]);
  let rows = 0;
  // Whether the row being read has had the first point of its enumeration.
  let enumerated = false;
  for (let p = 0; p < starts.length; p++) {
    const page = lines.slice(starts[p], starts[p + 1] ?? lines.length);
    // The page's cells before its text: row numbers (N), provinces (P), other places (L).
    const zone: Array<{ kind: 'N' | 'P' | 'L'; text: MappedString }> = [];
    const texts: SourceLine[] = [];
    for (const l of page) {
      const t = l.text.text.trim();
      if (!t || (t.length <= 12 && (isHeaderCell(t) || isFooter(t)))) continue;
      const last = zone[zone.length - 1];
      if (texts.length) texts.push(l);
      else if (isNumber(t)) zone.push({ kind: 'N', text: l.text });
      else if (startsWithProvince(t)) zone.push({ kind: 'P', text: l.text });
      else if (last && last.kind !== 'N' && endsCutName(last.text.text, t)) last.text = MappedString.concat([last.text, l.text]);
      else if (zone.some((z) => z.kind === 'P') && isPlaceLine(t)) zone.push({ kind: 'L', text: l.text });
      else texts.push(l);
    }
    const groups = placeGroups(zone);
    if (!groups) return lines;
    const counties = groups.map((g) => g.county);
    // Where each new row's text starts: at its county's name, or where the enumeration starts
    // again ("（1）" in a row that has had its "（1）": the row before may have had its lead on the
    // page before, and its points start on this one).
    const cuts: number[] = [];
    texts.forEach((l, i) => {
      const t = l.text.text.trim();
      const one = t.search(FIRST_POINT) === 0;
      if (counties.some((c) => t.startsWith(c.text)) || (one && enumerated)) {
        cuts.push(i);
        enumerated = false;
      }
      if (FIRST_POINT.test(t)) enumerated = true;
    });
    if (cuts.length === groups.length - 1 && (cuts[0] ?? 1) > 0) {
      // A row that opens with a lead sentence instead ("针对当地居民……"): after the last sentence
      // the row before ends on a line of its own, unless what follows is its next point.
      const before = cuts[0] ?? texts.length;
      let at = rows ? -1 : 0;
      if (rows) for (let i = 1; i < before; i++) if (/[。！？]$/.test(texts[i - 1]!.text.text.trim()) && !/^[（(]\s*\d{1,2}\s*[）)]/.test(texts[i]!.text.text.trim())) at = i;
      if (at >= 0) cuts.unshift(at);
    }
    if (groups.length && cuts.length !== groups.length) return lines;
    const first = cuts[0] ?? 0;
    // The page's last row has had its first point if one is in its text here.
    if (cuts.length) enumerated = texts.slice(cuts[cuts.length - 1]).some((l) => FIRST_POINT.test(l.text.text));
    out.push(...texts.slice(0, groups.length ? first : texts.length));
    groups.forEach((g, r) => {
      const cells = [...(g.number ? [g.number] : []), g.province, ...(g.city ? [g.city] : []), g.county];
      out.push({ text: MappedString.join(cells, '\t'), indent: 0, cells, role: 'table-row' });
      out.push(...texts.slice(cuts[r], cuts[r + 1] ?? texts.length));
      rows++;
    });
  }
  return rows >= 2 ? out : lines;
}

interface PlaceGroup {
  number?: MappedString;
  province: MappedString;
  city?: MappedString;
  county: MappedString;
}

/**
 * A page's rows from its number and place cells, in either order an extractor writes them: row
 * by row ("9 山东省 潍坊市 青州市 10 云南省 …") or column by column ("3 4 广东省 北京市 广州市 海珠区
 * 丰台区": the cities of the rows that have one — a municipality has none — then one county a
 * row). Null when they do not add up.
 */
function placeGroups(zone: ReadonlyArray<{ kind: 'N' | 'P' | 'L'; text: MappedString }>): PlaceGroup[] | null {
  const numbers = zone.filter((z) => z.kind === 'N').map((z) => z.text);
  const provinces = zone.filter((z) => z.kind === 'P').map((z) => z.text);
  const places = zone.filter((z) => z.kind === 'L').map((z) => z.text);
  const needs = (p: MappedString) => (MUNICIPALITIES.has(provinceNamed(p.text) ?? p.text) ? 1 : 2);
  const withNumbers = (groups: PlaceGroup[]) => (numbers.length === groups.length ? groups.map((g, i) => ({ ...g, number: numbers[i]! })) : groups);
  if (!provinces.length) return places.length ? null : [];
  const firstPlace = zone.findIndex((z) => z.kind === 'L');
  const interleaved = firstPlace >= 0 && zone.slice(firstPlace).some((z) => z.kind === 'P');
  if (interleaved) {
    const groups: PlaceGroup[] = [];
    let current: { province: MappedString; places: MappedString[] } | null = null;
    const close = () => {
      if (!current) return true;
      if (current.places.length !== needs(current.province)) return false;
      groups.push({ province: current.province, ...(current.places.length === 2 ? { city: current.places[0]! } : {}), county: current.places[current.places.length - 1]! });
      return true;
    };
    for (const z of zone) {
      if (z.kind === 'P') {
        if (!close()) return null;
        current = { province: z.text, places: [] };
      } else if (z.kind === 'L') current?.places.push(z.text);
    }
    return close() ? withNumbers(groups) : null;
  }
  const withCity = provinces.filter((p) => needs(p) === 2).length;
  if (places.length !== withCity + provinces.length) return null;
  let city = 0;
  return withNumbers(provinces.map((province, r) => ({ province, ...(needs(province) === 2 ? { city: places[city++]! } : {}), county: places[withCity + r]! })));
}

/**
 * A table whose cells an extractor wrote one row a line, apart by single spaces (pdftotext -raw:
 * "1 浙江省 宁波市 象山县 象山县打造"): under a header of the same kind ("序号 省（区、市） …"),
 * a line that opens with a row number and a province is cut into cells at its spaces (the last
 * cell is the start of the row's text, which runs on over the lines after it). Only the row
 * lines are cut: the text lines that follow keep their spaces ("均下降约 10").
 */
function spacedRows(lines: readonly SourceLine[]): readonly SourceLine[] {
  if (lines.some((l) => (l.cells?.length ?? 0) > 1)) return lines;
  if (!lines.some((l) => /^序\s*号\s+\S*省/.test(l.text.text))) return lines;
  const out: SourceLine[] = [];
  let rows = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = /^(\d{1,3})\s+(\S+)(?:\s|$)/.exec(l.text.text);
    if (!m || !startsWithProvince(m[2]!)) {
      out.push(l);
      continue;
    }
    const cells: MappedString[] = [];
    let text: MappedString | null = null;
    // The row's cells, and those a narrow column pushed onto the next lines ("丰宁满族自治" over "县", "宁夏回族自治" over "区" and "银川市 兴庆区 …").
    for (let j = i; j < lines.length && !text && (j === i || j - i <= 3); j++) {
      const line = lines[j]!.text;
      const tokens = [...line.text.matchAll(/\S+/g)];
      if (j > i && !(tokens.length && isPlaceToken(tokens[0]![0], cells))) break;
      for (const t of tokens) {
        const cell = line.slice(t.index, t.index + t[0].length);
        const last = cells[cells.length - 1];
        if (j > i && last && endsCutName(last.text, t[0])) cells[cells.length - 1] = MappedString.concat([last, cell]);
        else if (cells.length >= 2 && !isPlaceToken(t[0], cells)) {
          // The row's text from here (spaces in it kept: "均下降约 10").
          text = line.slice(t.index).trim();
          break;
        } else cells.push(cell);
      }
      i = j;
    }
    if (text) cells.push(text);
    rows++;
    out.push({ ...l, text: MappedString.join(cells, '\t'), cells, role: 'table-row' });
  }
  return rows >= 2 ? out : lines;
}

/** A cell of a row's number and places: a number first, then names of places (or the cut end of one). */
function isPlaceToken(t: string, before: readonly MappedString[]): boolean {
  if (!before.length) return isNumber(t);
  if (endsCutName(before[before.length - 1]!.text, t)) return true;
  return t.length <= 14 && !/[：:，。（(]/.test(t) && PLACE_END.test(t);
}

const startsWithProvince = (t: string) => provinceNamed(t) !== null;
