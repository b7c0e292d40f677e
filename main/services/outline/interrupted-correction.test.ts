/**
 * An outline correction cut short after each of its writes in turn, as a kill would cut it: every
 * write after the N-th fails (nothing more reaches the disk), the workbench is dropped, and the
 * project is opened again. Cut after the correction was recorded (its journal, then the document's
 * list of corrections), it is finished at open from its journal, and the project is then as if the
 * correction had run whole: the same cases and texts, every reviewer's spans on
 * the text they quote, where the uninterrupted correction put them.
 */
import { describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectService } from '../project-service.ts';
import { openProject } from '../open-project.ts';
import { misreadProject, paragraphIn, withBingInYi } from './outline.fixture.ts';

/** The writes allowed before the "kill" (Infinity: no kill). */
const gate = vi.hoisted(() => ({ left: Number.POSITIVE_INFINITY, made: 0, journalled: false, recorded: false }));
vi.mock('../../store/atomic-write.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../store/atomic-write.ts')>();
  return {
    ...real,
    writeFileDurably: async (...args: Parameters<typeof real.writeFileDurably>) => {
      if (gate.left <= 0) throw new Error('killed');
      gate.left--;
      gate.made++;
      if (String(args[0]).endsWith('.changing') && String(args[1]).includes('"journal"')) gate.journalled = true;
      // The document's list of corrections written after the journal: the correction is recorded.
      else if (gate.journalled && /outline[\\/]misread\.json$/.test(String(args[0]))) gate.recorded = true;
      return real.writeFileDurably(...args);
    },
  };
});

const DOC = 'misread';

/** A project with the 乙县 case holding 丙区's text, two reviewers' spans on both parts, and the edit that splits 丙区 out. */
async function annotated(): Promise<{ dir: string; split: { caseId: string; at: number }; quotes: string[] }> {
  const { dir, service } = await misreadProject('张三');
  const api = service.handlers;
  const view = await withBingInYi(await api.getOutline({ documentId: DOC }), async (e) => (await api.correctOutline({ documentId: DOC, edit: e })).view);
  const yi = paragraphIn(view, '乙县高血压患者')!.caseId;
  const quotes = ['规范管理率不足40%', '建成健康步道40条', '常住人口45万人'];
  for (const [k, quote] of quotes.entries()) {
    if (k === 2) await api.setReviewer({ name: '李四' });
    const text = (await api.getCase({ caseId: yi })).text;
    await api.addSpan({ caseId: yi, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, label: 'lesson', note: quote });
  }
  await service.store.flush();
  return { dir, split: paragraphIn(view, '丙区：打造健康社区')!, quotes };
}

/** Where every span is, by its note: the case and the text under it, read through the API of a workbench opened afresh. */
async function placed(service: ProjectService): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const caseId of service.store.caseIds) {
    const detail = await service.handlers.getCase({ caseId, reviewers: service.store.reviewers });
    for (const s of [...detail.spans, ...detail.orphans]) out[s.note] = `${s.reviewer} ${detail.summary.title} ${s.orphan ? 'orphan' : detail.text.slice(s.start, s.end)}`;
  }
  return out;
}

async function splitCutAfter(writes: number): Promise<{ made: number; recorded: boolean; outcome: Record<string, string>; cases: string[]; recovered: string[]; marker: boolean }> {
  const { dir, split } = await annotated();
  const first = await openProject(dir, '张三');
  // Nothing of opening it still to write: the writes counted are the correction's (and the index writes it defers).
  await first.store.flush();
  gate.made = 0;
  gate.journalled = false;
  gate.recorded = false;
  gate.left = writes;
  const run = first.handlers.correctOutline({ documentId: DOC, edit: { op: 'split', caseId: split.caseId, at: split.at, titleFromParagraph: true } });
  await run.catch(() => undefined);
  // Whatever it had in memory is gone with the process; writes it had deferred fail too.
  await first.store.flush().catch(() => undefined);
  const { made, recorded } = gate;
  gate.left = Number.POSITIVE_INFINITY;
  const again = await openProject(dir, '张三');
  const view = await again.handlers.getOutline({ documentId: DOC });
  return {
    made,
    recorded,
    outcome: await placed(again),
    cases: view.cases.map((c) => `${c.title}: ${c.paragraphs.map((p) => p.text.slice(0, 6)).join('|')}`),
    recovered: again.store.recovered.map((n) => n.message),
    marker: existsSync(join(dir, 'corpus', 'outline', `${DOC}.changing`)),
  };
}

describe('an outline correction cut short after any of its writes', () => {
  it('is finished at the next open from its journal: the same outline and every span where the whole correction puts it', async () => {
    const whole = await splitCutAfter(Number.POSITIVE_INFINITY);
    expect(whole.recovered).toEqual([]);
    expect(Object.keys(whole.outcome).sort()).toEqual(['规范管理率不足40%', '建成健康步道40条', '常住人口45万人'].sort());
    for (const [note, where] of Object.entries(whole.outcome)) expect(where.endsWith(note), where).toBe(true);
    // The correction makes this many writes; cut after each one but the last (after the last it is whole).
    expect(whole.made).toBeGreaterThan(8);
    let journalled = 0;
    for (let n = 1; n < whole.made; n++) {
      const cut = await splitCutAfter(n);
      expect(cut.marker, `after write ${n}: the change marker is cleared at open`).toBe(false);
      // Killed before it was recorded (after its journal, the list of corrections), the correction was never made: the project is as before it.
      if (cut.cases.length !== whole.cases.length) {
        expect(cut.recorded, `after write ${n}: the correction is lost only when cut before it was recorded`).toBe(false);
        continue;
      }
      expect(cut.cases, `after write ${n}`).toEqual(whole.cases);
      expect(cut.outcome, `after write ${n}`).toEqual(whole.outcome);
      if (cut.recovered.some((m) => /finished from its journal/.test(m))) journalled++;
    }
    // Cut anywhere between its journal and its last write (the counts written after it need no
    // repair), it was finished from the journal: each of the shards, records and lists it writes.
    expect(journalled).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
