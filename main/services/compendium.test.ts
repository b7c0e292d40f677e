import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CaseSource } from '../../shared/api/types.ts';
import { caseSource, compendiumView, CONSENSUS, exportedDraft, renderCompendium, type CompendiumOptions } from './compendium.ts';
import { createProject, openProject } from './open-project.ts';
import type { ProjectService } from './project-service.ts';

/**
 * A project where each case has a different history:
 * - hc2024-01: alice marked an indicator (no baseline); nobody else worked on it;
 * - hc2024-03: alice marked a lesson and removed the 经验启示 section; the consensus adopted a lesson there;
 * - hc2024-15: alice 1 span, bob 2 spans;
 * - hc2024-04: alice 1 span, bob 1 span (a tie);
 * - hc2024-05: nobody.
 */
async function project() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-compendium-')), 'p');
  await (await createProject(dir, null)).service.store.flush();
  const open = (who: string | null) => openProject(dir, who);
  const alice = await open('alice');
  const bob = await open('bob');
  const consensus = await open(CONSENSUS);
  const mark = async (s: ProjectService, caseId: string, quote: string, label: string, fields?: Record<string, string | number | null>) => {
    const text = (await s.handlers.getCase({ caseId })).text;
    const at = text.indexOf(quote);
    expect(at, `${quote} in ${caseId}`).toBeGreaterThan(-1);
    return s.handlers.addSpan({ caseId, start: at, end: at + quote.length, label, ...(fields ? { fields } : {}) });
  };
  await mark(alice, 'hc2024-01', '37.7%', 'indicator', { metric: '成人超重率', value: 37.7, unit: '%' });
  await mark(alice, 'hc2024-03', '领导重视是前提', 'lesson');
  const sections = (await alice.handlers.getCase({ caseId: 'hc2024-03' })).sections;
  await alice.handlers.tagSection({ action: 'remove', caseId: 'hc2024-03', index: sections.findIndex((s) => s.level === 1 && s.kinds.includes('lessons')) });
  await mark(consensus, 'hc2024-03', '技术支撑是保障', 'lesson');
  const bobText = (await bob.handlers.getCase({ caseId: 'hc2024-15' })).text;
  await bob.handlers.addSpan({ caseId: 'hc2024-15', start: 0, end: 4, label: 'practice' });
  await bob.handlers.addSpan({ caseId: 'hc2024-15', start: 10, end: 14, label: 'practice' });
  expect(bobText.length).toBeGreaterThan(14);
  await alice.handlers.addSpan({ caseId: 'hc2024-15', start: 20, end: 24, label: 'practice' });
  await alice.handlers.addSpan({ caseId: 'hc2024-04', start: 0, end: 4, label: 'practice' });
  await bob.handlers.addSpan({ caseId: 'hc2024-04', start: 5, end: 9, label: 'practice' });
  for (const s of [alice, bob, consensus]) await s.store.flush();
  return { dir, open };
}

const DRAFT = {
  title: '汇编',
  indicatorTables: true,
  updatedAt: '',
  parts: [
    { title: '空篇一', caseIds: [] },
    { title: '甲篇', caseIds: ['hc2024-01', 'hc2024-03'] },
    { title: '空篇二', caseIds: [] },
    { title: '乙篇', caseIds: ['hc2024-15', 'hc2024-04', 'hc2024-05'] },
  ],
};

