/**
 * Each seed laid out the way its kind of document is (a compendium with its table of contents,
 * a notice with its attachments, the county table, a provincial batch, a newspaper page), from
 * the truth: the layouts the format families (HTML, Word, encodings, re-wraps) print.
 */
import { BATCH_TITLE, COMPENDIUM_PREFACE, COMPENDIUM_TITLE, COUNTY_TITLE, NOTICE } from './front-matter.ts';
import { FlowBuilder } from './flow.ts';
import type { CaseModel, DocModel } from './model.ts';
import { cn, splitPlace } from './numerals.ts';

export interface NativeOptions {
  /** Print a table of contents (compendium) or the attachment's list of cases (notice). */
  toc?: boolean;
  /** Page numbers to print in a text table of contents, one per case (a made-up but increasing run when absent). */
  pages?: number[];
}

export function nativeFlow(doc: DocModel, options: NativeOptions = {}): FlowBuilder {
  switch (doc.seed) {
    case 'hc2024':
      return compendiumFlow(doc, options);
    case 'henan2022':
      return noticeFlow(doc, options);
    case 'counties2022':
      return countyFlow(doc);
    case 'hebei2022':
      return batchFlow(doc);
    case 'news2022':
      return newspaperFlow(doc);
  }
}

/** Parts in order of first appearance, each with its cases. */
export function byPart(cases: readonly CaseModel[]): Array<{ part: string | null; cases: CaseModel[] }> {
  const out: Array<{ part: string | null; cases: CaseModel[] }> = [];
  for (const c of cases) {
    const last = out.at(-1);
    if (last && last.part === c.part) last.cases.push(c);
    else out.push({ part: c.part, cases: [c] });
  }
  return out;
}

export function compendiumFlow(doc: DocModel, options: NativeOptions = {}, title = COMPENDIUM_TITLE, f = new FlowBuilder()): FlowBuilder {
  f.newDocument(title);
  f.add({ role: 'doc-title', text: title });
  f.add({ role: 'front-title', text: '前  言' });
  for (const p of COMPENDIUM_PREFACE) f.add({ role: 'front', text: p });
  const parts = byPart(doc.cases);
  if (options.toc !== false) {
    f.add({ role: 'front-title', text: '目  录' });
    let page = 1;
    let k = 0;
    parts.forEach((p, i) => {
      f.add({ role: 'toc-entry', text: `${cn(i + 1)}、${p.part ?? '其他'}`, depth: 1, page: options.pages?.[k] ?? page });
      p.cases.forEach((c, j) => {
        page += 1;
        f.add({ role: 'toc-entry', text: `${j + 1}．${regionPrefix(c)}${c.title}`, depth: 2, page: options.pages?.[k++] ?? page });
        page += 4 + (c.blocks.length % 5);
      });
    });
  }
  for (const p of parts) {
    if (p.part) f.add({ role: 'part', text: p.part });
    for (const c of p.cases) {
      f.beginCase(c, { region: c.region, part: c.part });
      f.add({ role: 'case-title', text: `${regionPrefix(c)}${c.title}` });
      f.addBlocks(c);
    }
  }
  return f;
}

const regionPrefix = (c: CaseModel) => (c.region ? `${c.region}：` : c.unit ? `${c.unit}：` : '');

export function noticeFlow(doc: DocModel, options: NativeOptions = {}, f = new FlowBuilder()): FlowBuilder {
  const n = String(doc.cases.length);
  f.newDocument(NOTICE.title);
  f.add({ role: 'doc-meta', text: NOTICE.issuer });
  f.add({ role: 'doc-meta', text: NOTICE.number });
  f.add({ role: 'doc-title', text: NOTICE.title });
  f.add({ role: 'front', text: NOTICE.addressees });
  for (const p of NOTICE.body) f.add({ role: 'front', text: p.replaceAll('{n}', n) });
  for (const a of NOTICE.attachments) f.add({ role: 'front', text: a });
  for (const s of NOTICE.signature) f.add({ role: 'doc-meta', text: s });
  if (options.toc !== false) {
    f.add({ role: 'boundary', text: '附件1' });
    f.add({ role: 'front-title', text: NOTICE.listTitle });
    doc.cases.forEach((c, i) => f.add({ role: 'toc-entry', text: `${i + 1}．${c.unit ?? c.region ?? ''}：${c.title}`, depth: 2 }));
    f.add({ role: 'boundary', text: '附件2' });
  }
  const seen = new Map<string, number>();
  for (const c of doc.cases) {
    f.beginCase(c, { region: c.region, part: c.part });
    if (c.part) {
      const k = (seen.get(c.part) ?? 0) + 1;
      seen.set(c.part, k);
      f.add({ role: 'case-marker', text: `${c.part}典型案例${cn(k)}` });
    }
    f.add({ role: 'case-title', text: c.title });
    f.add({ role: 'attribution', text: `——${c.unit ?? c.region ?? ''}` });
    f.addBlocks(c);
  }
  return f;
}

