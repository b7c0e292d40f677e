import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { exportDataset, parseExport } from '../../shared/export/index.ts';
import { smallProject } from '../store/small-project.fixture.ts';
import { buildDataset } from './dataset.ts';
import { openProject } from './open-project.ts';

/**
 * Alice retags c1's first section as lessons, adds a section, gives tags, category and year,
 * scores and finishes the case; Bob only tags it and marks it in progress. Both annotate.
 */
async function reviewedProject() {
  const { dir, service } = await smallProject();
  const alice = await openProject(dir, 'alice');
  const text = (await alice.handlers.getCase({ caseId: 'c1' })).text;
  const at = text.indexOf('26.82%');
  const span = await alice.handlers.addSpan({ caseId: 'c1', start: at, end: at + 6, label: 'indicator' });
  await alice.handlers.tagSection({ caseId: 'c1', action: 'set-kinds', index: 0, kinds: ['lessons'] });
  const added = text.indexOf('推广');
  await alice.handlers.tagSection({ caseId: 'c1', action: 'add', start: added, headingEnd: added + 4, level: 2, kinds: ['results'] });
  await alice.handlers.setCaseMeta({ caseId: 'c1', meta: { tags: ['X'], category: '慢病', year: 2023 } });
  await alice.handlers.setScore({ caseId: 'c1', ratings: { innovation: 4 }, evidence: { innovation: [span.id] }, comment: '好 😀', recommendation: 'include' });
  await alice.handlers.setCaseStatus({ caseId: 'c1', status: 'done' });
  await alice.store.flush();
  const bob = await openProject(dir, 'bob');
  await bob.handlers.addSpan({ caseId: 'c2', start: 0, end: 5, label: 'practice' });
  await bob.handlers.setCaseMeta({ caseId: 'c1', meta: { tags: ['Y'], category: '慢病' } });
  await bob.handlers.setCaseStatus({ caseId: 'c1', status: 'in-progress' });
  await bob.store.flush();
  return { dir, service, spanId: span.id };
}

describe('the dataset holds every reviewer’s layers, whoever builds it', () => {
  it.each([
    ['the CLI (no reviewer)', null],
    ['alice’s workbench', 'alice'],
    ['bob’s workbench', 'bob'],
  ])('%s', async (_who, reviewer) => {
    const { dir, spanId } = await reviewedProject();
    const dataset = await buildDataset(await openProject(dir, reviewer));
    const c1 = dataset.cases.find((c) => c.id === 'c1')!;
    expect(c1.reviews!.alice!.sections!.map((s) => [s.heading, s.kinds, s.source])).toEqual([
      ['背景', ['lessons'], 'loader'],
      ['做法', ['practices'], 'loader'],
      ['推广😀', ['results'], 'reviewer'], // four UTF-16 units: 😀 is two
    ]);
    expect(c1.reviews!.alice).toMatchObject({ status: 'done', meta: { tags: ['X'], category: '慢病', year: 2023 }, score: { ratings: { innovation: 4 }, evidence: { innovation: [spanId] }, comment: '好 😀', recommendation: 'include' } });
    // Bob has not touched the outline: the loader's sections stand for him.
    expect(c1.reviews!.bob).toEqual({ status: 'in-progress', meta: { tags: ['Y'], category: '慢病' } });
    expect(c1.status).toEqual({ alice: 'done', bob: 'in-progress' });
    // The case's own outline is the loader's; its metadata what the reviewers agree on.
    expect(c1.sections.map((s) => s.kinds)).toEqual([['background'], ['practices']]);
    expect(c1.meta).toEqual({ tags: ['X', 'Y'], category: '慢病', year: 2023 });
    expect(c1.part).toBe('慢病');
    expect(c1.revisions).toEqual([{ revision: 0, createdAt: '2024-05-01T08:00:00.000Z', author: 'test', note: 'hand-made', length: c1.text.length }]);
    expect(dataset.rubric!.criteria).toHaveLength(4);
    expect(dataset.spans.map((s) => `${s.reviewer}:${s.quote.exact}`)).toEqual(['alice:26.82%', 'bob:第二个案例']);
  });

  it.each(['json', 'jsonl'] as const)('%s: the sections, metadata and scores survive export and reading back', async (format) => {
    const { dir } = await reviewedProject();
    const dataset = await buildDataset(await openProject(dir));
    const parsed = parseExport(format, exportDataset(dataset, format).files);
    expect(parsed.issues).toEqual([]);
    const c1 = dataset.cases.find((c) => c.id === 'c1')!;
    expect(parsed.cases.find((c) => c.id === 'c1')!.reviews).toEqual(c1.reviews);
  });

  it('keeps only the reviewers asked for', async () => {
    const { dir } = await reviewedProject();
    const dataset = await buildDataset(await openProject(dir), ['bob']);
    expect(Object.keys(dataset.cases[0]!.reviews!)).toEqual(['bob']);
    expect(dataset.cases[0]!.meta).toEqual({ tags: ['Y'], category: '慢病' });
    expect(dataset.spans.map((s) => s.reviewer)).toEqual(['bob']);
  });
});

