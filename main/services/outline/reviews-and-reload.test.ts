import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile, OutlineFile, SuggestionsFile } from '../../store/file-kinds.ts';
import { loadDocument } from '../../../shared/ingest/index.ts';
import { applySuggestions } from '../suggestions.ts';
import { MISREAD_MD, misreadProject, paragraphIn, readJson, withBingInYi } from './outline.fixture.ts';

const DOC = 'misread';

/** A project with 丙区 inside 乙县's case (whatever the loader found), and the two ids. */
async function prepared(reviewer = '张三') {
  const { dir, service } = await misreadProject(reviewer);
  const api = service.handlers;
  const view = await withBingInYi(await api.getOutline({ documentId: DOC }), async (e) => (await api.correctOutline({ documentId: DOC, edit: e })).view);
  const yi = paragraphIn(view, '乙县高血压患者')!.caseId;
  const bing = paragraphIn(view, '丙区：打造健康社区')!;
  return { dir, service, api, yi, bing };
}

describe('a split carries what is not spans too', () => {
  it('moves the shared suggestions, the reviewer’s own section layer and decisions with their text', async () => {
    const { dir, service, api, yi, bing } = await prepared();
    await applySuggestions(service, { caseIds: [yi] });
    const shared = readJson<SuggestionsFile>(dir, 'suggestions', `${yi}.json`).set.items;
    expect(shared.length).toBeGreaterThan(0);
    // The reviewer touches the outline: their own layer of sections.
    await api.tagSection({ action: 'confirm-all', caseId: yi });
    const r = await api.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: bing.caseId, at: bing.at, titleFromParagraph: true } });
    await service.store.flush();
    const x = r.added[0]!;
    const texts = Object.fromEntries([yi, x].map((id) => [id, readJson<CaseFile>(dir, 'corpus', 'cases', `${id}.json`).case.revisions.at(-1)!.text]));
    const moved = [yi, x].flatMap((id) => readJson<SuggestionsFile>(dir, 'suggestions', `${id}.json`).set.items.map((s) => ({ ...s, caseId: id })));
    // Every suggestion is on its text in the case it went to; none is lost but those on the new title line.
    for (const s of moved) expect(texts[s.caseId]!.slice(s.start, s.end)).toBe(s.text);
    expect(new Set(moved.map((s) => s.id))).toEqual(new Set(shared.filter((s) => !'丙区：打造健康社区'.includes(s.text)).map((s) => s.id)));
    const layers = readJson<{ cases: Record<string, { sections?: { caseId: string; sections: Array<{ heading: string; numbering: string; confirmed: boolean; start: number; headingEnd: number }> } }> }>(dir, 'reviews', '张三.json').cases;
    expect(layers[x]!.sections!.caseId).toBe(x);
    expect(layers[x]!.sections!.sections.map((s) => [s.heading, s.confirmed])).toEqual([
      ['工作背景', true],
      ['主要做法', true],
    ]);
    // Each heading of the layer stands at its offsets in the new case's text.
    for (const s of layers[x]!.sections!.sections) expect(texts[x]!.slice(s.start, s.headingEnd)).toBe(`${s.numbering}${s.heading}`);
    expect((await api.getCase({ caseId: x })).sections.every((s) => s.confirmed)).toBe(true);
  });

  it('keeps a revised case’s history: the split is a new revision, and the annotations go to it', async () => {
    const { dir, service, api, yi } = await prepared();
    const text = (await api.getCase({ caseId: yi })).text;
    await api.reviseText({ caseId: yi, text: text.replace('乙县高血压患者约5万人', '乙县高血压患者约5.2万人') });
    const at = (await api.getCase({ caseId: yi })).text.indexOf('建成健康步道40条');
    const span = await api.addSpan({ caseId: yi, start: at, end: at + '建成健康步道40条'.length, label: 'indicator' });
    const bing = paragraphIn(await api.getOutline({ documentId: DOC }), '丙区：打造健康社区')!;
    const r = await api.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: bing.caseId, at: bing.at, titleFromParagraph: true } });
    await service.store.flush();
    const record = readJson<CaseFile>(dir, 'corpus', 'cases', `${yi}.json`).case;
    expect(record.revisions.map((v) => v.note)).toEqual([expect.stringMatching(/^loaded from/), '', 'outline: split']);
    expect(record.revisions[1]!.text).toContain('5.2万人');
    expect(record.revisions[2]!.text).toContain('5.2万人');
    expect(record.revisions[2]!.text).not.toContain('丙区');
    // The new case starts its own history; the span went there.
    const x = r.added[0]!;
    const made = readJson<CaseFile>(dir, 'corpus', 'cases', `${x}.json`).case;
    expect(made.revisions).toHaveLength(1);
    expect(made.revisions[0]!.note).toBe(`outline: split (from ${yi})`);
    const moved = (await api.getCase({ caseId: x })).spans.find((s) => s.id === span.id)!;
    expect(made.revisions[0]!.text.slice(moved.start, moved.end)).toBe('建成健康步道40条');
    // The source view still finds the case's text in the file, through the new revision's own map.
    const excerpt = await api.sourceExcerpt({ caseId: x, start: moved.start, end: moved.end });
    expect(excerpt).toMatchObject({ found: true, quote: '建成健康步道40条' });
  });
});

