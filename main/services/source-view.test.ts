import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createProject } from './open-project.ts';
import { errorOf } from './errors.fixture.ts';

async function project(files?: Array<{ name: string; bytes: Uint8Array | string }>) {
  const dir = mkdtempSync(join(tmpdir(), 'casebench-source-'));
  const paths = (files ?? []).map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return { path };
  });
  const { service } = await createProject(join(dir, 'p'), files ? paths : null);
  await service.handlers.setReviewer({ name: 'alice' });
  return service.handlers;
}

describe('sourceExcerpt: a span shown in the file it came from', () => {
  it('finds a span of a seed in its source file, with the lines around it', async () => {
    const api = await project();
    const text = (await api.getCase({ caseId: 'hc2024-03' })).text;
    const at = text.indexOf('领导重视是前提');
    const ex = await api.sourceExcerpt({ caseId: 'hc2024-03', start: at, end: at + 7 });
    expect(ex).toMatchObject({ file: 'healthy-china-2024-typical-cases-compendium.txt', found: true, quote: '领导重视是前提' });
    const marked = ex.lines.filter((l) => l.mark);
    expect(marked.map((l) => l.text.slice(l.mark!.start, l.mark!.end)).join('')).toBe('领导重视是前提');
    expect(ex.lines.length).toBeGreaterThan(3);
    expect(ex.lines[0]!.number).toBeGreaterThan(100);
  });

  // A hard-wrapped, GB18030-encoded file: the span crosses a line the loader joined, and the
  // text around it holds astral characters.
  it('maps across joined lines and astral characters in a GB18030 file', async () => {
    const body = '各地区各部门认真贯彻落实健康中国行动部署要求，𠀀市人均预期寿命达到😀83.06岁，健康素养水平提高到31.2%，重大慢性病过早死亡率持续下降，群众获得感明显增强。'.repeat(3);
    // Hard-wrapped every 24 units (never inside a surrogate pair), as PDF extraction leaves it.
    const wrapped: string[] = [];
    for (let i = 0; i < body.length; ) {
      const j = /[\uDC00-\uDFFF]/.test(body[i + 24] ?? '') ? i + 25 : i + 24;
      wrapped.push(body.slice(i, j));
      i = j;
    }
    const raw = ['一、工作背景', ...wrapped, '二、主要做法', '开展健康促进活动，覆盖全市。'].join('\r\n');
    const api = await project([{ name: 'wrapped.txt', bytes: iconv.encode(raw, 'gb18030') }]);
    const [c] = await api.listCases({});
    const text = (await api.getCase({ caseId: c!.id })).text;
    // Across a join of two source lines, holding an astral character.
    const around = (k: number) => wrapped[k]!.slice(-6) + wrapped[k + 1]!.slice(0, 6);
    const k = wrapped.findIndex((_, i) => i + 1 < wrapped.length && /[\u{20000}\u{1F600}]/u.test(around(i)));
    expect(k).toBeGreaterThanOrEqual(0);
    const quote = around(k);
    const at = text.indexOf(quote);
    expect(at).toBeGreaterThan(0);
    const ex = await api.sourceExcerpt({ caseId: c!.id, start: at, end: at + quote.length });
    expect(ex.found).toBe(true);
    expect(ex.quote).toBe(`${wrapped[k]!.slice(-6)}\r\n${wrapped[k + 1]!.slice(0, 6)}`);
    // Line 1 is the heading; wrapped[k] is line k + 2.
    expect(ex.lines.filter((l) => l.mark).map((l) => l.number)).toEqual([k + 2, k + 3]);
  });

  it('follows revisions back to the text as loaded; text a revision added has no place in the source', async () => {
    const api = await project();
    const text = (await api.getCase({ caseId: 'hc2024-03' })).text;
    await api.reviseText({ caseId: 'hc2024-03', text: '编者按：新增的说明。\n' + text.replace('领导重视是前提', '领导重视是首要前提') });
    const now = (await api.getCase({ caseId: 'hc2024-03' })).text;
    const tech = now.indexOf('技术支撑是保障');
    expect(await api.sourceExcerpt({ caseId: 'hc2024-03', start: tech, end: tech + 7 })).toMatchObject({ found: true, quote: '技术支撑是保障' });
    const added = now.indexOf('新增的说明');
    expect(await api.sourceExcerpt({ caseId: 'hc2024-03', start: added, end: added + 5 })).toMatchObject({ found: false, quote: '新增的说明', lines: [] });
    // Partly rewritten: the part that was in the source.
    const lead = now.indexOf('领导重视是首要前提');
    expect((await api.sourceExcerpt({ caseId: 'hc2024-03', start: lead, end: lead + 9 })).quote).toBe('领导重视是前提');
  });

  it('refuses a range outside the text', async () => {
    const api = await project();
    expect((await errorOf(api.sourceExcerpt({ caseId: 'hc2024-03', start: 5, end: 10_000_000 }))).message).toMatch(/outside the text/);
  });
});
