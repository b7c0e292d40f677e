/**
 * Small hand-made projects for tests of the store and the services over it: a few short cases
 * (astral characters welcome), one document, no loader involved, so a test sees every file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Section } from '../../shared/model/sections.ts';
import { ProjectService } from '../services/project-service.ts';
import { ProjectStore } from './project-store.ts';

export interface SmallCase {
  id: string;
  text: string;
  sections?: Section[];
}

const C1 = '一、背景\n𠀀健康素养水平达到26.82%。\n二、做法\n推广😀适宜技术。';
const PRACTICES = C1.indexOf('二、做法');

export const SMALL_CASES: SmallCase[] = [
  {
    id: 'c1',
    text: C1,
    sections: [
      { heading: '背景', numbering: '一、', level: 1, kinds: ['background'], start: 0, headingEnd: 4, end: PRACTICES },
      { heading: '做法', numbering: '二、', level: 1, kinds: ['practices'], start: PRACTICES, headingEnd: PRACTICES + 4, end: C1.length },
    ],
  },
  { id: 'c2', text: '第二个案例：覆盖率达到90%以上。' },
];

/** A new project in a temporary folder holding `cases`; every write flushed. */
export async function smallProject(cases: readonly SmallCase[] = SMALL_CASES, name = 'small'): Promise<{ dir: string; service: ProjectService }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-small-')), 'p');
  const store = await ProjectStore.create(dir, name);
  const createdAt = '2024-05-01T08:00:00.000Z';
  await store.addDocument(
    { id: 'doc', file: 'doc.txt', title: '测试文档', format: 'compendium', issuer: null, year: 2024, kind: null, encoding: 'utf-8', caseIds: cases.map((c) => c.id), warnings: [] },
    cases.map((c, i) => ({
      id: c.id,
      documentId: 'doc',
      ordinal: i + 1,
      title: `案例${i + 1}`,
      region: '河北省',
      unit: null,
      part: null,
      marks: [],
      sourceRange: { start: 0, end: c.text.length },
      sourceMap: { runs: [] },
      revisions: [{ revision: 0, text: c.text, createdAt, author: 'test', note: 'hand-made', sections: c.sections ?? [] }],
    })),
    null,
  );
  await store.flush();
  return { dir, service: new ProjectService(store) };
}