describe('the compendium builds each case from its own source', () => {
  it.each<[string, string | null, CompendiumOptions, Record<string, CaseSource>]>([
    [
      'viewed by alice: the consensus where it worked, alice elsewhere',
      'alice',
      {},
      {
        'hc2024-01': { reviewer: 'alice', why: 'current' },
        'hc2024-03': { reviewer: CONSENSUS, why: 'consensus' },
        'hc2024-15': { reviewer: 'alice', why: 'current' },
        'hc2024-05': { reviewer: 'alice', why: 'current' },
      },
    ],
    [
      'no current reviewer (the CLI): whoever marked most, the first by name on a tie, nobody where nobody did',
      null,
      {},
      {
        'hc2024-01': { reviewer: 'alice', why: 'most-spans' },
        'hc2024-03': { reviewer: CONSENSUS, why: 'consensus' },
        'hc2024-15': { reviewer: 'bob', why: 'most-spans' },
        'hc2024-04': { reviewer: 'alice', why: 'most-spans' },
        'hc2024-05': { reviewer: null, why: 'none' },
      },
    ],
    [
      'the CLI names bob',
      null,
      { reviewer: 'bob' },
      {
        'hc2024-01': { reviewer: 'bob', why: 'current' },
        'hc2024-03': { reviewer: CONSENSUS, why: 'consensus' },
      },
    ],
    [
      'viewed as the consensus: where it has no work, whoever marked most',
      CONSENSUS,
      {},
      {
        'hc2024-01': { reviewer: 'alice', why: 'most-spans' },
        'hc2024-03': { reviewer: CONSENSUS, why: 'consensus' },
        'hc2024-05': { reviewer: null, why: 'none' },
      },
    ],
    [
      'viewed by bob but asked for nobody in particular',
      'bob',
      { reviewer: null },
      { 'hc2024-01': { reviewer: 'alice', why: 'most-spans' } },
    ],
  ])('%s', async (_name, viewer, options, expected) => {
    const { open } = await project();
    const service = await open(viewer);
    for (const [caseId, source] of Object.entries(expected)) expect(caseSource(service, caseId, options), caseId).toEqual(source);
    await service.handlers.setCompendium({ draft: DRAFT });
    const view = await compendiumView(service, options);
    expect(Object.keys(view.sources).sort()).toEqual(['hc2024-01', 'hc2024-03', 'hc2024-04', 'hc2024-05', 'hc2024-15']);
    for (const [caseId, source] of Object.entries(expected)) expect(view.sources[caseId], caseId).toEqual(source);
  });

  it.each([
    // A case the consensus never touched keeps its reviewer's indicators and checks (a level
    // without a baseline is a note, not a warning).
    ['alice', {}, 'hc2024-01', ['indicators-without-baseline']],
    [null, {}, 'hc2024-01', ['indicators-without-baseline']],
    // Bob has no indicator there, and it is his view that was asked for.
    ['bob', {}, 'hc2024-01', []],
    // The consensus has no section layer of its own: the loader's sections (with 经验启示), not alice's.
    ['alice', {}, 'hc2024-03', []],
    ['bob', {}, 'hc2024-03', []],
  ] as const)('viewed by %s %j: the checks of %s are %j', async (viewer, options, caseId, codes) => {
    const { open } = await project();
    const service = await open(viewer);
    await service.handlers.setCompendium({ draft: DRAFT });
    const view = await compendiumView(service, options);
    expect(view.checks[caseId]!.map((c) => c.code)).toEqual(codes);
  });

  it('takes the section headings and checks from the source reviewer’s sections, not the viewer’s', async () => {
    const { open } = await project();
    // Without the consensus on hc2024-03, alice (most spans) is its source, for whoever looks.
    const cons = await open(CONSENSUS);
    await cons.handlers.deleteSpan({ caseId: 'hc2024-03', id: (await cons.handlers.getCase({ caseId: 'hc2024-03' })).spans[0]!.id });
    await cons.store.flush();
    const bob = await open('bob');
    await bob.handlers.setCompendium({ draft: { ...DRAFT, parts: [{ title: '甲篇', caseIds: ['hc2024-03'] }] } });
    expect(caseSource(bob, 'hc2024-03', { reviewer: null })).toEqual({ reviewer: 'alice', why: 'most-spans' });
    expect((await compendiumView(bob, { reviewer: null })).checks['hc2024-03']!.map((c) => c.code)).toEqual(['no-lessons']);
    expect((await compendiumView(bob)).checks['hc2024-03']!.map((c) => c.code)).toEqual([]);
    const heading = /^#+ [^\n]*经验启示$/m;
    expect(await renderCompendium(bob, 'md', { reviewer: null })).not.toMatch(heading);
    expect(await renderCompendium(bob, 'md')).toMatch(heading);
  });

  it('skips empty parts in the table of contents, Markdown and DOCX, and numbers the others on', async () => {
    const { open } = await project();
    const service = await open('alice');
    const view = await service.handlers.setCompendium({ draft: DRAFT });
    expect(view.draft!.parts).toHaveLength(4); // the editor still has them
    expect(view.toc.filter((e) => e.kind === 'part').map((e) => e.number + e.title)).toEqual(['第一篇　甲篇', '第二篇　乙篇']);
    // Cases are numbered across the book.
    expect(view.toc.filter((e) => e.kind === 'case').map((e) => e.number)).toEqual(['1．', '2．', '3．', '4．', '5．']);
    const md = (await renderCompendium(service, 'md')) as string;
    expect([...md.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual(['目录', '第一篇　甲篇', '第二篇　乙篇']);
    expect(md).not.toContain('空篇');
    expect(md).toContain('| 成人超重率 | 37.7% |'); // alice's indicator, though the consensus exists
    const xml = strFromU8(unzipSync(await (renderCompendium(service, 'docx') as Promise<Uint8Array>))['word/document.xml']!);
    expect([...xml.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(['第一篇　甲篇', '第二篇　乙篇']);
    expect(xml).not.toContain('空篇');
  });

  it.each([
    ['keeps parts with cases', [['a', ['x']], ['b', ['y']]], [['a', ['x']], ['b', ['y']]]],
    ['drops empty parts', [['a', []], ['b', ['y']], ['c', []]], [['b', ['y']]]],
    ['drops cases no longer in the project, and a part left empty by it', [['a', ['gone']], ['b', ['y', 'gone']]], [['b', ['y']]]],
  ] as const)('exportedDraft %s', (_name, parts, expected) => {
    const draft = { title: 't', indicatorTables: false, updatedAt: '', parts: parts.map(([title, ids]) => ({ title, caseIds: [...ids] })) };
    expect(exportedDraft(draft, (id) => id !== 'gone').parts.map((p) => [p.title, p.caseIds])).toEqual(expected.map(([t, ids]) => [t, [...ids]]));
  });
});
