import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject, openProject } from './open-project.ts';

/** A revision changes 37.7% to 37.8%: the indicator on it must not go on saying 37.7 unnoticed (item 1). */
const CASE = 'hc2024-01';
let template: string;

beforeAll(async () => {
  template = join(mkdtempSync(join(tmpdir(), 'casebench-revised-')), 'p');
  const { service } = await createProject(template, null);
  await service.store.flush();
});

async function project() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-revised-')), 'p');
  cpSync(template, dir, { recursive: true });
  const alice = await openProject(dir, 'alice');
  const text = (await alice.handlers.getCase({ caseId: CASE })).text;
  const at = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length });
  const revise = async (from: string, to: string) => {
    const editor = await openProject(dir, 'editor');
    await editor.handlers.reviseText({ caseId: CASE, text: text.replace(from, to) });
    await editor.store.flush();
  };
  return { dir, alice, text, at, revise };
}

describe('a span whose text a revision changed', () => {
  it('is marked to check its fields when they were typed, and keeps them as they were', async () => {
    const { alice, at, revise } = await project();
    const span = await alice.handlers.addSpan({ caseId: CASE, ...at('37.7%'), label: 'indicator', fields: { metric: '成人超重率', value: 37.7, unit: '%' } });
    await revise('37.7%', '37.8%');
    const after = (await alice.handlers.getCase({ caseId: CASE })).spans.find((s) => s.id === span.id)!;
    expect(after).toMatchObject({ quote: { exact: '37.8%' }, fields: { value: 37.7 }, textChanged: { was: '37.7%', fromRevision: 0 } });
    expect(after.textChanged!.reparsed).toBeUndefined();
  });

  it('has its fields read again from the new text when they came from the parser', async () => {
    const { alice, revise } = await project();
    await alice.handlers.generateSuggestions({ caseId: CASE });
    const id = (await alice.handlers.getSuggestions({ caseId: CASE })).items.find((s) => s.text === '37.7%')!.id;
    const { created } = await alice.handlers.decideSuggestions({ caseId: CASE, decisions: [{ id, accept: true }] });
    expect(created[0]).toMatchObject({ fields: { value: 37.7 }, fieldsFrom: 'parser' });
    await revise('37.7%', '37.8%');
    const after = (await alice.handlers.getCase({ caseId: CASE })).spans[0]!;
    expect(after).toMatchObject({ quote: { exact: '37.8%' }, fields: { metric: '北京市成人超重率', value: 37.8, unit: '%' }, textChanged: { was: '37.7%', reparsed: true } });
  });

  it('is checked by an edit of its fields (or a save of them as they are): the mark goes', async () => {
    const { alice, at, revise } = await project();
    const span = await alice.handlers.addSpan({ caseId: CASE, ...at('37.7%'), label: 'indicator', fields: { value: 37.7 } });
    await revise('37.7%', '37.8%');
    // As the workbench does: the case is shown (with its mark) before a person edits the span.
    expect((await alice.handlers.getCase({ caseId: CASE })).spans[0]!.textChanged).toMatchObject({ was: '37.7%' });
    const saved = await alice.handlers.updateSpan({ caseId: CASE, id: span.id, fields: { value: 37.8 } });
    expect(saved.textChanged).toBeUndefined();
    expect(saved.fieldsFrom).toBeUndefined();
    expect((await alice.handlers.getCase({ caseId: CASE })).spans[0]!.textChanged).toBeUndefined();
  });

  it('is not marked when the revision changed other text', async () => {
    const { alice, at, revise } = await project();
    await alice.handlers.addSpan({ caseId: CASE, ...at('37.7%'), label: 'indicator', fields: { value: 37.7 } });
    await revise('体重是评价人体营养', '体重是衡量人体营养');
    expect((await alice.handlers.getCase({ caseId: CASE })).spans[0]!.textChanged).toBeUndefined();
  });

  it('is marked for a reviewer whose spans are carried forward when they next read the case', async () => {
    const { dir, alice, at, revise } = await project();
    await alice.handlers.addSpan({ caseId: CASE, ...at('26.7%'), label: 'indicator', fields: { value: 26.7 } });
    await alice.store.flush();
    await revise('26.7%', '26.9%');
    const later = await openProject(dir, 'alice');
    expect((await later.handlers.getCase({ caseId: CASE })).spans[0]).toMatchObject({ quote: { exact: '26.9%' }, textChanged: { was: '26.7%' } });
  });
});