describe('stats count spans carried to the current text', () => {
  const revisedText = (text: string) => text.replace('26.82%', '三成');

  it.each([
    // [who revises, expected after: alice's spans, orphans]
    ['an editor (alice’s shard is left for her workbench to carry forward)', 'editor', { spans: 1, orphans: 1 }],
    ['alice herself (her shard is rewritten at once)', 'alice', { spans: 1, orphans: 1 }],
  ])('after a revision by %s, in the same process and in a new one', async (_name, editor, expected) => {
    const { dir } = await smallProject();
    const alice = await openProject(dir, 'alice');
    const text = (await alice.handlers.getCase({ caseId: 'c1' })).text;
    const at = text.indexOf('26.82%');
    await alice.handlers.addSpan({ caseId: 'c1', start: at, end: at + 6, label: 'indicator' });
    await alice.handlers.addSpan({ caseId: 'c1', start: text.indexOf('推广'), end: text.indexOf('推广') + 2, label: 'practice' });
    await alice.store.flush();
    const reviser = await openProject(dir, editor);
    const report = await reviser.handlers.reviseText({ caseId: 'c1', text: revisedText(text) });
    await reviser.store.flush();
    expect([report.orphaned, report.unchanged + report.moved + report.refound]).toEqual([expected.orphans, expected.spans]);
    for (const service of [reviser, await openProject(dir)]) {
      const stats = await service.handlers.stats({});
      expect([stats.spans, stats.orphans, stats.byReviewer.alice!.spans, stats.byLabel]).toEqual([expected.spans, expected.orphans, expected.spans, { practice: 1 }]);
      // What export leaves out as orphans is what stats counts.
      expect((await buildDataset(service)).orphans).toHaveLength(stats.orphans);
    }
  });

  it('counts orphans of a case whose every span was orphaned', async () => {
    const { dir } = await smallProject();
    const alice = await openProject(dir, 'alice');
    for (let i = 0; i < 7; i++) await alice.handlers.addSpan({ caseId: 'c2', start: i, end: i + 2, label: 'practice' });
    await alice.store.flush();
    await (await openProject(dir, 'editor')).handlers.reviseText({ caseId: 'c2', text: '完全不同的文本。'.repeat(3) });
    const stats = await (await openProject(dir)).handlers.stats({});
    expect([stats.spans, stats.orphans]).toEqual([0, 7]);
  });

  it('reads no span file when every index is at the current revision', async () => {
    const { dir } = await smallProject();
    const alice = await openProject(dir, 'alice');
    await alice.handlers.addSpan({ caseId: 'c2', start: 0, end: 5, label: 'practice' });
    await alice.store.flush();
    const service = await openProject(dir);
    const spans = vi.spyOn(service.store, 'spans');
    expect((await service.handlers.stats({})).spans).toBe(1);
    expect(spans).not.toHaveBeenCalled();
  });

  it('reads the span file of a revised case when the index is from before revisions were recorded in it', async () => {
    const { dir } = await smallProject();
    const alice = await openProject(dir, 'alice');
    const text = (await alice.handlers.getCase({ caseId: 'c1' })).text;
    await alice.handlers.addSpan({ caseId: 'c1', start: text.indexOf('26.82%'), end: text.indexOf('26.82%') + 6, label: 'indicator' });
    await alice.store.flush();
    await (await openProject(dir, 'editor')).handlers.reviseText({ caseId: 'c1', text: revisedText(text) });
    // An index written by an older casebench: counts, but no revision.
    const path = join(dir, 'reviews', 'alice.json');
    const index = JSON.parse(readFileSync(path, 'utf8'));
    delete index.cases.c1.spansRevision;
    writeFileSync(path, JSON.stringify(index));
    const stats = await (await openProject(dir)).handlers.stats({});
    expect([stats.spans, stats.orphans]).toEqual([0, 1]);
  });
});
