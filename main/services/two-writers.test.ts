/**
 * Two workbenches on one project folder (two processes in practice; here two stores, each with
 * its own memory, sharing nothing but the files and their locks): what one writes, the other
 * never loses, and a change that cannot be merged is refused with a conflict, not laid over.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectHandlers } from '../../shared/api/contract.ts';
import type { LabelSchema } from '../../shared/model/labels.ts';
import { smallProject } from '../store/small-project.fixture.ts';
import { openProject } from './open-project.ts';
import { errorOf } from './errors.fixture.ts';

async function twoWriters(a = 'alice', b = 'bob') {
  const { dir } = await smallProject();
  const A = await openProject(dir, a);
  const B = await openProject(dir, b);
  return { dir, A, B, a: A.handlers, b: B.handlers };
}

const textOf = async (api: ProjectHandlers, caseId = 'c1') => (await api.getCase({ caseId })).text;
const newLabel = (schema: LabelSchema, id: string, hotkey: string): LabelSchema => ({
  labels: [...schema.labels, { id, name: { zh: `标签${id}`, en: `Label ${id}` }, color: '#123456', cue: 'solid', glyph: '◆', hotkey, fields: [] }],
});

describe('two writers on one folder', () => {
  it('schema: a label A added and used survives B saving the schema B had loaded before (merged), and B is shown it', async () => {
    const { dir, a, b } = await twoWriters();
    const seenByB = await b.getSchema({});
    await a.setSchema({ schema: newLabel(await a.getSchema({}), 'target', 'y') });
    const text = await textOf(a);
    await a.addSpan({ caseId: 'c1', start: 0, end: 4, label: 'target' });
    const renamed = { labels: seenByB.labels.map((l, i) => (i === 0 ? { ...l, name: { ...l.name, en: 'Renamed' } } : l)) };
    const saved = await b.setSchema({ schema: renamed });
    expect(saved.labels.map((l) => l.id)).toContain('target');
    expect(saved.labels[0]!.name.en).toBe('Renamed');
    const reopened = await openProject(dir, 'alice');
    expect((await reopened.handlers.getSchema({})).labels.map((l) => l.id)).toContain('target');
    expect((await reopened.handlers.getCase({ caseId: 'c1' })).spans.map((s) => [s.label, s.quote.exact])).toEqual([['target', text.slice(0, 4)]]);
  });

  it('schema: both changing the same label differently is a conflict (409) naming it; nothing of B is written', async () => {
    const { dir, a, b } = await twoWriters();
    const seenByB = await b.getSchema({});
    const seenByA = await a.getSchema({});
    const first = seenByA.labels[0]!;
    await a.setSchema({ schema: { labels: seenByA.labels.map((l) => (l.id === first.id ? { ...l, color: '#aa0000' } : l)) } });
    const error = await errorOf(b.setSchema({ schema: { labels: seenByB.labels.map((l) => (l.id === first.id ? { ...l, color: '#00bb00' } : l)) } }));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toContain(`labels › ${first.id} › color`);
    expect(error.message).toContain('not saved');
    const onDisk = await (await openProject(dir)).handlers.getSchema({});
    expect(onDisk.labels[0]!.color).toBe('#aa0000');
    // The newer schema is what B is shown now, and B's next save on it goes through.
    const now = await b.getSchema({});
    expect(now.labels[0]!.color).toBe('#aa0000');
    await b.setSchema({ schema: { labels: now.labels.map((l, i) => (i === 0 ? { ...l, color: '#00bb00' } : l)) } });
  });

  it("rubric: A's weight change survives B changing another criterion's", async () => {
    const { dir, a, b } = await twoWriters();
    const rubricB = await b.getRubric({});
    const rubricA = await a.getRubric({});
    const [c0, c1] = rubricA.criteria;
    await a.setRubric({ rubric: { criteria: rubricA.criteria.map((c) => (c.id === c0!.id ? { ...c, weight: 7 } : c)) } });
    await b.setRubric({ rubric: { criteria: rubricB.criteria.map((c) => (c.id === c1!.id ? { ...c, weight: 9 } : c)) } });
    const onDisk = await (await openProject(dir)).handlers.getRubric({});
    expect(onDisk.criteria.find((c) => c.id === c0!.id)!.weight).toBe(7);
    expect(onDisk.criteria.find((c) => c.id === c1!.id)!.weight).toBe(9);
  });

  it('compendium: the part A added survives B saving the draft B had loaded', async () => {
    const { dir, a, b } = await twoWriters();
    await a.setCompendium({ draft: { title: '汇编', parts: [{ title: '第一篇', caseIds: ['c1'] }], indicatorTables: true, updatedAt: '' } });
    const seenByB = (await b.getCompendium({})).draft!;
    const seenByA = (await a.getCompendium({})).draft!;
    await a.setCompendium({ draft: { ...seenByA, parts: [...seenByA.parts, { title: '第二篇', caseIds: ['c2'] }] } });
    await b.setCompendium({ draft: { ...seenByB, title: '汇编（修订）' } });
    const draft = (await (await openProject(dir)).handlers.getCompendium({})).draft!;
    expect(draft.title).toBe('汇编（修订）');
    expect(draft.parts.map((p) => [p.title, p.caseIds])).toEqual([
      ['第一篇', ['c1']],
      ['第二篇', ['c2']],
    ]);
  });

  it("case text: B's revision made on the text A replaced is refused as a conflict, its text kept for a person; A's spans stay on A's text after a restart", async () => {
    const { dir, a, b } = await twoWriters();
    const text = await textOf(a);
    await textOf(b);
    await a.addSpan({ caseId: 'c1', start: text.indexOf('26.82%'), end: text.indexOf('26.82%') + 6, label: 'indicator' });
    await a.reviseText({ caseId: 'c1', text: `A的前言。\n${text}`, baseRevision: 0 });
    const error = await errorOf(b.reviseText({ caseId: 'c1', text: text.replace('推广', '普及'), baseRevision: 0 }));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toMatch(/revised meanwhile: it is at revision 1 \(by alice/);
    const conflicts = await b.listRevisionConflicts({ caseId: 'c1' });
    expect(conflicts.map((c) => [c.author, c.revision, c.baseRevision, c.text])).toEqual([['bob', 1, 0, text.replace('推广', '普及')]]);
    const reopened = await openProject(dir, 'alice');
    const detail = await reopened.handlers.getCase({ caseId: 'c1' });
    expect(detail.text).toBe(`A的前言。\n${text}`);
    expect(detail.spans.map((s) => [s.quote.exact, detail.text.slice(s.start, s.end)])).toEqual([['26.82%', '26.82%']]);
    // B applies the conflict on top: a revision 2, A's text kept as revision 1; the conflict is gone.
    const applied = await b.resolveRevisionConflict({ caseId: 'c1', id: conflicts[0]!.id, action: 'apply' });
    expect(applied.revision).toBe(2);
    expect((await b.listRevisions({ caseId: 'c1' })).map((r) => r.author)).toEqual(['test', 'alice', 'bob']);
    expect(await b.listRevisionConflicts({})).toEqual([]);
    const afterAll = await (await openProject(dir, 'alice')).handlers.getCase({ caseId: 'c1' });
    for (const s of afterAll.spans) expect(afterAll.text.slice(s.start, s.end)).toBe(s.quote.exact);
  });

  it('case text: a discarded revision conflict leaves the case as it is and stays in its file, marked', async () => {
    const { a, b } = await twoWriters();
    const text = await textOf(a);
    await a.reviseText({ caseId: 'c1', text: `${text}\n尾声。`, baseRevision: 0 });
    await errorOf(b.reviseText({ caseId: 'c1', text: `开头。\n${text}`, baseRevision: 0 }));
    const [conflict] = await a.listRevisionConflicts({});
    expect(await a.resolveRevisionConflict({ caseId: 'c1', id: conflict!.id, action: 'discard' })).toMatchObject({ discarded: conflict!.id, revision: 1 });
    expect(await a.listRevisionConflicts({})).toEqual([]);
    expect(await errorOf(b.resolveRevisionConflict({ caseId: 'c1', id: conflict!.id, action: 'apply' }))).toMatchObject({ code: 'not-found' });
    expect(await textOf(b)).toBe(`${text}\n尾声。`);
  });

  it('adjudication: ten decisions from two workbenches, alternating, are all kept', async () => {
    const { dir, a, b } = await twoWriters();
    const text = await textOf(a, 'c2');
    const carol = await openProject(dir, 'carol');
    const starts = Array.from({ length: 10 }, (_, i) => i * 1);
    const spans = [];
    for (const s of starts) spans.push(await carol.handlers.addSpan({ caseId: 'c2', start: s, end: s + 1, label: 'indicator' }));
    for (const [i, s] of spans.entries()) {
      const api = i % 2 ? b : a;
      await api.adjudicate({ caseId: 'c2', decisions: [{ start: s.start, end: s.end, spanIds: [s.id], candidateIds: [s.id] }] });
    }
    const consensus = (await (await openProject(dir, 'consensus')).handlers.getCase({ caseId: 'c2' })).spans;
    expect(consensus.map((s) => s.quote.exact)).toEqual(starts.map((s) => text.slice(s, s + 1)));
  });

  it('adjudication: deciding a difference another workbench decided since the committee looked is a conflict', async () => {
    const { dir, a, b } = await twoWriters();
    const carol = await openProject(dir, 'carol');
    const span = await carol.handlers.addSpan({ caseId: 'c2', start: 0, end: 3, label: 'indicator' });
    const other = await carol.handlers.addSpan({ caseId: 'c2', start: 5, end: 8, label: 'indicator' });
    // B's page shows no consensus yet; A decides the first difference.
    await a.adjudicate({ caseId: 'c2', decisions: [{ start: 0, end: 3, spanIds: [span.id], candidateIds: [span.id] }] });
    const error = await errorOf(b.adjudicate({ caseId: 'c2', seenConsensus: [], decisions: [{ start: 0, end: 3, spanIds: [], candidateIds: [span.id] }] }));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toContain('decided meanwhile');
    // Nothing of B's was written; A's decision stands, and B decides another difference fine.
    await b.adjudicate({ caseId: 'c2', seenConsensus: [], decisions: [{ start: 5, end: 8, spanIds: [other.id], candidateIds: [other.id] }] });
    const consensus = (await (await openProject(dir, 'consensus')).handlers.getCase({ caseId: 'c2' })).spans;
    expect(consensus.map((s) => [s.start, s.end])).toEqual([
      [0, 3],
      [5, 8],
    ]);
  });

  it("import: annotations imported for bob through alice's workbench are kept by bob's next write", async () => {
    const { dir, a, b } = await twoWriters();
    const text = await textOf(b);
    await b.addSpan({ caseId: 'c1', start: 0, end: 2, label: 'indicator' });
    const at = text.indexOf('26.82%');
    const report = await a.importAnnotations({ reviewer: 'bob', content: JSON.stringify({ case: 'c1', start: at, end: at + 6, label: 'indicator', quote: '26.82%' }) });
    expect(report.imported).toBe(1);
    await b.addSpan({ caseId: 'c1', start: text.indexOf('推广'), end: text.indexOf('推广') + 2, label: 'lesson' });
    const spans = (await (await openProject(dir, 'bob')).handlers.getCase({ caseId: 'c1' })).spans;
    expect(spans.map((s) => s.quote.exact).sort()).toEqual([text.slice(0, 2), '26.82%', '推广'].sort());
  });

  it('the same reviewer in two windows: spans both add to one case are all kept, and each sees the other\'s', async () => {
    const { dir, a, b } = await twoWriters('alice', 'alice');
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? b : a).addSpan({ caseId: 'c2', start: i, end: i + 1, label: 'indicator' })));
    expect((await a.getCase({ caseId: 'c2' })).spans).toHaveLength(6);
    expect((await b.getCase({ caseId: 'c2' })).spans).toHaveLength(6);
    expect((await (await openProject(dir, 'alice')).handlers.getCase({ caseId: 'c2' })).spans).toHaveLength(6);
    expect((await a.listCases({})).find((c) => c.id === 'c2')!.spanCounts.alice).toBe(6);
  });

  it('what the other wrote is shown: changesSince names the files, and the case list and the case follow', async () => {
    const { a, b } = await twoWriters();
    const { seq } = await a.changesSince({ since: 0 });
    await b.addSpan({ caseId: 'c2', start: 0, end: 2, label: 'indicator' });
    await b.setCaseStatus({ caseId: 'c2', status: 'done' });
    const changes = await a.changesSince({ since: seq });
    expect(changes.files).toEqual(expect.arrayContaining(['reviews/bob.json']));
    expect(changes.seq).toBeGreaterThan(seq);
    expect((await a.listCases({})).find((c) => c.id === 'c2')!.status.bob).toBe('done');
    expect((await a.getCase({ caseId: 'c2', reviewers: 'all' })).spans.map((s) => s.reviewer)).toEqual(['bob']);
    expect((await a.changesSince({ since: changes.seq })).files).toEqual([]);
  });
});

describe('watching the folder', () => {
  it("notices another writer's files without being asked (debounced), and reads them in", async () => {
    const { a, b, A } = await twoWriters();
    expect(A.store.watch()).toBe(true);
    await a.getCase({ caseId: 'c2', reviewers: 'all' });
    const seq = A.store.changes.seq;
    await b.addSpan({ caseId: 'c2', start: 0, end: 2, label: 'indicator' });
    await b.setCaseStatus({ caseId: 'c2', status: 'done' });
    for (let i = 0; i < 200 && !A.store.changes.since(seq).some((c) => c.file === 'reviews/bob.json'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(A.store.changes.since(seq).map((c) => c.file)).toContain('reviews/bob.json');
    expect(A.store.reviewerCase('bob', 'c2')?.status).toBe('done');
    A.store.close();
  });
});

describe('concurrent calls on one workbench', () => {
  it('three revisions on base 0 at once: one stored, two refused as conflicts with their texts kept', async () => {
    const { service } = await smallProject();
    const api = (await openProject(service.store.dir, 'editor1')).handlers;
    const text = await textOf(api);
    const results = await Promise.allSettled([1, 2, 3].map((n) => api.reviseText({ caseId: 'c1', text: `${text}\n补充${n}。`, baseRevision: 0 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(['conflict', 'conflict']);
    expect((await api.listRevisions({ caseId: 'c1' })).map((r) => r.revision)).toEqual([0, 1]);
    expect((await api.listRevisionConflicts({ caseId: 'c1' })).map((c) => c.revision)).toEqual([1, 1]);
  });

  it('four score changes of different criteria at once: all four kept', async () => {
    const { service } = await smallProject();
    const s = await openProject(service.store.dir, 'alice');
    const criteria = (await s.handlers.getRubric({})).criteria.slice(0, 4);
    expect(criteria).toHaveLength(4);
    await Promise.all(criteria.map((c, i) => s.handlers.setScore({ caseId: 'c1', ratings: { [c.id]: c.min + (i % (c.max - c.min)) } })));
    const score = (await (await openProject(service.store.dir)).handlers.getScores({ caseId: 'c1' })).alice!;
    expect(Object.keys(score.ratings).sort()).toEqual(criteria.map((c) => c.id).sort());
  });

  it('statuses, metadata and decisions of one case changed at once are all kept', async () => {
    const { service } = await smallProject();
    const s = await openProject(service.store.dir, 'alice');
    await Promise.all([s.handlers.setCaseStatus({ caseId: 'c1', status: 'in-progress' }), s.handlers.setCaseMeta({ caseId: 'c1', meta: { tags: ['好'] } }), s.handlers.setScore({ caseId: 'c1', comment: '写得好' })]);
    const rc = (await openProject(service.store.dir)).store.reviewerCase('alice', 'c1')!;
    expect([rc.status, rc.meta?.tags, rc.score?.comment]).toEqual(['in-progress', ['好'], '写得好']);
  });
});
