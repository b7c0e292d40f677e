import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../main/services/open-project.ts';
import type { ProjectService } from '../main/services/project-service.ts';
import { disk, endSession, eventually, openCaseFromNavigator, screenshot, startSession, type Served } from './harness.ts';

/**
 * Two writers on one project folder: the workbench in Chromium against `casebench serve`, and a
 * second casebench process's worth of writes made from this test (its own store on the same
 * folder), plus a conflict copy as Syncthing leaves one. The page shows what the other wrote when
 * it gets the focus, keeps a refused revision as a conflict to resolve, and offers the copy.
 */
describe('two writers on one folder, in the browser', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let other: ProjectService;
  const errors: string[] = [];
  const CASE = 'hc2024-03';
  const refused = /status of 409 \(Conflict\)/;

  beforeAll(async () => {
    ({ served, browser, page } = await startSession(errors));
    await page.waitForSelector('dialog#reviewer[open]');
    await page.keyboard.type('编辑甲');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#reviewer', { state: 'detached' });
    other = await openProject(served.dir, '编辑乙');
  });
  afterAll(() => endSession({ served, browser }));

  const focus = () => page.evaluate(() => window.dispatchEvent(new Event('focus')));

  it("keeps a revision refused because another writer revised first, and applies it on the other's text", async () => {
    await openCaseFromNavigator(page, CASE);
    await page.click('#tab-revisions');
    await page.click('.revision-panel button:has-text("编辑正文")');
    const text = await page.inputValue('.revise-text');
    const mine = `甲的前言。\n${text}`;
    await page.fill('.revise-text', mine);
    // The other process revises the case first, on the same revision.
    await other.handlers.reviseText({ caseId: CASE, text: `${text}\n乙补充的结语。`, baseRevision: 0 });
    await page.click('.revise-form button[type="submit"]');
    await page.waitForSelector('#revise-error');
    await eventually(() => errors.some((e) => refused.test(e)));
    errors.splice(0, errors.length, ...errors.filter((e) => !refused.test(e)));
    // The refused text is listed as a revision conflict, with the other's text to compare.
    await page.waitForSelector('.revision-conflicts li');
    expect(await page.textContent('.revision-conflicts h4')).toContain('修订冲突 (1)');
    // Revisions are counted from 1 in the interface: the text as loaded is 第 1 版, this one 第 2 版.
    expect(await page.textContent('.revision-conflicts li')).toContain('第 2 版，编辑甲');
    await page.click('.revise-form button:has-text("取消")');
    await page.click('.revision-conflicts summary');
    await screenshot(page, 'two-writers-revision-conflict');
    await page.click('.revision-conflicts button:has-text("作为新版本采用")');
    await page.waitForSelector('.revision-conflicts', { state: 'detached' });
    const revisions = disk.caseFile(served.dir, CASE).case.revisions;
    expect(revisions.map((r) => r.revision)).toEqual([0, 1, 2]);
    expect(revisions[1]!.text).toBe(`${text}\n乙补充的结语。`);
    expect(revisions[2]!.text).toBe(mine);
    await expect.poll(() => page.locator('.revisions li').count()).toBe(3);
    await expect.poll(() => page.textContent('.reader-text')).toContain('甲的前言。');
  });

  it('shows a label another writer added when the window gets the focus', async () => {
    expect(await page.locator('.label-bar button.label-button').count()).toBe(6);
    const schema = await other.handlers.getSchema({});
    await other.handlers.setSchema({ base: schema, schema: { labels: [...schema.labels, { id: 'remote', name: { zh: '乙的标签', en: 'Remote' }, color: '#884400', cue: 'dotted', glyph: '◇', hotkey: '9', fields: [] }] } });
    await focus();
    await expect.poll(() => page.locator('.label-bar button.label-button').count()).toBe(7);
  });

  it('offers a conflict copy Syncthing left, and merges it', async () => {
    const schema = JSON.parse(readFileSync(join(served.dir, 'schema.json'), 'utf8')) as { labels: Array<Record<string, unknown>> };
    const copy = { ...schema, labels: [...schema.labels, { id: 'laptop', name: { zh: '笔记本上的标签', en: 'Laptop' }, color: '#225588', cue: 'double', glyph: '◎', hotkey: '8', fields: [] }] };
    writeFileSync(join(served.dir, 'schema.sync-conflict-20240501-101530-ABCDEF7.json'), JSON.stringify(copy));
    await focus();
    await page.waitForSelector('.sync-conflicts');
    expect(await page.textContent('.sync-conflicts')).toContain('1 个项目文件的冲突副本');
    await page.click('.sync-conflicts button:has-text("显示")');
    await page.waitForSelector('.file-conflicts li');
    expect(await page.textContent('.file-conflicts li')).toContain('schema.json');
    expect(await page.textContent('.file-conflicts li')).toContain('Syncthing');
    await screenshot(page, 'two-writers-conflict-copy');
    await page.click('.file-conflicts button:has-text("合并两者")');
    await page.waitForSelector('.sync-conflicts', { state: 'detached' });
    const merged = JSON.parse(readFileSync(join(served.dir, 'schema.json'), 'utf8')) as { labels: Array<{ id: string }> };
    expect(merged.labels.map((l) => l.id).slice(-2)).toEqual(['remote', 'laptop']);
    await expect.poll(() => page.locator('.label-bar button.label-button').count()).toBe(8);
    expect(errors).toEqual([]);
  });
});
