import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors.ts';
import type { OutlineView } from '../../../shared/outline/index.ts';
import { openProject } from '../open-project.ts';
import { hashText } from '../../store/file-stamp.ts';
import { misreadProject } from './outline.fixture.ts';

const DOC = 'misread';
const marker = (dir: string) => join(dir, 'corpus', 'outline', `${DOC}.changing`);
const seenOf = (view: OutlineView) => ({ corrections: view.corrections.length, last: view.corrections.at(-1)?.id ?? null, cases: view.cases.map((c) => c.id) });

describe('a change of a document outline', () => {
  it('leaves no marker after a change or a refusal', async () => {
    const { dir, service } = await misreadProject();
    const api = service.handlers;
    const view = await api.getOutline({ documentId: DOC });
    await api.correctOutline({ documentId: DOC, edit: { op: 'set-region', caseId: view.cases[0]!.id, region: '某市' } });
    expect(existsSync(marker(dir))).toBe(false);
    await expect(api.correctOutline({ documentId: DOC, edit: { op: 'merge', caseId: 'no-such-case' } })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(existsSync(marker(dir))).toBe(false);
  });

  it('that a kill interrupted (the correction recorded, the cases not yet changed) is made before the next change, and said', async () => {
    const { dir, service } = await misreadProject();
    const api = service.handlers;
    const before = await api.getOutline({ documentId: DOC });
    expect(before.cases.length).toBeGreaterThan(2);
    const merged = await api.correctOutline({ documentId: DOC, edit: { op: 'merge', caseId: before.cases[0]!.id } });
    const recorded = structuredClone(await service.store.outline(DOC));
    // As a kill just after the correction was recorded leaves it: the list with the merge, the cases as they were, the marker there.
    await api.undo({});
    await service.store.setOutline(DOC, recorded!);
    await service.store.flush();
    writeFileSync(marker(dir), '{}');
    const half = await api.getOutline({ documentId: DOC });
    expect(half.cases.length).toBe(before.cases.length);
    expect(half.corrections.map((c) => c.op)).toEqual([...before.corrections.map((c) => c.op), 'merge']);

    // The next change first loads the document again with its list: the merge is made, once.
    const last = before.cases.at(-1)!;
    const after = await api.correctOutline({ documentId: DOC, edit: { op: 'set-region', caseId: last.id, region: '某县' } });
    expect(after.view.cases.map((c) => c.title)).toEqual(merged.view.cases.map((c) => c.title));
    expect(after.view.corrections.map((c) => c.op)).toEqual([...before.corrections.map((c) => c.op), 'merge', 'set-region']);
    expect(existsSync(marker(dir))).toBe(false);
    expect(service.store.recovered.map((n) => n.message)).toContainEqual(expect.stringMatching(/outline change of misread was interrupted/));
  });

  it('refuses an edit made on an outline changed since as a conflict, naming it', async () => {
    const { service } = await misreadProject();
    const api = service.handlers;
    const view = await api.getOutline({ documentId: DOC });
    const gone = view.cases[1]!.id;
    // Another workbench merged the case into the one before it.
    await api.correctOutline({ documentId: DOC, edit: { op: 'merge', caseId: view.cases[0]!.id } });
    const stale = api.correctOutline({ documentId: DOC, edit: { op: 'set-region', caseId: gone, region: '某县' }, seen: seenOf(view) });
    await expect(stale).rejects.toBeInstanceOf(ApiError);
    await expect(stale).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed meanwhile/) });
    // The same edit without saying what it was made on is refused as it is.
    await expect(api.correctOutline({ documentId: DOC, edit: { op: 'set-region', caseId: gone, region: '某县' } })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it("refuses a span another workbench makes on a case's old text after a correction moved it, and takes it on the new text", async () => {
    const { dir, service: a } = await misreadProject('张三');
    const b = await openProject(dir, '李四');
    const view = await a.handlers.getOutline({ documentId: DOC });
    const [first, second] = [view.cases[0]!.id, view.cases[1]!.id];
    const old = await a.handlers.getCase({ caseId: second });
    // B merges the second case into the first: its text goes there, the case is retired.
    await b.handlers.correctOutline({ documentId: DOC, edit: { op: 'merge', caseId: first } });
    await b.store.flush();
    // A has not noticed yet: a span on the retired case's text is refused, not left where no one sees it.
    const quote = old.text.slice(2, 6);
    await expect(a.handlers.addSpan({ caseId: second, start: 2, end: 6, label: 'lesson', quote })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/merged or split/) });
    // Once A reads the project again, the same text is in the first case, and the span is taken there.
    await a.store.syncExternalChanges();
    a.forgetCases([first, second]);
    const merged = await a.handlers.getCase({ caseId: first });
    const at = merged.text.indexOf(old.text.slice(0, 12)) + 2;
    const span = await a.handlers.addSpan({ caseId: first, start: at, end: at + 4, label: 'lesson', quote });
    expect(span.quote.exact).toBe(quote);
  });

  it('refuses a span made on the old text of a case a split rewrote in place (its revision 0 keeps its number)', async () => {
    const { dir, service: a } = await misreadProject('张三');
    const b = await openProject(dir, '李四');
    const view = await a.handlers.getOutline({ documentId: DOC });
    const first = view.cases[0]!;
    const old = await a.handlers.getCase({ caseId: first.id });
    expect(old.revision).toBe(0);
    const cut = first.paragraphs.at(-1)!;
    await b.handlers.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: first.id, at: cut.start, titleFromParagraph: false, title: '后半' } });
    await b.store.flush();
    // A still shows the whole text as revision 0: a span on its last paragraph is refused, not put on the new, shorter text.
    const at = old.text.length - 4;
    await expect(a.handlers.addSpan({ caseId: first.id, start: at, end: at + 2, label: 'lesson', quote: old.text.slice(at, at + 2) })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed meanwhile/) });
  });

  it('takes spans again on the cases of a merge undone, from every reviewer, those who never annotated them too', async () => {
    const { service } = await misreadProject('李四');
    const api = service.handlers;
    await api.setReviewer({ name: '张三' });
    const view = await api.getOutline({ documentId: DOC });
    await api.correctOutline({ documentId: DOC, edit: { op: 'merge', caseId: view.cases[0]!.id } });
    await api.undo({});
    const back = await api.getOutline({ documentId: DOC });
    expect(back.cases.map((c) => c.id)).toEqual(view.cases.map((c) => c.id));
    for (const who of ['李四', '张三']) {
      await api.setReviewer({ name: who });
      for (const c of back.cases) {
        const text = (await api.getCase({ caseId: c.id })).text;
        const span = await api.addSpan({ caseId: c.id, start: 0, end: 2, label: 'lesson' });
        expect(span.quote.exact).toBe(text.slice(0, 2));
      }
    }
  });

  it('refuses an edit of spans a correction is carrying, and takes it once the correction a kill stopped is finished', async () => {
    const { dir, service } = await misreadProject('张三');
    const api = service.handlers;
    const view = await api.getOutline({ documentId: DOC });
    const first = view.cases[0]!.id;
    const text = (await api.getCase({ caseId: first })).text;
    const kept = await api.addSpan({ caseId: first, start: 0, end: 2, label: 'lesson' });
    // As a correction leaves the shard between its floor and its carry: the spans named as being carried, no change under way.
    const floor = { revision: 0, textHash: hashText(text), carrying: [kept.id] };
    await service.store.updateSpans('张三', first, (spans) => spans, { floor });
    await expect(api.addSpan({ caseId: first, start: 2, end: 4, label: 'lesson' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/being moved by an outline correction/) });
    // The change's marker there (a kill): the edit finishes it first, then is taken.
    await service.store.updateSpans('张三', first, (spans) => spans, { floor });
    writeFileSync(marker(dir), '{}');
    const span = await api.addSpan({ caseId: first, start: 2, end: 4, label: 'lesson' });
    expect(span.quote.exact).toBe(text.slice(2, 4));
    expect(existsSync(marker(dir))).toBe(false);
  });
});
