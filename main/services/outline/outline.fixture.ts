import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from '../../store/project-store.ts';
import { ProjectService } from '../project-service.ts';
import { importCorrected } from './import-corrected.ts';

/**
 * A Markdown file with three cases in it, two of them easy to misread: "三、经验启示" is marked
 * up as a case title (it ends 甲市's case), and 丙区's case has no title marker. 𠀀 and an
 * emoji sequence in the text. How the loader reads it changes as the loader improves: the tests
 * bring it to a known outline with corrections first (see `withBingInYi`), so that they test the
 * corrections, not the loader.
 */
export const MISREAD_MD = [
  '# 甲市：推进全民健康促进',
  '## 一、工作背景',
  '近年来，甲市居民健康素养水平从2019年的18.2%提高到2023年的29.5%𠀀。',
  '## 二、主要做法',
  '（一）健全工作机制。市政府成立健康促进委员会，统筹推进各项工作。',
  '# 三、经验启示',
  '领导重视是前提，部门协同是关键 👩‍⚕️。',
  '# 乙县：创新慢性病管理新模式',
  '## 一、工作背景',
  '乙县高血压患者约5万人，规范管理率不足40%。',
  '## 二、主要做法',
  '建立县乡村三级慢病管理网络，家庭医生签约服务覆盖率达到75%。',
  '丙区：打造健康社区',
  '## 一、工作背景',
  '丙区有社区32个，常住人口45万人。',
  '## 二、主要做法',
  '推进健康社区建设，建成健康步道40条。',
].join('\n\n');

/** A project holding the misread file, as imported with no corrections, and a reviewer at work. */
export async function misreadProject(reviewer = '张三'): Promise<{ dir: string; service: ProjectService }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-outline-')), 'p');
  const store = await ProjectStore.create(dir, 'outline');
  await importCorrected(store, [{ name: 'misread.md', bytes: new TextEncoder().encode(MISREAD_MD), corrections: [] }], 'casebench');
  const service = new ProjectService(store);
  await service.handlers.setReviewer({ name: reviewer });
  return { dir, service };
}

/** What is on disk: a JSON file of the project. */
export function readJson<T = Record<string, unknown>>(dir: string, ...path: string[]): T {
  return JSON.parse(readFileSync(join(dir, ...path), 'utf8')) as T;
}

/** The outline of a document as a test needs it: cases with their paragraphs. */
interface Outline {
  cases: Array<{ id: string; title: string; paragraphs: Array<{ start: number; text: string }> }>;
}

/** The case holding a paragraph that starts with `text`, and the paragraph's offset. */
export function paragraphIn(view: Outline, text: string): { caseId: string; at: number } | null {
  for (const c of view.cases) for (const p of c.paragraphs) if (p.text.startsWith(text)) return { caseId: c.id, at: p.start };
  return null;
}

/**
 * Make 丙区's case part of 乙县's (as a loader that missed its title would have it), whatever the
 * loader found: when 丙区 is a case of its own, merge it into the case before. Returns the outline then.
 */
export async function withBingInYi<V extends Outline>(view: V, edit: (e: { op: 'merge'; caseId: string }) => Promise<V>): Promise<V> {
  if (paragraphIn(view, '丙区：打造健康社区')) return view;
  const i = view.cases.findIndex((c) => c.title.includes('打造健康社区'));
  if (i < 1) throw new Error('no case of 丙区 and no paragraph of it: the loader reads the fixture differently now');
  const merged = await edit({ op: 'merge', caseId: view.cases[i - 1]!.id });
  if (!paragraphIn(merged, '丙区：打造健康社区')) throw new Error('merging 丙区 into the case before did not give its title line back as a paragraph');
  return merged;
}
