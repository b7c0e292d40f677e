import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, validateInput } from '../../shared/api/errors.ts';
import type { ProjectHandlers } from '../../shared/api/contract.ts';
import { createProject, openProject } from './open-project.ts';
import { errorOf } from './errors.fixture.ts';

const CASE = 'hc2024-03'; // 河北省：高位推进 部门联动 努力推动将健康融入所有政策

async function freshProject(reviewer = 'alice') {
  const dir = mkdtempSync(join(tmpdir(), 'casebench-service-'));
  const { service } = await createProject(join(dir, 'p'), null);
  await service.handlers.setReviewer({ name: reviewer });
  return { dir: join(dir, 'p'), service, api: service.handlers };
}

const onDisk = (dir: string, reviewer: string, caseId: string) =>
  JSON.parse(readFileSync(join(dir, 'reviews', `${reviewer}.spans`, `${caseId}.json`), 'utf8')) as { spans: Array<{ id: string; start: number; end: number; label: string; quote: { exact: string }; fields: Record<string, unknown>; orphan?: unknown }> };


describe('ProjectService on the bundled corpus', () => {
  let dir: string;
  let api: ProjectHandlers;
  let service: Awaited<ReturnType<typeof freshProject>>['service'];
  let text: string;

  beforeAll(async () => {
    ({ dir, api, service } = await freshProject());
    text = (await api.getCase({ caseId: CASE })).text;
  });

  it('knows the project: five documents, 87 cases, the reviewer', async () => {
    const info = await api.projectInfo({});
    expect(info.documents.map((d) => [d.id, d.caseCount])).toEqual([
      ['hc2024', 30],
      ['henan2022', 10],
      ['counties2022', 20],
      ['hebei2022', 17],
      ['news2022', 10],
    ]);
    expect(info.reviewer).toBe('alice');
    expect(info.reviewers).toEqual(['alice']);
  });

  it('adds a span durably, with its quote and context, and counts it', async () => {
    const start = text.indexOf('领导重视是前提');
    const span = await api.addSpan({ caseId: CASE, start, end: start + 7, label: 'lesson', fields: { headline: '领导重视是前提' } });
    expect(span.quote.exact).toBe('领导重视是前提');
    expect(span.quote.prefix.endsWith('（二）')).toBe(true);
    const shard = onDisk(dir, 'alice', CASE);
    expect(shard.spans.map((s) => [s.id, s.label, s.quote.exact])).toEqual([[span.id, 'lesson', '领导重视是前提']]);
    // The counts, a cache of the shards: at once in memory, in the reviewer's index on disk with the next batch (or the flush).
    expect(service.store.reviewerCase('alice', CASE)).toMatchObject({ spanCount: 1, labelCounts: { lesson: 1 }, status: 'in-progress' });
    await service.store.flush();
    const index = JSON.parse(readFileSync(join(dir, 'reviews', 'alice.json'), 'utf8'));
    expect(index.cases[CASE]).toMatchObject({ spanCount: 1, labelCounts: { lesson: 1 }, status: 'in-progress' });
    await api.deleteSpan({ caseId: CASE, id: span.id });
  });

  it('coerces indicator fields to numbers and refuses what the schema does not allow', async () => {
    const at = text.indexOf('2024年 9月底');
    const span = await api.addSpan({ caseId: CASE, start: at, end: at + 4, label: 'indicator', fields: { value: '2,024', unit: '年', direction: 'up' } });
    expect(span.fields).toEqual({ value: 2024, unit: '年', direction: 'up' });
    expect((await errorOf(api.addSpan({ caseId: CASE, start: at, end: at + 4, label: 'indicator', fields: { value: 'many' } }))).message).toMatch(/takes a number/);
    expect((await errorOf(api.addSpan({ caseId: CASE, start: at, end: at + 4, label: 'indicator', fields: { direction: 'sideways' } }))).message).toMatch(/takes one of up, down, none/);
    await api.deleteSpan({ caseId: CASE, id: span.id });
  });

  it.each([
    ['an unknown label', { start: 0, end: 2, label: 'nope' }, 'invalid-input', /no label "nope"/],
    ['a span past the end', { start: 0, end: 10_000_000, label: 'lesson' }, 'invalid-input', /past the end/],
    ['a stale quote', { start: 0, end: 2, label: 'lesson', quote: '不是' }, 'conflict', /the case text has changed/],
  ])('refuses %s', async (_name, input, code, message) => {
    const e = await errorOf(api.addSpan({ caseId: CASE, ...input }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('undoes and redoes add, edit and delete, on disk each time', async () => {
    const at = text.indexOf('技术支撑是保障');
    const span = await api.addSpan({ caseId: CASE, start: at, end: at + 7, label: 'lesson' });
    await api.updateSpan({ caseId: CASE, id: span.id, label: 'practice', note: '其实是做法' });
    await api.deleteSpan({ caseId: CASE, id: span.id });
    expect(onDisk(dir, 'alice', CASE).spans).toHaveLength(0);
    expect((await api.undo({})).applied).toBe('delete span');
    expect(onDisk(dir, 'alice', CASE).spans.map((s) => s.label)).toEqual(['practice']);
    expect((await api.undo({})).applied).toBe('edit Practice');
    expect(onDisk(dir, 'alice', CASE).spans.map((s) => s.label)).toEqual(['lesson']);
    expect((await api.undo({})).applied).toBe('add Lesson');
    expect(onDisk(dir, 'alice', CASE).spans).toHaveLength(0);
    const state = await api.redo({});
    expect(state).toMatchObject({ applied: 'add Lesson', canUndo: true, canRedo: true, redoLabel: 'edit Practice' });
    expect(onDisk(dir, 'alice', CASE).spans.map((s) => s.label)).toEqual(['lesson']);
    await api.redo({});
    await api.redo({});
    expect(onDisk(dir, 'alice', CASE).spans).toHaveLength(0);
    expect((await api.redo({})).applied).toBeNull();
  });

  it('tags sections: change kinds, add, move, remove, and undo', async () => {
    const loader = (await api.getCase({ caseId: CASE })).sections;
    expect(loader.every((s) => s.source === 'loader' && !s.confirmed)).toBe(true);
    const i = loader.findIndex((s) => s.heading === '推进成效');
    let sections = await api.tagSection({ action: 'set-kinds', caseId: CASE, index: i, kinds: ['results', 'lessons'] });
    expect(sections[i]).toMatchObject({ heading: '推进成效', kinds: ['results', 'lessons'], confirmed: true });
    const at = text.indexOf('2021年，石家庄市');
    sections = await api.tagSection({ action: 'add', caseId: CASE, start: at, headingEnd: at + 10, level: 2, kinds: ['background'] });
    const added = sections.find((s) => s.start === at)!;
    expect(added).toMatchObject({ source: 'reviewer', level: 2, heading: '2021年，石家庄市' });
    expect(added.end).toBe(sections.find((s) => s.start > at && s.level <= 2)!.start);
    await api.undo({});
    expect((await api.getCase({ caseId: CASE })).sections.some((s) => s.start === at)).toBe(false);
    sections = await api.tagSection({ action: 'remove', caseId: CASE, index: 0 });
    expect(sections).toHaveLength(loader.length - 1);
    await api.tagSection({ action: 'reset', caseId: CASE });
    expect((await api.getCase({ caseId: CASE })).sections.map((s) => s.kinds)).toEqual(loader.map((s) => s.kinds));
  });

  it('searches the corpus regardless of full- and half-width forms', async () => {
    const hits = await api.search({ query: '９１％' });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.match.normalize('NFKC')).toBe('91%');
    const c = await api.getCase({ caseId: hits[0]!.caseId });
    expect(c.text.slice(hits[0]!.start, hits[0]!.end)).toBe(hits[0]!.match);
  });

  it('filters the case list by document, part, label and status', async () => {
    expect((await api.listCases({ documentId: 'news2022' })).map((c) => c.id)).toHaveLength(10);
    expect((await api.listCases({ part: '重大疾病篇' })).map((c) => c.ordinal)).toEqual([24, 25, 26, 27, 28, 29, 30]);
    const at = text.indexOf('领导重视是前提');
    const s = await api.addSpan({ caseId: CASE, start: at, end: at + 7, label: 'lesson' });
    await api.setCaseStatus({ caseId: CASE, status: 'in-progress' });
    expect((await api.listCases({ label: 'lesson' })).map((c) => c.id)).toEqual([CASE]);
    expect((await api.listCases({ status: 'in-progress' })).map((c) => c.id)).toEqual([CASE]);
    expect((await api.listCases({ status: 'todo' })).length).toBe(86);
    await api.deleteSpan({ caseId: CASE, id: s.id });
    await api.setCaseStatus({ caseId: CASE, status: 'todo' });
  });
});

describe('revising a text re-anchors every reviewer, each written by its own workbench', () => {
  it('reports moved, unchanged, re-found and orphaned; orphans wait to be placed or dropped', async () => {
    const { dir, api } = await freshProject('editor');
    const caseId = 'hc2024-15';
    const text = (await api.getCase({ caseId })).text;
    const mark = async (quote: string, label = 'indicator') => {
      const at = text.indexOf(quote);
      expect(at, quote).toBeGreaterThanOrEqual(0);
      return api.addSpan({ caseId, start: at, end: at + quote.length, label });
    };
    const early = await mark(text.slice(0, 12), 'practice'); // before the edits: unchanged
    const moved = await mark(text.slice(text.length - 30, text.length - 20), 'lesson'); // after an insertion: moved
    const rewritten = await mark(text.slice(200, 240), 'practice'); // this sentence is replaced wholesale
    // Bob annotates the same case in his own file.
    const bob = await openProject(dir, 'bob');
    const bobsSpan = await bob.handlers.addSpan({ caseId, start: text.length - 30, end: text.length - 20, label: 'lesson' });
    await bob.store.flush();
    const bobFileBefore = readFileSync(join(dir, 'reviews', 'bob.spans', `${caseId}.json`), 'utf8');

    const revised = text.slice(0, 150) + '（编者补充的一段文字。）' + text.slice(150, 200) + '这一句被编者完全改写了，与原文毫不相干。' + text.slice(240);
    const report = await api.reviseText({ caseId, text: revised, note: '修订' });
    expect(report).toMatchObject({ revision: 1, unchanged: 1, moved: 2, orphaned: 1, refound: 0 });
    expect(report.byReviewer).toEqual({ bob: { unchanged: 0, moved: 1, refound: 0, orphaned: 0 }, editor: { unchanged: 1, moved: 1, refound: 0, orphaned: 1 } });

    const detail = await api.getCase({ caseId });
    expect(detail.revision).toBe(1);
    expect(detail.spans.map((s) => [s.id, revised.slice(s.start, s.end) === s.quote.exact])).toEqual([
      [early.id, true],
      [moved.id, true],
    ]);
    expect(detail.orphans.map((s) => s.id)).toEqual([rewritten.id]);
    expect(detail.orphans[0]!.orphan).toMatchObject({ fromRevision: 0, previousStart: 200, previousEnd: 240 });

    // One writer per file: the editor did not touch Bob's file; Bob's workbench carries his span forward.
    expect(readFileSync(join(dir, 'reviews', 'bob.spans', `${caseId}.json`), 'utf8')).toBe(bobFileBefore);
    const bobAgain = await openProject(dir, 'bob');
    const bobs = (await bobAgain.handlers.getCase({ caseId })).spans;
    expect(bobs.map((s) => [s.id, s.revision, revised.slice(s.start, s.end) === s.quote.exact])).toEqual([[bobsSpan.id, 1, true]]);
    await bobAgain.store.flush();
    expect(onDisk(dir, 'bob', caseId).spans[0]).toMatchObject({ id: bobsSpan.id, start: bobs[0]!.start });

    // Place the orphan by hand, then undo that and drop it instead.
    const at = revised.indexOf('这一句被编者完全改写了');
    const placed = await api.resolveOrphan({ action: 'place', caseId, id: rewritten.id, start: at, end: at + 11 });
    expect(placed).toMatchObject({ start: at, quote: { exact: '这一句被编者完全改写了' } });
    expect(await api.listOrphans({ caseId })).toEqual([]);
    await api.undo({});
    expect((await api.listOrphans({ caseId })).map((s) => s.id)).toEqual([rewritten.id]);
    await api.resolveOrphan({ action: 'drop', caseId, id: rewritten.id });
    expect(onDisk(dir, 'editor', caseId).spans.map((s) => s.id).sort()).toEqual([early.id, moved.id].sort());

    // Every revision is kept, with what its re-anchoring did (every reviewer's spans counted).
    const history = await api.listRevisions({ caseId });
    expect(history.map((r) => [r.revision, r.note])).toEqual([
      [0, 'loaded from healthy-china-2024-typical-cases-compendium.txt'],
      [1, '修订'],
    ]);
    expect(history[0]!.report).toBeUndefined();
    expect(history[1]!.report).toEqual({ unchanged: report.unchanged, moved: report.moved, refound: report.refound, orphaned: report.orphaned });
    expect(report.orphaned).toBeGreaterThan(0);
    expect((await api.getRevisionText({ caseId, revision: 0 })).text).toBe(text);
    expect((await errorOf(api.reviseText({ caseId, text: revised + '。', baseRevision: 0 }))).code).toBe('conflict');
  });
});

describe('a project survives reopening and corruption', () => {
  it('keeps every annotation across a reopen', async () => {
    const { dir, api, service } = await freshProject();
    const t = (await api.getCase({ caseId: 'news2022-01' })).text;
    await api.addSpan({ caseId: 'news2022-01', start: t.indexOf('1301'), end: t.indexOf('1301') + 4, label: 'indicator' });
    await service.store.flush();
    const again = await openProject(dir, 'alice');
    expect((await again.handlers.getCase({ caseId: 'news2022-01' })).spans.map((s) => s.quote.exact)).toEqual(['1301']);
  });

  it('restores a corrupt reviewer file from its backup and tells the user', async () => {
    const { dir, api, service } = await freshProject();
    await api.setCaseStatus({ caseId: CASE, status: 'in-progress' });
    await api.setCaseStatus({ caseId: CASE, status: 'done' }); // within the backup interval: no second backup
    await service.store.flush();
    writeFileSync(join(dir, 'reviews', 'alice.json'), '{"schemaVersion":1,"reviewer":"alice","cas');
    const again = await openProject(dir);
    const info = await again.handlers.projectInfo({});
    expect(info.recovered).toHaveLength(1);
    expect(info.recovered[0]!.message).toMatch(/reviews\/alice\.json was corrupt .* set aside as reviews\/alice\.json\.corrupt-\d+/);
    expect(info.reviewers).toEqual(['alice']);
  });

  it('keeps the editable rubric and label schema in the project', async () => {
    const { dir, api, service } = await freshProject();
    const rubric = await api.getRubric({});
    expect(rubric.criteria.map((c) => [c.name.zh, c.min, c.max])).toEqual([
      ['创新性', 1, 5],
      ['实效性', 1, 5],
      ['可推广性', 1, 5],
      ['规范性', 1, 5],
    ]);
    await api.setRubric({ rubric: { criteria: [...rubric.criteria, { id: 'equity', name: { zh: '公平性', en: 'Equity' }, description: { zh: '', en: '' }, min: 1, max: 3, weight: 0.5 }] } });
    const schema = await api.getSchema({});
    await api.setSchema({ schema: { labels: schema.labels.map((l) => (l.id === 'lesson' ? { ...l, name: { zh: '经验', en: 'Lesson' } } : l)) } });
    await service.store.flush();
    const again = await openProject(dir);
    expect((await again.handlers.getRubric({})).criteria.at(-1)).toMatchObject({ id: 'equity', max: 3 });
    expect((await again.handlers.getSchema({})).labels.find((l) => l.id === 'lesson')!.name.zh).toBe('经验');
    expect(() => validateInput('setRubric', { rubric: { criteria: [{ id: 'x', name: { zh: 'x', en: 'x' }, description: { zh: '', en: '' }, min: 5, max: 1, weight: 1 }] } })).toThrow(/scale must go up/);
  });

  it('edits the label schema: a new label with fields; no reader key as hotkey; no removing a label in use', async () => {
    const { api } = await freshProject();
    const schema = await api.getSchema({});
    const target = { id: 'target', name: { zh: '目标', en: 'Target' }, color: '#4db6ac', cue: 'dotted' as const, glyph: '标', hotkey: '7', fields: [{ key: 'year', name: { zh: '年份', en: 'Year' }, type: 'year' as const }] };
    const saved = await api.setSchema({ schema: { labels: [...schema.labels, target] } });
    expect(saved.labels.at(-1)).toEqual(target);
    const text = (await api.getCase({ caseId: CASE })).text;
    const at = text.indexOf('领导重视是前提');
    await api.addSpan({ caseId: CASE, start: at, end: at + 7, label: 'target', fields: { year: 2024 } });
    // 'a' accepts a suggestion in the reader; a label may not take it.
    expect(() => validateInput('setSchema', { schema: { labels: [...schema.labels, { ...target, hotkey: 'a' }] } })).toThrow(/reader's keys/);
    const inUse = await errorOf(api.setSchema({ schema }));
    expect(inUse).toMatchObject({ code: 'conflict' });
    expect(inUse.message).toBe('cannot remove label "target" (1 annotations): relabel, edit or delete those annotations first');
    // A field keeps accepting what is stored in it: year → a choice without that value is refused.
    const asChoice = saved.labels.map((l) => (l.id === 'target' ? { ...l, fields: [{ key: 'year', name: l.fields[0]!.name, type: 'choice' as const, choices: ['近期', '远期'] }] } : l));
    expect((await errorOf(api.setSchema({ schema: { labels: asChoice } }))).message).toMatch(/^field "year" of "target" would no longer accept the values of 1 annotations/);
    // An orphan still uses its label: the label cannot go while it waits to be placed again.
    const c = await api.getCase({ caseId: 'hc2024-01' });
    const pos = c.text.indexOf('37.7%');
    await api.addSpan({ caseId: 'hc2024-01', start: pos, end: pos + 5, label: 'challenge' });
    await api.reviseText({ caseId: 'hc2024-01', text: c.text.replace('37.7%', '三成多') });
    expect((await api.getCase({ caseId: 'hc2024-01' })).orphans.map((o) => o.label)).toEqual(['challenge']);
    expect((await errorOf(api.setSchema({ schema: { labels: saved.labels.filter((l) => l.id !== 'challenge') } }))).message).toMatch(/cannot remove label "challenge" \(1 annotations\)/);
    expect((await api.getSchema({})).labels.map((l) => l.id)).toContain('target');
    // An unused label goes.
    const without = await api.setSchema({ schema: { labels: saved.labels.filter((l) => l.id !== 'innovation') } });
    expect(without.labels.map((l) => l.id)).toEqual(['indicator', 'lesson', 'practice', 'policy', 'challenge', 'target']);
  });

  it("reads a teammate's stale counts without writing their index (one writer per file)", async () => {
    const { dir, api, service } = await freshProject('alice');
    const bob = await openProject(dir, 'bob');
    const text = (await bob.handlers.getCase({ caseId: CASE })).text;
    const at = text.indexOf('领导重视是前提');
    await bob.handlers.addSpan({ caseId: CASE, start: at, end: at + 7, label: 'lesson' });
    await bob.store.flush();
    // Bob's index says 5 spans (stale, e.g. synced before his span file).
    const bobIndex = join(dir, 'reviews', 'bob.json');
    const index = JSON.parse(readFileSync(bobIndex, 'utf8'));
    index.cases[CASE].spanCount = 5;
    writeFileSync(bobIndex, JSON.stringify(index));
    const before = readFileSync(bobIndex, 'utf8');
    const seen = await api.getCase({ caseId: CASE, reviewers: ['bob'] });
    expect(seen.spans).toHaveLength(1);
    expect((await api.listCases({})).find((c) => c.id === CASE)!.spanCounts.bob).toBe(1);
    await service.store.flush();
    expect(readFileSync(bobIndex, 'utf8')).toBe(before);
  });

  it('refuses to open a folder that is not a project', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebench-empty-'));
    await expect(openProject(dir)).rejects.toThrow(/is not a casebench project \(no casebench\.json\)/);
  });
});

describe('API payload validation', () => {
  it.each([
    ['addSpan', { caseId: 'x', start: -1, end: 2, label: 'a' }, /start/],
    ['addSpan', { caseId: 'x', start: 5, end: 5, label: 'a' }, /must not be empty/],
    ['addSpan', { caseId: 'x', start: 1, end: 2, label: 'a', extra: true }, /extra|Unrecognized/i],
    ['setReviewer', { name: '../etc' }, /reviewer name/],
    ['tagSection', { action: 'explode', caseId: 'x' }, /action/],
    ['search', { query: '' }, /query/],
    ['listCases', 'not an object', /expected object/i],
  ])('%s rejects %j', (method, payload, message) => {
    expect(() => validateInput(method as 'addSpan', payload)).toThrow(ApiError);
    expect(() => validateInput(method as 'addSpan', payload)).toThrow(message);
  });
});
