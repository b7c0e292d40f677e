import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeQuote } from '../../shared/anchor/index.ts';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import { smallProject, SMALL_CASES } from '../store/small-project.fixture.ts';
import { openProject } from './open-project.ts';

const TEXT = SMALL_CASES[0]!.text;

/** A span file as another writer's copy may leave it: spans said to be on revision 0 whose quotes are of another text. */
function span(id: string, start: number, end: number, exact: string): SpanAnnotation {
  const quote = { ...makeQuote(TEXT, start, end), exact };
  return { id, caseId: 'c1', start, end, quote, label: 'indicator', fields: {}, note: '', reviewer: 'alice', origin: 'manual', revision: 0, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' };
}

describe('spans on text they do not quote', () => {
  it('are placed again by their quote, or made orphans — never shown on other text', async () => {
    const { dir } = await smallProject();
    mkdirSync(join(dir, 'reviews', 'alice.spans'), { recursive: true });
    const at = TEXT.indexOf('26.82%');
    const spans = [span('right', at, at + 6, '26.82%'), span('moved', 0, 6, '26.82%'), span('gone', 2, 5, '完全不在文中的话')];
    writeFileSync(join(dir, 'reviews', 'alice.spans', 'c1.json'), JSON.stringify({ schemaVersion: 1, caseId: 'c1', spans }));
    writeFileSync(join(dir, 'reviews', 'alice.json'), JSON.stringify({ schemaVersion: 1, reviewer: 'alice', createdAt: '2024-01-01T00:00:00.000Z', cases: { c1: { spanCount: 3, orphanCount: 0, labelCounts: { indicator: 3 } } } }));
    const service = await openProject(dir, 'alice');
    const detail = await service.handlers.getCase({ caseId: 'c1' });
    for (const s of detail.spans) expect(detail.text.slice(s.start, s.end)).toBe(s.quote.exact);
    expect(detail.spans.map((s) => [s.id, s.start]).sort()).toEqual([
      ['moved', at],
      ['right', at],
    ]);
    expect(detail.orphans.map((s) => [s.id, s.orphan?.previousStart])).toEqual([['gone', 2]]);
    // Written back by the reviewer's own workbench: the next reader finds them placed.
    const again = await (await openProject(dir)).store.spans('alice', 'c1');
    expect(again.find((s) => s.id === 'gone')?.orphan).toBeDefined();
  });
});
