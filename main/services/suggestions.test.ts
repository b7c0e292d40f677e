import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, openProject } from './open-project.ts';
import { applySuggestions } from './suggestions.ts';
import { errorOf } from './errors.fixture.ts';

async function project() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-suggest-')), 'p');
  const { service } = await createProject(dir, null);
  await service.store.flush();
  return { dir, editor: service };
}


const wait = async (job: { id: string }, handlers: { exportStatus: (i: { jobId: string }) => Promise<{ state: string; output: string | null; error: string | null }> }) => {
  for (;;) {
    const s = await handlers.exportStatus({ jobId: job.id });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('suggestions in a project', () => {
  it('applies suggestions for everyone as suggestions, not as anyone’s annotations', async () => {
    const { dir, editor } = await project();
    const report = await applySuggestions(editor, {});
    expect(report).toMatchObject({ cases: 87, for: null });
    expect(report.indicators).toBeGreaterThan(1000);
    expect(report.lessons).toBeGreaterThan(50);
    expect(existsSync(join(dir, 'suggestions', 'hc2024-01.json'))).toBe(true);
    const alice = await openProject(dir, 'alice');
    expect((await alice.handlers.stats({})).spans).toBe(0);
    const view = await alice.handlers.getSuggestions({ caseId: 'hc2024-01' });
    const overweight = view.items.find((s) => s.text === '37.7%')!;
    expect(overweight).toMatchObject({ label: 'indicator', state: 'pending', source: 'shared', fields: { metric: '北京市成人超重率', value: 37.7, unit: '%' } });
    expect(view.items.every((s) => view.items.indexOf(s) === 0 || s.start >= view.items[view.items.indexOf(s) - 1]!.start)).toBe(true);
  });

  it('accepts (with corrected fields) and rejects per reviewer, as one undoable step', async () => {
    const { dir, editor } = await project();
    await applySuggestions(editor, { caseIds: ['hc2024-01', 'hc2024-03'] });
    const alice = await openProject(dir, 'alice');
    const view = await alice.handlers.getSuggestions({ caseId: 'hc2024-01' });
    const a = view.items.find((s) => s.text === '37.7%')!;
    const b = view.items.find((s) => s.text === '26.7%')!;
    const { view: after, created } = await alice.handlers.decideSuggestions({
      caseId: 'hc2024-01',
      decisions: [
        { id: a.id, accept: true, fields: { year: 2022 } },
        { id: b.id, accept: false },
      ],
    });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ label: 'indicator', origin: 'suggestion', reviewer: 'alice', quote: { exact: '37.7%' }, fields: { metric: '北京市成人超重率', value: 37.7, year: 2022 } });
    expect(after.items.find((s) => s.id === a.id)!.state).toBe('accepted');
    expect(after.items.find((s) => s.id === b.id)!.state).toBe('rejected');
    await alice.store.flush();
    const onDisk = JSON.parse(readFileSync(join(dir, 'reviews', 'alice.json'), 'utf8'));
    expect(onDisk.cases['hc2024-01'].decisions).toEqual({ [a.id]: 'accepted', [b.id]: 'rejected' });
    // Bob decides for himself.
    const bob = await openProject(dir, 'bob');
    expect((await bob.handlers.getSuggestions({ caseId: 'hc2024-01' })).items.find((s) => s.id === a.id)!.state).toBe('pending');
    // One undo takes back both decisions and the span.
    await alice.handlers.undo({});
    const undone = await alice.handlers.getSuggestions({ caseId: 'hc2024-01' });
    expect([a.id, b.id].map((id) => undone.items.find((s) => s.id === id)!.state)).toEqual(['pending', 'pending']);
    expect((await alice.handlers.getCase({ caseId: 'hc2024-01' })).spans).toHaveLength(0);
    await alice.handlers.redo({});
    expect((await alice.handlers.getCase({ caseId: 'hc2024-01' })).spans.map((s) => s.quote.exact)).toEqual(['37.7%']);
    expect((await errorOf(alice.handlers.decideSuggestions({ caseId: 'hc2024-01', decisions: [{ id: 'sg-nope', accept: true }] }))).message).toMatch(/no suggestion sg-nope/);
  });

  it('keeps decisions through a revision of the text, and suggests for the new text', async () => {
    const { dir, editor } = await project();
    await applySuggestions(editor, { caseIds: ['hc2024-01'] });
    const alice = await openProject(dir, 'alice');
    const view = await alice.handlers.getSuggestions({ caseId: 'hc2024-01' });
    const rejected = view.items.find((s) => s.text === '26.7%')!;
    await alice.handlers.decideSuggestions({ caseId: 'hc2024-01', decisions: [{ id: rejected.id, accept: false }] });
    const text = (await alice.handlers.getCase({ caseId: 'hc2024-01' })).text;
    await alice.handlers.reviseText({ caseId: 'hc2024-01', text: `新增导语：参与率达到88.8%。\n${text}` });
    const revised = await alice.handlers.getSuggestions({ caseId: 'hc2024-01' });
    expect(revised.revision).toBe(1);
    const moved = revised.items.find((s) => s.id === rejected.id)!;
    expect(moved.state).toBe('rejected');
    expect(moved.start).toBe(rejected.start + '新增导语：参与率达到88.8%。\n'.length);
    expect(revised.items.some((s) => s.text === '88.8%' && s.state === 'pending')).toBe(true);
  });

  it('suggests for one reviewer alone, in their own file', async () => {
    const { dir, editor } = await project();
    await applySuggestions(editor, { caseIds: ['hc2024-03'], reviewer: 'alice' });
    expect(existsSync(join(dir, 'suggestions'))).toBe(false);
    await editor.store.flush();
    const alice = await openProject(dir, 'alice');
    const mine = await alice.handlers.getSuggestions({ caseId: 'hc2024-03' });
    expect(mine.items.length).toBeGreaterThan(3);
    expect(mine.items.every((s) => s.source === 'mine')).toBe(true);
    const bob = await openProject(dir, 'bob');
    expect((await bob.handlers.getSuggestions({ caseId: 'hc2024-03' })).items).toEqual([]);
    // Bob asks for his own in the workbench.
    const his = await bob.handlers.generateSuggestions({ caseId: 'hc2024-03' });
    expect(his.items.map((s) => s.id)).toEqual(mine.items.map((s) => s.id));
  });

  it('collects accepted lessons into the library, filters them, and exports them', async () => {
    const { dir, editor } = await project();
    await applySuggestions(editor, { caseIds: ['hc2024-03', 'hc2024-01'] });
    const alice = await openProject(dir, 'alice');
    const lessons = (await alice.handlers.getSuggestions({ caseId: 'hc2024-03' })).items.filter((s) => s.label === 'lesson');
    expect(lessons.map((s) => s.fields.headline)).toEqual(['实施健康影响评估意义重大', '领导重视是前提', '技术支撑是保障']);
    await alice.handlers.decideSuggestions({ caseId: 'hc2024-03', decisions: lessons.map((s) => ({ id: s.id, accept: true })) });
    const library = await alice.handlers.listLessons({});
    expect(library.map((l) => l.headline)).toEqual(['实施健康影响评估意义重大', '领导重视是前提', '技术支撑是保障']);
    expect(library[1]).toMatchObject({ caseId: 'hc2024-03', region: '河北省', part: '健康影响因素篇', section: '四、经验启示' });
    expect((await alice.handlers.listLessons({ query: '技术支撑' })).map((l) => l.headline)).toEqual(['技术支撑是保障']);
    expect(await alice.handlers.listLessons({ part: '重点人群篇' })).toEqual([]);
    const job = await alice.handlers.exportLessons({ format: 'csv' });
    const done = await wait(job, alice.handlers);
    expect(done.state).toBe('done');
    const csv = readFileSync(done.output!, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(csv).toContain('领导重视是前提');
  });
});
