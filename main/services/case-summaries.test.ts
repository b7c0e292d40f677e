import { describe, expect, it } from 'vitest';
import type { ProjectHandlers } from '../../shared/api/contract.ts';
import { openProject } from './open-project.ts';
import { misreadProject } from './outline/outline.fixture.ts';
import { ProjectService } from './project-service.ts';

/**
 * The navigator's list keeps each case's summary until what it is made from changes
 * (ProjectService.summary). After every kind of change, the list must be the one a service with
 * nothing kept makes from the same store: a kept summary that outlived its change would show a
 * reviewer the wrong counts, status, score or title.
 */
const DOC = 'misread';

async function firstCase(api: ProjectHandlers) {
  const [c] = await api.listCases({});
  const detail = await api.getCase({ caseId: c!.id });
  return { id: c!.id, text: detail.text, spans: detail.spans };
}

const CHANGES: Array<[string, (service: ProjectService, dir: string) => Promise<unknown>]> = [
  ['a span added (counts deferred, status to 在审)', async (s) => {
    const c = await firstCase(s.handlers);
    return s.handlers.addSpan({ caseId: c.id, start: 0, end: 2, label: 'lesson' });
  }],
  ['a span relabelled', async (s) => {
    const c = await firstCase(s.handlers);
    const span = c.spans[0] ?? (await s.handlers.addSpan({ caseId: c.id, start: 0, end: 2, label: 'lesson' }));
    return s.handlers.updateSpan({ caseId: c.id, id: span.id, label: 'indicator' });
  }],
  ['a span deleted', async (s) => {
    const c = await firstCase(s.handlers);
    const span = c.spans[0] ?? (await s.handlers.addSpan({ caseId: c.id, start: 0, end: 2, label: 'lesson' }));
    return s.handlers.deleteSpan({ caseId: c.id, id: span.id });
  }],
  ['a status set', async (s) => s.handlers.setCaseStatus({ caseId: (await firstCase(s.handlers)).id, status: 'done' })],
  ['a score given', async (s) => {
    const [a, b] = (await s.handlers.getRubric({})).criteria;
    return s.handlers.setScore({ caseId: (await firstCase(s.handlers)).id, ratings: { [a!.id]: 5, [b!.id]: 1 } });
  }],
  ['the title, region and tags changed', async (s) => s.handlers.setCaseMeta({ caseId: (await firstCase(s.handlers)).id, meta: { title: '改过的标题', region: '丁省', tags: ['重点'] } })],
  ['the rubric reweighted', async (s) => {
    const rubric = await s.handlers.getRubric({});
    return s.handlers.setRubric({ rubric: { ...rubric, criteria: rubric.criteria.map((c, i) => (i === 0 ? { ...c, weight: c.weight * 3 } : c)) }, base: rubric });
  }],
  ['undo of the last change', async (s) => s.handlers.undo({})],
  ['the text revised (a new revision, another length)', async (s) => {
    const c = await firstCase(s.handlers);
    return s.handlers.reviseText({ caseId: c.id, text: `${c.text}\n补充：新增一段文字𠀀。` });
  }],
  ['two cases merged', async (s) => {
    const view = await s.handlers.getOutline({ documentId: DOC });
    return s.handlers.correctOutline({ documentId: DOC, edit: { op: 'merge', caseId: view.cases[0]!.id } });
  }],
  ["a teammate's work in their own workbench on the folder", async (_s, dir) => {
    const bob = await openProject(dir, '李四');
    const [c] = await bob.handlers.listCases({});
    await bob.handlers.addSpan({ caseId: c!.id, start: 1, end: 3, label: 'practice' });
    await bob.handlers.setCaseStatus({ caseId: c!.id, status: 'done' });
    await bob.store.flush();
  }],
  ['another reviewer at work in this workbench', async (s) => s.handlers.setReviewer({ name: '王五' })],
];

describe('case summaries kept between lists', () => {
  it('are, after each kind of change, what a service with nothing kept lists', async () => {
    const { dir, service } = await misreadProject('张三');
    const fresh = () => new ProjectService(service.store, { reviewer: service.reviewer }).handlers.listCases({});
    expect(await service.handlers.listCases({})).toEqual(await fresh());
    for (const [name, change] of CHANGES) {
      const before = JSON.stringify(await service.handlers.listCases({}));
      await change(service, dir);
      const after = await service.handlers.listCases({});
      expect(after, name).toEqual(await fresh());
      // Each change shows in the list (it is a change the list has to follow).
      expect(JSON.stringify(after), name).not.toBe(before);
    }
  });

  it('are the same objects while nothing changed, and made again only for the case that did', async () => {
    const { service } = await misreadProject('张三');
    const first = await service.handlers.listCases({});
    const again = await service.handlers.listCases({});
    expect(again.every((s, i) => s === first[i])).toBe(true);
    await service.handlers.addSpan({ caseId: first[0]!.id, start: 0, end: 2, label: 'lesson' });
    const after = await service.handlers.listCases({});
    expect(after[0]).not.toBe(first[0]);
    expect(after[0]!.spanCounts['张三']).toBe((first[0]!.spanCounts['张三'] ?? 0) + 1);
    expect(after.slice(1).every((s, i) => s === first[i + 1])).toBe(true);
  });

  it('rest on records replaced when they change: a revised case is a new record, its old one untouched', async () => {
    const { service } = await misreadProject('张三');
    const [c] = await service.handlers.listCases({});
    const before = service.store.getCase(c!.id)!;
    const revisions = before.revisions.length;
    const text = (await service.handlers.getCase({ caseId: c!.id })).text;
    await service.handlers.reviseText({ caseId: c!.id, text: `${text}\n补充一段。` });
    const after = service.store.getCase(c!.id)!;
    expect(after).not.toBe(before);
    expect(before.revisions).toHaveLength(revisions);
    expect(after.revisions).toHaveLength(revisions + 1);
  });
});
