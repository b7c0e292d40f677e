import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject, openProject } from './open-project.ts';
import type { ProjectService } from './project-service.ts';

const CASE = 'hc2024-01';
let template: string;

beforeAll(async () => {
  template = join(mkdtempSync(join(tmpdir(), 'casebench-cover-')), 'p');
  const { service } = await createProject(template, null);
  await service.store.flush();
});

async function alice(): Promise<{ service: ProjectService; text: string }> {
  const { cpSync } = await import('node:fs');
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-cover-')), 'p');
  cpSync(template, dir, { recursive: true });
  const service = await openProject(dir, 'alice');
  await service.handlers.generateSuggestions({ caseId: CASE });
  return { service, text: (await service.handlers.getCase({ caseId: CASE })).text };
}
const range = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in ${CASE}`);
  return { start, end: start + quote.length };
};

describe('a suggestion an annotation of its label already covers (item 4)', () => {
  it('is shown as covered by that annotation, not as pending', async () => {
    const { service, text } = await alice();
    const mine = await service.handlers.addSpan({ caseId: CASE, ...range(text, '成人超重率为 37.7%'), label: 'indicator', fields: { metric: '超重率' } });
    await service.handlers.addSpan({ caseId: CASE, ...range(text, '成人肥胖率为 26.7%'), label: 'practice' });
    const view = await service.handlers.getSuggestions({ caseId: CASE });
    const covered = view.items.find((s) => s.text === '37.7%')!;
    expect(covered).toMatchObject({ state: 'covered', coveredBy: mine.id });
    // Another label's annotation over it covers nothing: a practice is not an indicator.
    expect(view.items.find((s) => s.text === '26.7%')).toMatchObject({ state: 'pending' });
  });

  it('accepted, adds no second indicator: its parsed fields fill what the annotation lacks', async () => {
    const { service, text } = await alice();
    const mine = await service.handlers.addSpan({ caseId: CASE, ...range(text, '成人超重率为 37.7%'), label: 'indicator', fields: { metric: '超重率' } });
    const id = (await service.handlers.getSuggestions({ caseId: CASE })).items.find((s) => s.text === '37.7%')!.id;
    const { view } = await service.handlers.decideSuggestions({ caseId: CASE, decisions: [{ id, accept: true }] });
    const spans = (await service.handlers.getCase({ caseId: CASE })).spans;
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ id: mine.id, fields: { metric: '超重率', value: 37.7, unit: '%' } });
    expect(view.items.find((s) => s.id === id)).toMatchObject({ state: 'accepted' });
    // One undo step takes the decision and the filled fields back.
    await service.handlers.undo({});
    expect((await service.handlers.getCase({ caseId: CASE })).spans[0]!.fields).toEqual({ metric: '超重率' });
  });
});
