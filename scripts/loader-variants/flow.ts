import { textKey, type Expected, type ExpectedCase } from '../../fixtures/loader/expected.ts';
import { probesFor } from './probes.ts';
import { headingText, topKinds, type CaseModel } from './model.ts';

/**
 * What a line of a rendered document is. Layouts build a flow of these; formats (plain text,
 * HTML, Word, PDF) print it. The roles are the generator's knowledge, never the loader's input.
 */
export type Role =
  | 'doc-meta' // a notice's issuer line or number, a masthead
  | 'doc-title'
  | 'front-title' // 前言, 目录
  | 'front' // prose outside any case: a preface, a notice's body
  | 'toc-entry'
  | 'part'
  | 'boundary' // 附件1, 附件2
  | 'case-marker' // 案例1, 典型经验案例一
  | 'case-title'
  | 'attribution' // ——鹤壁市, a unit line, 来源：
  | 'heading'
  | 'para'
  | 'table-row'
  | 'byline'
  | 'promo'; // what a WeChat copy or a web page adds around the text

export interface FlowItem {
  role: Role;
  text: string;
  /** Heading level inside the case (1 = top-level section); for toc entries, their level. */
  depth?: number;
  cells?: string[];
  /** A run-in heading's lead ("（一）抓实四项重点。"), which Word and HTML print bold. */
  lead?: string;
  /** Page number a toc entry points to, where the format has no real pages. */
  page?: number;
  /** What of the item is case body, when not all of it is (a table row's experience cell, not its place cells). */
  bodyText?: string;
}

export interface CaseStatement {
  /** The region the rendering states (undefined: it states none the loader could find). */
  region?: string | null;
  part?: string | null;
}

interface CaseInFlow {
  model: CaseModel;
  stated: CaseStatement;
  document: number;
  /** The items printed as the case's body (headings, paragraphs, table rows), read when the expectation is made. */
  body: FlowItem[];
  title: string;
}

/** Builds a flow and, beside it, what the loader is expected to find in it. */
export class FlowBuilder {
  readonly items: FlowItem[] = [];
  private cases: CaseInFlow[] = [];
  private documents: Array<{ title: string | null; cases: number }> = [{ title: null, cases: 0 }];
  private outside: FlowItem[] = [];
  private current: CaseInFlow | null = null;

  /**
   * Start the next document in the same file (a second notice, an attachment). While the last
   * document has no case yet it is the same document (its header came first): its title stays.
   */
  newDocument(title: string | null): void {
    const last = this.documents.at(-1)!;
    if (last.cases === 0) last.title ??= title;
    else this.documents.push({ title, cases: 0 });
    this.current = null;
  }

  setDocumentTitle(title: string | null): void {
    this.documents.at(-1)!.title = title;
  }

  add(item: FlowItem): this {
    this.items.push(item);
    if (item.role === 'front') this.outside.push(item);
    else if (this.current && (item.role === 'heading' || item.role === 'para' || item.role === 'table-row')) this.current.body.push(item);
    return this;
  }

  /** Outside any case from here on (front matter of a next document, a closing note). */
  endCase(): void {
    this.current = null;
  }

  beginCase(model: CaseModel, stated: CaseStatement, title = model.title): void {
    const document = this.documents.length - 1;
    this.documents[document]!.cases++;
    this.current = { model, stated, document, body: [], title };
    this.cases.push(this.current);
  }

  /** The blocks of a case as they stand, headings printed by `heading`. */
  addBlocks(model: CaseModel, heading: (b: Extract<CaseModel['blocks'][number], { type: 'heading' }>) => string = headingText): void {
    for (const b of model.blocks) {
      if (b.type === 'heading') this.add({ role: 'heading', text: heading(b), depth: b.depth });
      else if (b.type === 'para') this.add({ role: 'para', text: b.text, ...(b.runIn ? { lead: b.runIn.lead } : {}) });
      else for (const row of b.rows) this.add({ role: 'table-row', text: row.join('\t'), cells: row });
    }
  }

  /** Convert what the expectation names but the items do not hold (document titles). */
  mapDocumentTitles(f: (s: string) => string): void {
    for (const d of this.documents) if (d.title !== null) d.title = f(d.title);
  }

  expected(kind: string, name: string, input: string, about: string): Expected {
    const printed = (items: readonly FlowItem[]) => items.map((i) => i.bodyText ?? (i.cells ? i.cells.join('') : i.text)).join('');
    const bodies = this.cases.map((c) => textKey(printed(c.body)));
    const outsideKey = textKey(printed(this.outside));
    const everything = [...bodies, outsideKey, ...this.cases.map((c) => textKey(c.title))];
    const cases: ExpectedCase[] = this.cases.map((c, i) => ({
      title: c.title,
      ...(c.stated.region !== undefined ? { region: c.stated.region } : {}),
      ...(c.stated.part !== undefined ? { part: c.stated.part } : {}),
      hasLessons: topKinds(c.model).some((k) => k.includes('lessons')),
      kinds: topKinds(c.model),
      source: c.model.source,
      document: c.document,
      probes: probesFor(bodies[i]!, everything, i),
    }));
    return {
      kind,
      name,
      input,
      about,
      documents: this.documents,
      cases,
      outsideProbes: probesFor(outsideKey, everything, bodies.length, 40),
    };
  }
}

export type { Expected, ExpectedCase } from '../../fixtures/loader/expected.ts';
