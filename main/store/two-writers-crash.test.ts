/**
 * The crash-and-concurrency test of a project folder shared by two writers: two casebench
 * processes write every kind of shared file at once (spans, a reviewer both write for through
 * imports, scores, the schema, the rubric, the compendium draft, revisions of one case,
 * adjudications into the consensus, corrections of one document's outline (its cases split and
 * merged under the spans both make on them)) while one of them is killed with SIGKILL at random moments
 * and started again. Afterwards the project opens, and
 *  - every acknowledged write is there (0 lost),
 *  - every annotation quotes the text it is on (0 on wrong text),
 *  - every write that was not made was reported as a conflict, and a refused revision's text is
 *    kept (as a revision conflict), never lost.
 * Bounded: a fixed number of kills, a few seconds each; local files only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../services/open-project.ts';
import { hashText } from './file-stamp.ts';
import { smallProject } from './small-project.fixture.ts';
import { importCorrected } from '../services/outline/import-corrected.ts';

const FIXTURE = join(import.meta.dirname, 'two-writers.fixture.ts');
const KILLS = 8;
/** What the writers write, each by both (see two-writers.fixture.ts), and so every kind of shared file. */
const KINDS = ['span', 'import', 'comment', 'meta', 'label', 'weight', 'part', 'revision', 'adjudication', 'suggestions', 'decision', 'document', 'reload', 'outline', 'outlined span'];

interface Line {
  writer: string;
  op: 'ready' | 'ack' | 'conflict' | 'try' | 'error';
  what?: string;
  [key: string]: unknown;
}

const PARAGRAPH = '一、工作背景\n全市居民健康素养水平由2019年的20.3%提高到2023年的31.6%，𠀀字与😀表情也在文中。\n二、主要做法\n建立“健康副校长”制度，覆盖率达到95%以上，推广适宜技术。\n三、经验启示\n坚持部门联动，把健康融入所有政策。';
const CASES = [
  { id: 'c1', text: PARAGRAPH },
  // Adjudicated by both, at even and odd places: no astral characters to split.
  { id: 'c2', text: '第二个案例：慢性病综合防控示范区建设覆盖率达到百分之九十以上，居民满意度明显提高，基层医疗机构服务能力持续增强。' },
  { id: 'c3', text: PARAGRAPH.replace('全市', '全省') },
  { id: 'c4', text: PARAGRAPH.replace('全市', '全县') },
];

const OUTLINED = `# 典型案例汇编\n\n${[1, 2, 3, 4].map((n) => `# 案例${n}：第${n}个地方的健康行动\n\n## 一、工作背景\n\n第${n}地居民健康素养水平由2019年的20.3%提高到2023年的31.6%，𠀀字与😀表情也在文中。\n\n## 二、主要做法\n\n建立“健康副校长”制度，覆盖率达到95%以上。\n\n第二段做法：组建专家团队，开展健康讲座一百余场。\n\n## 三、经验启示\n\n坚持部门联动，把健康融入所有政策。`).join('\n\n')}\n`;

