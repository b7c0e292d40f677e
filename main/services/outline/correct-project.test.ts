import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { CaseFile, OutlineFile, ReviewerFile, SpansFile } from '../../store/file-kinds.ts';
import type { ProjectService } from '../project-service.ts';
import { misreadProject, paragraphIn, readJson, withBingInYi } from './outline.fixture.ts';

const DOC = 'misread';

/** Every placed span of every reviewer on disk, with the text under it read from the case files on disk. */
function spansOnDisk(dir: string): Array<SpanAnnotation & { under: string }> {
  const out: Array<SpanAnnotation & { under: string }> = [];
  for (const shardDir of readdirSync(join(dir, 'reviews')).filter((n) => n.endsWith('.spans'))) {
    for (const file of readdirSync(join(dir, 'reviews', shardDir))) {
      const { spans } = readJson<SpansFile>(dir, 'reviews', shardDir, file);
      for (const s of spans) {
        const c = readJson<CaseFile>(dir, 'corpus', 'cases', `${s.caseId}.json`).case;
        out.push({ ...s, under: c.revisions.at(-1)!.text.slice(s.start, s.end) });
      }
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

async function mark(service: ProjectService, caseId: string, quote: string, label = 'lesson'): Promise<SpanAnnotation> {
  const text = (await service.handlers.getCase({ caseId })).text;
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`"${quote}" is not in ${caseId}`);
  return service.handlers.addSpan({ caseId, start: at, end: at + quote.length, label });
}

const caseOf = (text: string) => async (service: ProjectService) => {
  const outline = await service.handlers.getOutline({ documentId: DOC });
  const c = outline.cases.find((x) => x.paragraphs.some((p) => p.text === text));
  if (!c) throw new Error(`no case holds "${text}": the loader reads the fixture differently now`);
  return { id: c.id, at: c.paragraphs.find((p) => p.text === text)!.start };
};

describe('outline corrections in a project with annotations', () => {
  it('split moves every reviewer’s spans, the score and the status to where their text went; merge brings them back; undo and redo are exact', async () => {
    const { dir, service } = await misreadProject('张三');
    const api = service.handlers;
    const before = await withBingInYi(await api.getOutline({ documentId: DOC }), async (e) => (await api.correctOutline({ documentId: DOC, edit: e })).view);
    const yi = paragraphIn(before, '乙县高血压患者')!.caseId;
    expect(paragraphIn(before, '丙区：打造健康社区')!.caseId).toBe(yi);
    const a = await mark(service, yi, '规范管理率不足40%');
    const b = await mark(service, yi, '建成健康步道40条', 'indicator');
    const onTitle = await mark(service, yi, '打造健康社区');
    await api.setScore({ caseId: yi, ratings: { innovation: 4 }, evidence: { effectiveness: [b.id] }, comment: '丙区的成效' });
    await api.setCaseStatus({ caseId: yi, status: 'done' });
    await api.setReviewer({ name: '李四' });
    const c = await mark(service, yi, '常住人口45万人');
    await api.setReviewer({ name: '张三' });
    await service.store.flush();
    const original = spansOnDisk(dir);
    expect(original.map((s) => s.under)).toEqual(original.map((s) => s.quote.exact));

    const bing = await caseOf('丙区：打造健康社区')(service);
    const split = await api.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: bing.id, at: bing.at, titleFromParagraph: true } });
    await service.store.flush();
    const x = split.added[0]!;
    expect(x).toMatch(/^misread-x\d+$/);
    const at = split.view.cases.findIndex((k) => k.id === x);
    expect(split.view.cases[at - 1]!.id).toBe(yi);
    expect(split.view.cases[at]).toMatchObject({ title: '打造健康社区', region: '丙区', ordinal: at + 1 });
    expect(split.view.cases.map((k) => k.id)).toEqual([...before.cases.map((k) => k.id).slice(0, at), x, ...before.cases.map((k) => k.id).slice(at)]);
    expect(split.spans).toEqual({ unchanged: 1, moved: 2, restored: 0, orphaned: 1 });
    const afterSplit = spansOnDisk(dir);
    // Nothing on other text: every placed span covers its quote, in the case file on disk.
    for (const s of afterSplit) if (!s.orphan) expect(s.under).toBe(s.quote.exact);
    expect(Object.fromEntries(afterSplit.map((s) => [s.id, [s.caseId, s.reviewer, s.orphan?.reason ?? 'placed']]))).toEqual({
      [a.id]: [yi, '张三', 'placed'],
      [b.id]: [x, '张三', 'placed'],
      [c.id]: [x, '李四', 'placed'],
      // The span on what is now the new case's title waits for a person.
      [onTitle.id]: [yi, '张三', 'outline-removed'],
    });
    const zhang = readJson<ReviewerFile>(dir, 'reviews', '张三.json');
    // The score follows its evidence; the status covers both parts.
    expect(zhang.cases[x]).toMatchObject({ status: 'done', score: { comment: '丙区的成效', evidence: { effectiveness: [b.id] } }, spanCount: 1 });
    expect(zhang.cases[yi]).toMatchObject({ status: 'done', spanCount: 1, orphanCount: 1 });
    expect(zhang.cases[yi]!.score).toBeUndefined();
    expect(readJson<ReviewerFile>(dir, 'reviews', '李四.json').cases[x]).toMatchObject({ spanCount: 1 });
    // The correction is kept over the source, beside the loader's result.
    const outline = readJson<OutlineFile>(dir, 'corpus', 'outline', `${DOC}.json`);
    expect(outline.corrections.at(-1)).toEqual(split.correction);
    expect(outline.titleParagraphs[x]!.text).toBe('丙区：打造健康社区');

    const merge = await api.correctOutline({ documentId: DOC, edit: { op: 'merge', caseId: yi } });
    await service.store.flush();
    expect(merge.removed).toEqual([x]);
    expect(merge.spans).toMatchObject({ moved: 2, restored: 1, orphaned: 0 });
    const strip = (s: SpanAnnotation) => ({ id: s.id, caseId: s.caseId, start: s.start, end: s.end, quote: s.quote, label: s.label, orphan: s.orphan ?? null, reviewer: s.reviewer });
    expect(spansOnDisk(dir).map(strip)).toEqual(original.map(strip));
    expect(readJson<ReviewerFile>(dir, 'reviews', '张三.json').cases[yi]).toMatchObject({ status: 'done', score: { comment: '丙区的成效', evidence: { effectiveness: [b.id] } } });
    expect((await api.getCase({ caseId: yi })).text).toBe(before.cases.find((k) => k.id === yi)!.paragraphs.map((p) => p.text).join('\n'));

    // Undo twice: the project is as it was before the split; redo twice: after the merge.
    expect((await api.historyState({})).undoLabel).toBe('outline: merge');
    await api.undo({});
    await api.undo({});
    await service.store.flush();
    expect(spansOnDisk(dir).map(strip)).toEqual(original.map(strip));
    expect((await api.getOutline({ documentId: DOC })).cases.map((k) => k.id)).toEqual(before.cases.map((k) => k.id));
    expect(readJson<OutlineFile>(dir, 'corpus', 'outline', `${DOC}.json`).corrections).toEqual(before.corrections);
    await api.redo({});
    expect((await api.getOutline({ documentId: DOC })).cases.map((k) => k.id)).toContain(x);
    await api.redo({});
    await service.store.flush();
    expect(spansOnDisk(dir).map(strip)).toEqual(original.map(strip));

    // A new split never takes the id of a case the document had.
    const used = readJson<OutlineFile>(dir, 'corpus', 'outline', `${DOC}.json`).usedCaseIds;
    const again = await api.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: bing.id, at: bing.at, titleFromParagraph: true } });
    expect(again.added).toHaveLength(1);
    expect(used).toContain(x);
    expect(used).not.toContain(again.added[0]);
    expect([...before.cases.map((k) => k.id), x]).not.toContain(again.added[0]);
  });

  it('retitles, sets the region and part, makes headings and body text, drops a case; a reload gives the same outline again', async () => {
    const { dir, service } = await misreadProject();
    const api = service.handlers;
    const edit = async (e: Parameters<typeof api.correctOutline>[0]['edit']) => (await api.correctOutline({ documentId: DOC, edit: e })).view;
    let view = await api.getOutline({ documentId: DOC });
    // "三、经验启示" ends 甲市's case: if the loader made a case of it, merge it back.
    const lessons = view.cases.findIndex((c) => c.title.includes('经验启示'));
    if (lessons > 0) view = await edit({ op: 'merge', caseId: view.cases[lessons - 1]!.id });
    const first = view.cases[0]!.id;
    const heading = paragraphIn(view, '三、经验启示')!;
    expect(heading.caseId).toBe(first);
    const wasHeading = view.cases[0]!.paragraphs.find((p) => p.start === heading.at)!.heading;
    if (wasHeading) view = await edit({ op: 'make-body', caseId: first, at: heading.at });
    expect(view.cases[0]!.sections.map((s) => s.heading)).toEqual(['工作背景', '主要做法']);
    view = await edit({ op: 'make-heading', caseId: first, at: heading.at, level: 1, kinds: ['lessons'] });
    view = await edit({ op: 'set-heading', caseId: first, at: heading.at, kinds: ['lessons', 'results'] });
    view = await edit({ op: 'retitle', caseId: first, title: '推进全民健康促进行动' });
    view = await edit({ op: 'set-part', caseId: first, part: '健康促进篇' });
    view = await edit({ op: 'set-region', caseId: first, region: '甲市（示范）' });
    const last = view.cases.at(-1)!.id;
    view = await edit({ op: 'drop-case', caseId: last });
    expect(view.cases[0]).toMatchObject({ title: '推进全民健康促进行动', part: '健康促进篇', region: '甲市（示范）' });
    expect(view.cases[0]!.sections.map((s) => [s.heading, s.kinds])).toEqual([
      ['工作背景', ['background']],
      ['主要做法', ['practices']],
      ['经验启示', ['results', 'lessons']],
    ]);
    expect(view.cases.map((c) => c.id)).not.toContain(last);

    // The same file, the same loader, the kept corrections: the same outline, nothing unfit.
    const reload = await api.reloadDocument({ documentId: DOC });
    expect(reload).toMatchObject({ unfit: [], added: [], removed: [], kept: [], revised: [], editedKept: [] });
    expect(reload.view.cases).toEqual(view.cases);

    // The corrections, applied to a fresh project of the same file, make the same outline (a team shares them).
    const other = await misreadProject('李四');
    const shared = readJson<OutlineFile>(dir, 'corpus', 'outline', `${DOC}.json`).corrections;
    const applied = await other.service.handlers.reloadDocument({ documentId: DOC, corrections: shared });
    expect(applied.unfit).toEqual([]);
    expect(applied.view.cases.map((k) => [k.id, k.title, k.part, k.region, k.sections])).toEqual(view.cases.map((k) => [k.id, k.title, k.part, k.region, k.sections]));
  });

  it('refuses an edit that cannot be made, and changes nothing', async () => {
    const { service } = await misreadProject();
    const last = (await service.handlers.getOutline({ documentId: DOC })).cases.at(-1)!.id;
    await expect(service.handlers.correctOutline({ documentId: DOC, edit: { op: 'merge', caseId: last } })).rejects.toThrow(/last case/);
    await expect(service.handlers.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: last, at: 0, titleFromParagraph: true } })).rejects.toThrow(/already starts/);
    expect((await service.handlers.historyState({})).canUndo).toBe(false);
  });

  it.each([
    ['shape', { op: 'shape', shape: 'outline' }],
    ['reading', { op: 'reading', reading: 'lines' }],
  ] as const)('names a %s change in the undo history after what it did, and undoes it', async (op, edit) => {
    const { service } = await misreadProject();
    const api = service.handlers;
    const before = await api.getOutline({ documentId: DOC });
    const r = await api.correctOutline({ documentId: DOC, edit });
    expect(r.correction.op).toBe(op);
    expect((await api.historyState({})).undoLabel).toBe(`outline: ${op}`);
    await api.undo({});
    const after = await api.getOutline({ documentId: DOC });
    expect(after.corrections).toEqual(before.corrections);
    expect(after.cases.map((c) => [c.id, c.title])).toEqual(before.cases.map((c) => [c.id, c.title]));
  });

  it('two splits in a row, undone twice, give back every project file byte for byte (the new cases keep their files, listed nowhere); redone twice, the files after them', async () => {
    const { dir, service } = await misreadProject('张三');
    const api = service.handlers;
    const view = await api.getOutline({ documentId: DOC });
    const yi = paragraphIn(view, '乙县高血压患者')!.caseId;
    await mark(service, yi, '规范管理率不足40%');
    await mark(service, view.cases[0]!.id, '29.5%𠀀', 'indicator');
    await mark(service, view.cases[0]!.id, '👩‍⚕️');
    await service.store.flush();
    const before = projectFiles(dir);

    const first = paragraphIn(view, '二、主要做法')!;
    const a = await api.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: first.caseId, at: first.at, titleFromParagraph: false, title: '甲市的做法' } });
    const second = paragraphIn(a.view, '三、经验启示')!;
    const b = await api.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: second.caseId, at: second.at, titleFromParagraph: true } });
    await service.store.flush();
    const after = projectFiles(dir);
    const made = [...a.added, ...b.added];
    expect(made).toHaveLength(2);
    expect(new Set(made).size).toBe(2);

    await api.undo({});
    await api.undo({});
    await service.store.flush();
    const undone = projectFiles(dir);
    const leftOver = Object.keys(undone).filter((f) => !(f in before));
    // Only the new cases' own files stay (so that their ids are never given again), and no document lists them.
    expect(leftOver.every((f) => made.some((id) => f.endsWith(`${id}.json`)))).toBe(true);
    for (const f of Object.keys(before)) expect([f, undone[f]]).toEqual([f, before[f]]);
    expect(JSON.parse(undone['corpus/documents.json']!).documents[0].caseIds).toEqual(view.cases.map((c) => c.id));

    await api.redo({});
    await api.redo({});
    await service.store.flush();
    const redone = projectFiles(dir);
    for (const f of Object.keys(after)) expect([f, redone[f]]).toEqual([f, after[f]]);
  });
});

/** Every file of a project but its backups, by path, with its content. */
function projectFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const e of readdirSync(join(dir, at), { withFileTypes: true })) {
      const path = at ? `${at}/${e.name}` : e.name;
      if (e.name === 'backups') continue;
      if (e.isDirectory()) walk(path);
      else out[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return out;
}

