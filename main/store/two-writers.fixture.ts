/**
 * One of the two writers the crash-and-concurrency test runs on one project folder (and kills).
 * It opens the project as reviewer `w<name>`, watches the folder, and writes every kind of
 * shared file as fast as it can from several workers at once: its own spans, scores and
 * statuses; spans imported for the reviewer both writers share ("shared"); labels added to the
 * schema; its criterion's weight in the rubric; parts of the compendium draft; revisions of the
 * one case both revise; adjudications into the consensus. After each write is acknowledged it
 * prints one JSON line saying what must now be in the project ("ack"); a write refused as a
 * conflict prints "conflict" (with what was refused); one about to start whose result cannot be
 * told from the project alone prints "try" first. Any other error is printed as "error" (the
 * test counts none). Run with: node --import tsx two-writers.fixture.ts <project> <A|B> <seed>
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';
import { openProject } from '../services/open-project.ts';
import { importCorrected } from '../services/outline/import-corrected.ts';
import { applySuggestions } from '../services/suggestions.ts';
import { splitsSurrogatePair } from '../../shared/text/units.ts';
import { hashText } from './file-stamp.ts';

const [dir, name, seedArg] = process.argv.slice(2) as [string, string, string];
let seed = Number(seedArg) || 1;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ writer: name, ...line })}\n`);

const me = `w${name.toLowerCase()}`;
const service = await openProject(dir, me);
service.store.watch();
const api = service.handlers;
// Keys unique to this run of this writer (a restarted writer starts a new run).
const run = `${name}${process.pid}`;
let n = 0;
const key = () => `${run}-${++n}`;
/** A place for a span of `length` that splits no character (the texts hold 𠀀 and emoji). */
function startIn(text: string, length: number): number {
  for (;;) {
    const start = Math.floor(random() * (text.length - length - 1));
    if (!splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, start + length)) return start;
  }
}
const HOTKEYS = name === 'A' ? [...'甲乙丙丁戊己庚辛壬癸'] : [...'子丑寅卯辰巳午未申酉'];

async function attempt(what: string, write: () => Promise<Record<string, unknown> | null>, refused: Record<string, unknown> = {}) {
  try {
    const acked = await write();
    if (acked) say({ op: 'ack', what, ...acked });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'conflict') say({ op: 'conflict', what, message: e.message, ...refused });
    else say({ op: 'error', what, message: e instanceof Error ? e.message : String(e) });
  }
}

/** A decision on a suggestion, the same whichever worker of this writer makes it: half are accepted. */
const accepts = (id: string) => createHash('sha256').update(`${name}${id}`).digest()[0]! % 2 === 0;
let documents = 0;
/** The paged document (a PDF, with a layout file) both reload. */
const PAGED = 'toc';
/** The document both correct the outline of (the test imported it). */
const OUTLINED = 'od';