export const COUNTY_HEADER = ['序号', '省（区、市）', '市（州、地区、盟）', '县（区、市）'];

/**
 * The county table as the seed has it: a row of place cells, then a row whose second cell holds
 * the experience ("典型经验：……", the items run together as in the original cell).
 */
export function countyFlow(doc: DocModel, f = new FlowBuilder()): FlowBuilder {
  f.newDocument(COUNTY_TITLE);
  f.add({ role: 'doc-meta', text: '附件2' });
  f.add({ role: 'doc-title', text: COUNTY_TITLE });
  f.add({ role: 'table-row', text: COUNTY_HEADER.join('\t'), cells: COUNTY_HEADER });
  doc.cases.forEach((c, i) => {
    f.beginCase(c, { region: c.region });
    const place = ['', ...splitPlace(c.region ?? '')];
    place[0] = String(i + 1);
    f.add({ role: 'attribution', text: place.join('\t'), cells: place });
    const cell = countyCell(c);
    f.add({ role: 'table-row', text: `\t${cell}`, cells: ['', cell] });
  });
  return f;
}

/**
 * The county table as a document table has it: one row per county, its experience in the last
 * cell (Word and HTML print this form).
 */
export function countyWideFlow(doc: DocModel, f = new FlowBuilder()): FlowBuilder {
  f.newDocument(COUNTY_TITLE);
  f.add({ role: 'doc-meta', text: '附件2' });
  f.add({ role: 'doc-title', text: COUNTY_TITLE });
  const header = [...COUNTY_HEADER, '典型经验'];
  f.add({ role: 'table-row', text: header.join('\t'), cells: header });
  doc.cases.forEach((c, i) => {
    f.beginCase(c, { region: c.region });
    const cell = countyCell(c).replace(/^典型经验：/, '');
    const cells = [String(i + 1), ...splitPlace(c.region ?? ''), cell];
    f.add({ role: 'table-row', text: cells.join('\t'), cells, bodyText: cell });
  });
  return f;
}

/** "典型经验：" and the case text, its paragraphs run together as one table cell. */
export const countyCell = (c: CaseModel) => `典型经验：${c.blocks.map((b) => (b.type === 'para' ? b.text : b.type === 'heading' ? `${b.numbering}${b.label}` : b.rows.map((r) => r.join(' ')).join(' '))).join('')}`;

export function batchFlow(doc: DocModel, title = BATCH_TITLE, f = new FlowBuilder()): FlowBuilder {
  f.newDocument(title);
  f.add({ role: 'doc-title', text: title });
  doc.cases.forEach((c, i) => {
    f.beginCase(c, { region: c.region });
    f.add({ role: 'case-marker', text: `${title}${cn(i + 1)}` });
    if (c.unit) f.add({ role: 'attribution', text: c.unit });
    f.add({ role: 'case-title', text: c.title });
    f.addBlocks(c);
  });
  return f;
}

/** The newspaper page: sub-headed reports, a banner starting each column group, bylines, speakers. */
export function newspaperFlow(doc: DocModel, f = new FlowBuilder()): FlowBuilder {
  f.newDocument(null);
  let part: string | null = null;
  for (const c of doc.cases) {
    if (c.part !== part && c.part) f.add({ role: 'part', text: c.part });
    part = c.part;
    f.beginCase(c, { part: c.part });
    if (c.speaker) f.add({ role: 'attribution', text: `${c.speaker}：` });
    f.add({ role: 'case-title', text: c.title });
    for (const b of c.bylines) f.add({ role: 'byline', text: b });
    f.addBlocks(c);
  }
  return f;
}