function start(dir: string, name: string, seed: number): { child: ChildProcess; lines: Line[]; ready: Promise<void>; exited: Promise<void>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir, name, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  let partial = '';
  let err = '';
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString();
    const complete = partial.split('\n');
    // Only complete lines were acknowledged; a line cut by the kill was not.
    partial = complete.pop()!;
    for (const text of complete) {
      const line = JSON.parse(text) as Line;
      if (line.op === 'ready') onReady();
      else lines.push(line);
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, lines, ready, exited, stderr: () => err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two writers on one folder, one killed at random moments', () => {
  it(`loses no acknowledged write, puts no annotation on wrong text, and reports every conflict (${KILLS} kills)`, async () => {
    const { dir, service: setup } = await smallProject(CASES, 'two-writers');
    // The paged document both reload (its layout file written by both).
    await importCorrected(setup.store, [{ name: 'toc.pdf', bytes: readFileSync(join(import.meta.dirname, '..', 'pdf', 'testdata', 'toc.pdf')), corrections: [] }], 'casebench');
    // The document both correct the outline of while they annotate it: four cases of three sections.
    await importCorrected(setup.store, [{ name: 'od.md', bytes: new TextEncoder().encode(OUTLINED), corrections: [] }], 'casebench');
    await setup.store.flush();
    const lines: Line[] = [];
    const a = start(dir, 'A', 11);
    await a.ready;
    let state = 7;
    const rnd = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < KILLS; round++) {
      const b = start(dir, 'B', 100 + round);
      await Promise.race([b.ready, b.exited]);
      await sleep(250 + Math.floor(rnd() * 1000));
      b.child.kill('SIGKILL');
      await b.exited;
      expect(b.child.signalCode, `writer B exited on its own: ${b.stderr()}`).toBe('SIGKILL');
      lines.push(...b.lines);
    }
    a.child.kill('SIGKILL');
    await a.exited;
    expect(a.child.signalCode, `writer A exited on its own: ${a.stderr()}`).toBe('SIGKILL');
    lines.push(...a.lines);

    const acks = lines.filter((l) => l.op === 'ack');
    const conflicts = lines.filter((l) => l.op === 'conflict');
    // Every write ended acknowledged or refused as a conflict: nothing else went wrong.
    expect(lines.filter((l) => l.op === 'error')).toEqual([]);
    const by = (what: string) => acks.filter((l) => l.what === what);
    for (const what of KINDS) expect(by(what).length, `acknowledged ${what}s`).toBeGreaterThan(0);

    const service = await openProject(dir);
    const api = service.handlers;

    // 0 annotations on wrong text: every placed span of every reviewer quotes its text.
    const reviewers = service.store.reviewers;
    const all = new Map<string, Array<{ id: string; note: string; exact: string; orphan: string | null }>>();
    for (const caseId of service.store.caseIds) {
      const detail = await api.getCase({ caseId, reviewers });
      for (const s of detail.spans) expect(detail.text.slice(s.start, s.end), `${s.reviewer}'s span in ${caseId}`).toBe(s.quote.exact);
      for (const s of [...detail.spans, ...detail.orphans]) {
        const k = `${s.reviewer}/${caseId}`;
        all.set(k, [...(all.get(k) ?? []), { id: s.id, note: s.note, exact: s.quote.exact, orphan: s.orphan ? s.orphan.reason : null }]);
      }
    }

    // 0 acknowledged writes lost.
    const lost: string[] = [];
    for (const l of [...by('span'), ...by('import'), ...by('outlined span')]) {
      // Where it is now: an outline correction may have moved it to another case with its text.
      const found = [...all].filter(([k]) => k.startsWith(`${l.reviewer}/`)).flatMap(([, list]) => list).find((s) => s.note === l.note);
      if (!found || found.orphan || found.exact !== l.exact) lost.push(`${l.what} ${l.note} of ${l.reviewer} in ${l.caseId} (${!found ? 'gone' : found.orphan ? `orphaned: ${found.orphan}` : `on "${found.exact}", not "${String(l.exact)}"`})`);
    }
    const schema = await api.getSchema({});
    for (const l of by('label')) if (!schema.labels.some((x) => x.id === l.id)) lost.push(`label ${l.id}`);
    const rubric = await api.getRubric({});
    for (const l of by('weight')) {
      const weight = rubric.criteria.find((c) => c.id === l.criterion)!.weight;
      if (weight < (l.value as number)) lost.push(`weight ${l.value} of ${l.criterion} (now ${weight})`);
    }
    const draft = (await api.getCompendium({})).draft!;
    for (const l of by('part')) if (!draft.parts.some((p) => p.title === l.title)) lost.push(`part ${l.title}`);
    const chain = service.store.getCase('c1')!.revisions;
    for (const l of by('revision')) if (hashText(chain[l.revision as number]?.text ?? '') !== l.hash) lost.push(`revision ${l.revision}`);
    const consensus = (await api.getCase({ caseId: 'c2', reviewers: ['consensus'] })).spans;
    for (const l of by('adjudication')) if (!consensus.some((s) => s.start === l.start && s.end === l.end && s.quote.exact === l.exact)) lost.push(`adjudication ${l.start}–${l.end}`);
    // A score comment and a reviewer's tags: the last acknowledged, or one tried after it (written, killed before the acknowledgement).
    for (const writer of ['A', 'B']) {
      const reviewer = `w${writer.toLowerCase()}`;
      const now = { comment: (await api.getScores({ caseId: 'c4' }))[reviewer]?.comment, meta: service.store.reviewerCase(reviewer, 'c3')?.meta?.tags[0] };
      for (const what of ['comment', 'meta'] as const) {
        const mine = lines.filter((l) => l.writer === writer && l.what === what && (l.op === 'try' || l.op === 'ack'));
        const last = mine.map((l) => l.op).lastIndexOf('ack');
        if (last < 0) continue;
        const allowed = new Set([mine[last]!.value, ...mine.slice(last).filter((l) => l.op === 'try').map((l) => l.value)]);
        if (!allowed.has(now[what])) lost.push(`${what} of ${writer}: ${now[what]} is not the last acknowledged ${String(mine[last]!.value)}`);
      }
    }
    // Suggestions for everyone, and each reviewer's decisions on them (an accepted one is a span of theirs).
    for (const l of by('suggestions')) if (!(await service.store.sharedSuggestions(l.caseId as string))) lost.push(`suggestions of ${l.caseId}`);
    for (const l of by('decision')) {
      const decided = service.store.reviewerCase(l.reviewer as string, l.caseId as string)?.decisions?.[l.id as string];
      if (decided !== (l.accept ? 'accepted' : 'rejected')) lost.push(`decision on ${l.id} of ${l.reviewer} (${decided})`);
      if (l.spanId && !(all.get(`${l.reviewer}/${l.caseId}`) ?? []).some((s) => s.id === l.spanId && !s.orphan && s.exact === l.exact)) lost.push(`span of accepted suggestion ${l.id} of ${l.reviewer}`);
    }
    // Documents added: listed, with every case of theirs there, and a PDF's page layout.
    for (const l of by('document')) {
      const doc = service.store.documents.find((d) => d.id === l.id);
      if (!doc) lost.push(`document ${l.id}`);
      else for (const c of l.cases as string[]) if (!service.store.getCase(c)) lost.push(`case ${c} of ${l.id}`);
      if (doc && String(l.file).endsWith('.pdf') && !(await service.store.layout(doc.id))) lost.push(`page layout of ${l.id}`);
    }
    // The reloaded PDF: its layout there and whole, its cases listed as the last reload made them.
    if (by('reload').length) {
      expect((await service.store.layout('toc'))?.geometry.pages.length, 'the page layout of the reloaded PDF').toBeGreaterThan(0);
      expect((await api.getOutline({ documentId: 'toc' })).cases.length).toBe(by('reload').at(-1)!.cases);
    }
    expect(lost).toEqual([]);

    // Every conflict reported, and a refused revision's text kept for a person.
    const kept = new Set([...chain.map((r) => hashText(r.text)), ...(await api.listRevisionConflicts({ caseId: 'c1' })).map((c) => hashText(c.text))]);
    for (const l of conflicts.filter((c) => c.what === 'revision')) expect(kept.has(l.hash as string), `a refused revision's text is kept`).toBe(true);
    for (const l of conflicts) expect(l.message).toMatch(/meanwhile|changed|another/);
    const finished = service.store.recovered.filter((n) => /finished from its journal/.test(n.message)).length;
    console.log(`two writers: ${finished ? `an interrupted outline correction finished at open; ` : ''}${acks.length} acknowledged writes (${KINDS.map((w) => `${by(w).length} ${w}`).join(', ')}), ${conflicts.length} conflicts reported, ${KILLS} kills, ${chain.length - 1} revisions`);
  }, 120_000);
});