const ops: Array<() => Promise<void>> = [
  // Own spans (the reviewer's shard and index).
  async () => {
    const caseId = pick(['c3', 'c4']);
    const text = (await api.getCase({ caseId })).text;
    const start = startIn(text, 2);
    const note = key();
    await attempt('span', async () => {
      const s = await api.addSpan({ caseId, start, end: start + 2, label: 'lesson', note });
      return { reviewer: me, caseId, id: s.id, exact: s.quote.exact, note };
    });
  },
  // Spans imported for the reviewer both write for (that reviewer's files, through this workbench).
  async () => {
    const text = (await api.getCase({ caseId: 'c3' })).text;
    const start = startIn(text, 3);
    const note = key();
    const line = JSON.stringify({ case: 'c3', start, end: start + 3, label: 'lesson', quote: text.slice(start, start + 3), note });
    await attempt('import', async () => {
      const r = await api.importAnnotations({ reviewer: 'shared', content: line });
      return r.imported === 1 ? { reviewer: 'shared', caseId: 'c3', note, exact: text.slice(start, start + 3) } : null;
    });
  },
  // A score comment and a status of its own (the reviewer's index).
  async () => {
    const value = key();
    say({ op: 'try', what: 'comment', caseId: 'c4', value });
    await attempt('comment', async () => {
      await api.setScore({ caseId: 'c4', comment: value });
      return { reviewer: me, caseId: 'c4', value };
    });
  },
  // A label added to the schema (both writers add theirs; each is merged with the other's).
  async () => {
    const schema = await api.getSchema({});
    if (schema.labels.length >= 30) return;
    const used = new Set(schema.labels.map((l) => l.hotkey));
    const hotkey = HOTKEYS.find((k) => !used.has(k));
    if (!hotkey) return;
    const id = `x${key().toLowerCase()}`;
    await attempt('label', async () => {
      await api.setSchema({ base: schema, schema: { labels: [...schema.labels, { id, name: { zh: `标签${id}`, en: `Label ${id}` }, color: '#336699', cue: 'dotted', glyph: '◇', hotkey, fields: [] }] } });
      return { id };
    });
  },
  // The weight of this writer's criterion in the rubric (the other writer changes another's).
  async () => {
    const rubric = await api.getRubric({});
    const mine = rubric.criteria[name === 'A' ? 0 : 1]!;
    const value = Math.min(100, Math.round(mine.weight) + 1);
    say({ op: 'try', what: 'weight', criterion: mine.id, value });
    await attempt('weight', async () => {
      await api.setRubric({ base: rubric, rubric: { criteria: rubric.criteria.map((c) => (c.id === mine.id ? { ...c, weight: value } : c)) } });
      return { criterion: mine.id, value };
    });
  },
  // A part added to the compendium draft.
  async () => {
    const view = await api.getCompendium({});
    const draft = view.draft ?? { title: '汇编', parts: [], indicatorTables: false, updatedAt: '' };
    if (draft.parts.length >= 60) return;
    const title = `篇${key()}`;
    await attempt('part', async () => {
      await api.setCompendium({ base: view.draft, draft: { ...draft, parts: [...draft.parts, { title, caseIds: [pick(['c1', 'c2', 'c3', 'c4'])] }] } });
      return { title };
    });
  },
  // A revision of the case both revise, on the text this workbench shows (a line before it: every span stays placed).
  async () => {
    const detail = await api.getCase({ caseId: 'c1' });
    const text = `${key()}。\n${detail.text}`;
    await attempt(
      'revision',
      async () => {
        const r = await api.reviseText({ caseId: 'c1', text, baseRevision: detail.revision });
        return { revision: r.revision, hash: hashText(text) };
      },
      { hash: hashText(text) },
    );
  },
  // A span on the case being revised, and an adjudication of one of its own spans into the consensus.
  async () => {
    const detail = await api.getCase({ caseId: 'c1' });
    const start = startIn(detail.text, 2);
    const note = key();
    await attempt('span', async () => {
      const s = await api.addSpan({ caseId: 'c1', start, end: start + 2, label: 'lesson', note, quote: detail.text.slice(start, start + 2) });
      return { reviewer: me, caseId: 'c1', id: s.id, exact: s.quote.exact, note };
    });
  },
  async () => {
    const text = (await api.getCase({ caseId: 'c2' })).text;
    // Own places in the text (A even, B odd): the two never decide the same difference.
    const start = 2 * Math.floor(random() * ((text.length - 4) / 2)) + (name === 'A' ? 0 : 1);
    let span;
    try {
      span = await api.addSpan({ caseId: 'c2', start, end: start + 1, label: 'indicator', note: key() });
    } catch (e) {
      say({ op: 'error', what: 'adjudication span', message: (e as Error).message });
      return;
    }
    const seen = (await api.getCase({ caseId: 'c2', reviewers: ['consensus'] })).spans.map((s) => s.id);
    await attempt('adjudication', async () => {
      await api.adjudicate({ caseId: 'c2', seenConsensus: seen, decisions: [{ start, end: start + 1, spanIds: [span.id], candidateIds: [span.id] }] });
      return { caseId: 'c2', start, end: start + 1, exact: span.quote.exact };
    });
  },
  // Suggestions for every reviewer (`casebench suggest --apply`: suggestions/<case>.json).
  async () => {
    const caseId = pick(['c3', 'c4']);
    await attempt('suggestions', async () => {
      const r = await applySuggestions(service, { caseIds: [caseId] });
      return { caseId, items: r.indicators + r.lessons };
    });
  },
  // A decision on one of them (the reviewer's index, and a span of theirs when accepted).
  async () => {
    const caseId = pick(['c3', 'c4']);
    const view = await api.getSuggestions({ caseId });
    const open = view.items.filter((s) => s.state === 'pending');
    if (!open.length) return;
    const s = pick(open);
    const accept = accepts(s.id);
    await attempt('decision', async () => {
      const r = await api.decideSuggestions({ caseId, decisions: [{ id: s.id, accept }] });
      const made = r.created[0];
      return { reviewer: me, caseId, id: s.id, accept, ...(made ? { spanId: made.id, exact: made.quote.exact } : {}) };
    });
  },
  // The reviewer's metadata of a case (the reviewer's index).
  async () => {
    const value = key();
    say({ op: 'try', what: 'meta', caseId: 'c3', value });
    await attempt('meta', async () => {
      await api.setCaseMeta({ caseId: 'c3', meta: { tags: [value] } });
      return { reviewer: me, caseId: 'c3', value };
    });
  },
  // A paged document loaded again (its page layout, outline, cases; the test imported it): both reload the same one.
  async () => {
    if (random() < 0.6) return;
    await attempt('reload', async () => {
      const r = await api.reloadDocument({ documentId: PAGED });
      return { documentId: PAGED, cases: r.view.cases.length };
    });
  },
  // A span on a case of the document both correct (its cases split and merged meanwhile).
  async () => {
    const cases = (await api.getOutline({ documentId: OUTLINED })).cases;
    const caseId = pick(cases).id;
    const text = (await unlessGone(() => api.getCase({ caseId })))?.text;
    if (!text || text.length < 8) return;
    // Within a paragraph: a span across a line break where a correction later splits the case is
    // an orphan by design (kept for a person, placed again if a merge brings its text back).
    let start = startIn(text, 2);
    for (let k = 0; k < 20 && text.slice(start, start + 2).includes('\n'); k++) start = startIn(text, 2);
    if (text.slice(start, start + 2).includes('\n')) return;
    const note = key();
    await attempt('outlined span', async () => {
      const s = await api.addSpan({ caseId, start, end: start + 2, label: 'lesson', note, quote: text.slice(start, start + 2) });
      return { reviewer: me, caseId, id: s.id, exact: s.quote.exact, note };
    });
  },
  // A correction of that document's outline: a case split at one of its paragraphs, or merged with the next.
  async () => {
    const view = await api.getOutline({ documentId: OUTLINED });
    const seen = { corrections: view.corrections.length, last: view.corrections.at(-1)?.id ?? null, cases: view.cases.map((c) => c.id) };
    const split = view.cases.length < 3 || (view.cases.length < 8 && random() < 0.5);
    let edit;
    if (split) {
      const c = pick(view.cases);
      const text = (await unlessGone(() => api.getCase({ caseId: c.id })))?.text;
      if (!text) return;
      const starts = [...text.matchAll(/\n(?=\S)/g)].map((m) => m.index + 1);
      if (!starts.length) return;
      edit = { op: 'split' as const, caseId: c.id, at: pick(starts), titleFromParagraph: false, title: `分${key()}` };
    } else edit = { op: 'merge' as const, caseId: pick(view.cases.slice(0, -1)).id };
    await attempt('outline', async () => {
      const r = await api.correctOutline({ documentId: OUTLINED, edit, seen });
      return { documentId: OUTLINED, edit: edit.op, cases: r.view.cases.length };
    });
  },
  // A document added to the project (the document list, its case files, its source and outline file).
  async () => {
    if (documents >= 6) return;
    // Every third a PDF (a layout file of its own).
    const paged = documents++ % 3 === 2;
    const file = `文档${key()}.${paged ? 'pdf' : 'md'}`;
    const bytes = paged ? readFileSync(join(import.meta.dirname, '..', 'pdf', 'testdata', 'toc.pdf')) : new TextEncoder().encode(`# ${file}\n\n## 一、工作背景\n\n覆盖率达到95%以上。\n`);
    await attempt('document', async () => {
      const [made] = await importCorrected(service.store, [{ name: file, bytes, corrections: [] }], me);
      return { id: made!.document.id, file, cases: made!.document.caseIds };
    });
  },
];

process.stdout.write(`${JSON.stringify({ writer: name, op: 'ready' })}\n`);
async function worker() {
  for (;;) await pick(ops)();
}
await Promise.all([worker(), worker(), worker()]);

/** A read for a write that finds its case gone (another writer's outline change) tries again with another. */
async function unlessGone<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'not-found') return null;
    throw e;
  }
}