describe('reloading a document', () => {
  it('re-applies the corrections to an edited source, re-anchors annotations through a revision, and lists what no longer fits', async () => {
    const { dir, service, api, yi, bing } = await prepared();
    await api.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: bing.caseId, at: bing.at, titleFromParagraph: true } });
    const head = paragraphIn(await api.getOutline({ documentId: DOC }), '二、主要做法')!;
    await api.correctOutline({ documentId: DOC, edit: { op: 'set-heading', caseId: head.caseId, at: head.at, kinds: ['practices', 'results'] } });
    const at = (await api.getCase({ caseId: yi })).text.indexOf('规范管理率不足40%');
    const span = await api.addSpan({ caseId: yi, start: at, end: at + 10, label: 'indicator' });
    await service.store.flush();
    const before = await api.getOutline({ documentId: DOC });

    // Someone fixes a figure in the file kept in sources/, and rewords 甲市's second section heading.
    const source = readJson<{ documents: Array<{ source: string }> }>(dir, 'corpus', 'documents.json').documents[0]!.source;
    writeFileSync(join(dir, source), MISREAD_MD.replace('乙县高血压患者约5万人', '乙县高血压患者约5.3万人').replace('## 二、主要做法', '## 二、具体做法'));
    const r = await api.reloadDocument({ documentId: DOC });
    await service.store.flush();
    expect(r.view.cases.map((c) => c.id)).toEqual(before.cases.map((c) => c.id));
    expect(r.revised).toContain(yi);
    // The heading change was anchored on 甲市's "二、主要做法": it is reworded, so the change is listed
    // (not made on another case's "二、主要做法"), and kept.
    expect(r.unfit.map((u) => [u.correction.op, u.reason])).toEqual([['set-heading', 'not-found']]);
    expect(readJson<OutlineFile>(dir, 'corpus', 'outline', `${DOC}.json`).corrections.map((k) => k.op)).toContain('set-heading');
    const record = readJson<CaseFile>(dir, 'corpus', 'cases', `${yi}.json`).case;
    expect(record.revisions.at(-1)!.note).toBe('reloaded from misread.md');
    expect(record.revisions.at(-1)!.text).toContain('5.3万人');
    // The annotation made on the old text is carried to the new one.
    const carried = (await api.getCase({ caseId: yi })).spans.find((s) => s.id === span.id)!;
    expect(record.revisions.at(-1)!.text.slice(carried.start, carried.end)).toBe('规范管理率不足40%');
    // Undo puts the document back as it was before the reload.
    expect((await api.historyState({})).undoLabel).toBe('outline: reload');
    await api.undo({});
    expect((await api.getCase({ caseId: yi })).text).not.toContain('5.3万人');
  });

  it('follows each case by its text when the source was edited: a case inserted before another takes none of its id, annotations or status', async () => {
    const { dir, service } = await misreadProject('张三');
    const api = service.handlers;
    const view = await api.getOutline({ documentId: DOC });
    const yi = paragraphIn(view, '乙县高血压患者')!.caseId;
    const text = (await api.getCase({ caseId: yi })).text;
    const quote = '规范管理率不足40%';
    const span = await api.addSpan({ caseId: yi, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, label: 'indicator' });
    await api.setCaseStatus({ caseId: yi, status: 'done' });
    await service.store.flush();
    // Someone adds a case to the file kept in sources/, before 乙县's: every later case moves in the source.
    const source = readJson<{ documents: Array<{ source: string }> }>(dir, 'corpus', 'documents.json').documents[0]!.source;
    writeFileSync(join(dir, source), MISREAD_MD.replace('# 乙县：创新慢性病管理新模式', '# 戊镇：推进健康乡镇建设\n\n## 一、工作背景\n\n戊镇地处山区，常住人口3万人。\n\n## 二、主要做法\n\n戊镇建成村级健康小屋12个。\n\n# 乙县：创新慢性病管理新模式'));
    const r = await api.reloadDocument({ documentId: DOC });
    await service.store.flush();
    const byTitle = Object.fromEntries(r.view.cases.map((c) => [c.title, c.id]));
    // 乙县's case keeps its id; the new case has an id of its own.
    expect(byTitle['创新慢性病管理新模式']).toBe(yi);
    expect(r.added).toEqual([byTitle['推进健康乡镇建设']]);
    expect(view.cases.map((c) => c.id)).not.toContain(byTitle['推进健康乡镇建设']);
    // The annotation and the status are where 乙县's text is, the span on its text.
    const detail = await api.getCase({ caseId: yi });
    const carried = detail.spans.find((s) => s.id === span.id)!;
    expect(carried.orphan).toBeUndefined();
    expect(detail.text.slice(carried.start, carried.end)).toBe(quote);
    const states = readJson<{ cases: Record<string, { status?: string }> }>(dir, 'reviews', '张三.json').cases;
    expect(states[yi]!.status).toBe('done');
    expect(states[byTitle['推进健康乡镇建设']!]?.status).toBeUndefined();
  });

  it('anchors a correction made after a reload of an edited source in the source as it is now', async () => {
    const { dir, service } = await misreadProject('张三');
    const api = service.handlers;
    // The outline was read once (the source's text is kept in memory from then on).
    await api.getOutline({ documentId: DOC });
    const source = readJson<{ documents: Array<{ source: string }> }>(dir, 'corpus', 'documents.json').documents[0]!.source;
    const edited = MISREAD_MD.replace('# 甲市：推进全民健康促进', '# 甲市：推进全民健康促进\n\n（本文由甲市卫生健康委员会供稿，经编辑部整理后刊发，数据截至2023年底。）');
    writeFileSync(join(dir, source), edited);
    const reloaded = await api.reloadDocument({ documentId: DOC });
    const yi = paragraphIn(reloaded.view, '乙县高血压患者')!.caseId;
    const k = (await api.correctOutline({ documentId: DOC, edit: { op: 'retitle', caseId: yi, title: '乙县慢病管理' } })).correction;
    expect(k.op).toBe('retitle');
    const at = (k as { at: { start: number; exact: string } }).at;
    // The anchor quotes the text at its offset in the file as it is now, at the start of 乙县's case.
    const raw = loadDocument(new TextEncoder().encode(edited), 'misread.md', { id: DOC }).rawText;
    expect(raw.slice(at.start, at.start + at.exact.length)).toBe(at.exact);
    expect(at.exact).toMatch(/^一、工作背景/);
    expect(reloaded.view.cases.find((c) => c.id === yi)!.title).toBe('创新慢性病管理新模式');
    expect((await api.getOutline({ documentId: DOC })).cases.find((c) => c.id === yi)!.title).toBe('乙县慢病管理');
  });

  it('never gives a case the loader finds anew the id of a case the project had, even one whose split was undone', async () => {
    const { dir, service } = await misreadProject('张三');
    const api = service.handlers;
    const view = await api.getOutline({ documentId: DOC });
    const at = paragraphIn(view, '二、主要做法')!;
    const split = await api.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: at.caseId, at: at.at, titleFromParagraph: false, title: '甲市的做法' } });
    const undone = split.added[0]!;
    await api.undo({});
    // The file gains a case: the loader's ids shift, and the new case needs an id of its own.
    const source = readJson<{ documents: Array<{ source: string }> }>(dir, 'corpus', 'documents.json').documents[0]!.source;
    writeFileSync(join(dir, source), MISREAD_MD.replace('# 乙县：创新慢性病管理新模式', '# 戊镇：推进健康乡镇建设\n\n## 一、工作背景\n\n戊镇地处山区，常住人口3万人。\n\n## 二、主要做法\n\n戊镇建成村级健康小屋12个。\n\n# 乙县：创新慢性病管理新模式'));
    const r = await api.reloadDocument({ documentId: DOC });
    expect(r.added).toHaveLength(1);
    expect([...view.cases.map((c) => c.id), undone]).not.toContain(r.added[0]);
    // The case file of the undone split is still the split's.
    expect(readJson<{ case: { title: string } }>(dir, 'corpus', 'cases', `${undone}.json`).case.title).toBe('甲市的做法');
  });
});

