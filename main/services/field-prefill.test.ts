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

describe('an indicator marked by hand (item 5)', () => {
  it.each([
    ['the number itself', '37.7%', { metric: '北京市成人超重率', value: 37.7, unit: '%' }],
    ['a stretch around it', '北京市成人超重率为 37.7%', { metric: '北京市成人超重率', value: 37.7, unit: '%' }],
  ])('gets the fields the parser gives the suggestion, when marked on %s', async (_what, quote, fields) => {
    const { service, text } = await alice();
    const span = await service.handlers.addSpan({ caseId: CASE, ...range(text, quote), label: 'indicator' });
    expect(span.fields).toMatchObject(fields);
    expect((await service.handlers.getCase({ caseId: CASE })).spans[0]!.fields).toMatchObject(fields);
  });

  it('keeps the fields given, and fills none where the parser finds no figure', async () => {
    const { service, text } = await alice();
    expect((await service.handlers.addSpan({ caseId: CASE, ...range(text, '37.7%'), label: 'indicator', fields: { value: 40 } })).fields).toEqual({ value: 40 });
    expect((await service.handlers.addSpan({ caseId: CASE, ...range(text, '体重是评价人体营养'), label: 'indicator' })).fields).toEqual({});
  });
});
