import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disk, endSession, eventually, openCaseFromNavigator, screenshot, selectInReader, startSession, type Served } from './harness.ts';

/**
 * The committee's and the editors' work in the real renderer: two reviewers annotate and score
 * the same case, the comparison view shows their differences, adjudication builds the consensus,
 * and the compendium builder exports a DOCX that is read back.
 */
describe('review and editorial workflow in a browser', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const CASE = 'hc2024-03';
  const OTHER = 'hc2024-01';

  beforeAll(async () => ({ served, browser, page } = await startSession(errors)));
  afterAll(() => endSession({ served, browser }));

  const becomeReviewer = async (name: string, firstRun = false) => {
    // On first run the workbench asks by itself; later the badge opens the same dialog.
    if (firstRun) await page.waitForSelector('dialog#reviewer[open]');
    else await page.click('.reviewer-badge');
    await page.fill('dialog#reviewer input', name);
    await page.click('dialog#reviewer button[type="submit"]');
    await expect.poll(() => page.textContent('.reviewer-badge')).toContain(name);
  };
  const openCase = (id: string) => openCaseFromNavigator(page, id);
  const mark = async (text: string, key: string, reviewer: string, caseId: string, count: number) => {
    await selectInReader(page, text);
    await page.focus('.reader-text');
    await page.keyboard.press(key);
    await eventually(() => disk.spans(served.dir, reviewer, caseId).length === count);
  };
  /** Rate each criterion (in rubric order), recommend, and comment; checked on disk. */
  const score = async (reviewer: string, caseId: string, ratings: number[], recommendation: string, comment: string) => {
    await page.click('#tab-score');
    await page.waitForSelector('.score-panel .rating');
    const groups = page.locator('.score-panel .rating');
    expect(await groups.count()).toBe(ratings.length);
    for (const [i, r] of ratings.entries()) {
      await groups.nth(i).locator(`button:text-is("${r}")`).click();
      await expect.poll(() => groups.nth(i).locator('button[aria-checked="true"]').textContent()).toBe(String(r));
    }
    await page.click(`.score-panel .recommendation input[value="${recommendation}"]`);
    await expect.poll(() => page.isChecked(`.score-panel .recommendation input[value="${recommendation}"]`)).toBe(true);
    await page.fill('.score-panel textarea', comment);
    await page.locator('.score-panel textarea').blur();
    return eventually(() => {
      const s = disk.reviewer(served.dir, reviewer).cases[caseId]?.score;
      return s?.comment === comment && s;
    });
  };

  it('two reviewers annotate and score the same case; each score is in its own file', async () => {
    await becomeReviewer('张三', true);
    await openCase(CASE);
    await mark('领导重视是前提', '2', '张三', CASE, 1);
    await mark('技术支撑是保障', '2', '张三', CASE, 2);
    await mark('实施健康影响评估意义重大', '2', '张三', CASE, 3);
    const a = await score('张三', CASE, [5, 4, 4, 5], 'include', '机制清楚，经验可推广。');
    expect(a).toMatchObject({ ratings: { innovation: 5, effectiveness: 4, replicability: 4, writing: 5 }, recommendation: 'include' });
    await screenshot(page, '10-score-panel');

    // Evidence: the selected annotation is linked to a criterion.
    await page.click('#tab-annotations');
    await page.click('.annotation-list li:has-text("领导重视是前提") button');
    await page.click('#tab-score');
    await page.locator('.score-panel .criterion').nth(2).locator('button:has-text("关联所选标注为依据")').click();
    const evidence = await eventually(() => disk.reviewer(served.dir, '张三').cases[CASE]?.score?.evidence?.replicability);
    const lead = disk.spans(served.dir, '张三', CASE).find((s) => s.quote.exact === '领导重视是前提')!;
    expect(evidence).toEqual([lead.id]);

    await openCase(OTHER);
    await score('张三', OTHER, [3, 3, 3, 3], 'include', '完整。');

    await becomeReviewer('李四');
    await openCase(CASE);
    await mark('领导重视是前提', '3', '李四', CASE, 1); // a different label
    await mark('技术支撑', '2', '李四', CASE, 2); // different boundaries
    // and 李四 leaves out 实施健康影响评估意义重大
    const b = await score('李四', CASE, [2, 3, 2, 3], 'include', '成效数据偏少。');
    expect(b.recommendation).toBe('include');
    await openCase(OTHER);
    await score('李四', OTHER, [5, 5, 5, 5], 'include', '成效突出。');
    expect(Object.keys(disk.reviewer(served.dir, '张三').cases[CASE]!.score.ratings)).toHaveLength(4);
    // The navigator shows the reviewer's own weighted score (李四's 2.5 here); the mean of
    // both, (4.5 + 2.5) / 2, is the ranking's (issue 13, item 8).
    await expect.poll(() => page.textContent(`[data-case-id="${CASE}"] .score`)).toBe('评分 2.50');
  });

  it('ranks the cases by weighted mean across reviewers, with their spread and charts', async () => {
    await page.click('.topbar nav.views button:has-text("评分排名")');
    await page.waitForSelector('table.ranking tbody tr');
    const rows = await page.locator('table.ranking tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows).toHaveLength(2);
    // hc2024-01: (3+5)/2 = 4 on every criterion; hc2024-03: means 3.5, 3.5, 3, 4 with equal weights = 3.5.
    expect(rows[0]![1]).toContain('创新大人群体重干预模式'); // hc2024-01
    expect(rows[0]![3]).toBe('4.00');
    expect(rows[1]![3]).toBe('3.50');
    expect(rows[0]![4]).toMatch(/^2\.00/); // spread between the reviewers' weighted scores: 5 − 3
    expect(await page.locator('.charts canvas').count()).toBe(6); // four criteria, two reviewers
    expect(await page.getAttribute('.charts canvas >> nth=0', 'aria-label')).toMatch(/创新性 — 1: 0, 2: 1, 3: 1, 4: 0, 5: 2/);
    expect(await page.getAttribute('.charts canvas >> nth=4', 'aria-label')).toBe('张三 的评分 — 1: 0, 2: 0, 3: 4, 4: 2, 5: 2');
    await screenshot(page, '11-ranking');

    // The rubric is the project's own: weigh 规范性 three times; the ranking follows.
    await page.click('.ranking-view button:has-text("编辑评分标准")');
    await page.fill('.rubric-editor input[aria-label="权重 4"]', '3');
    await page.click('.rubric-editor button[type="submit"]');
    await page.waitForSelector('.rubric-editor', { state: 'detached' });
    // 张三 (5 + 4 + 4 + 3·5) / 6 = 4.67, 李四 (2 + 3 + 2 + 3·3) / 6 = 2.67: mean 3.67.
    await expect.poll(() => page.locator('table.ranking tbody tr').nth(1).locator('td').nth(3).textContent()).toBe('3.67');
    const rubric = JSON.parse(readFileSync(`${served.dir}/rubric.json`, 'utf8')) as { criteria: Array<{ id: string; weight: number }> };
    expect(rubric.criteria.find((c) => c.id === 'writing')!.weight).toBe(3);

    // The charts follow the filters: 河北 keeps hc2024-03 alone (创新性: 张三 5, 李四 2).
    await page.fill('.ranking-view .inline-filter input', '河北');
    await expect.poll(() => page.getAttribute('.charts canvas >> nth=0', 'aria-label')).toBe('创新性 — 1: 0, 2: 1, 3: 0, 4: 0, 5: 1');
    expect(await page.getAttribute('.charts canvas >> nth=4', 'aria-label')).toBe('张三 的评分 — 1: 0, 2: 0, 3: 0, 4: 2, 5: 2');
    await page.fill('.ranking-view .inline-filter input', '');
    // And the rubric: a new criterion gets its chart at once; removed again, the chart goes.
    const editRubric = async (step: () => Promise<void>, charts: number) => {
      await page.click('.ranking-view button:has-text("编辑评分标准")');
      await step();
      await page.click('.rubric-editor button[type="submit"]');
      await page.waitForSelector('.rubric-editor', { state: 'detached' });
      await expect.poll(() => page.locator('.charts canvas').count()).toBe(charts);
    };
    await editRubric(() => page.click('.rubric-editor button:has-text("添加维度")'), 7);
    expect(await page.getAttribute('.charts canvas >> nth=4', 'aria-label')).toBe('新维度 — 1: 0, 2: 0, 3: 0, 4: 0, 5: 0');
    await editRubric(() => page.click('.rubric-editor button[aria-label="删除维度 新维度"]'), 6);
  });

  it('shows the agreement per label and per case, and opens the weakest case for comparison', async () => {
    await page.click('.topbar nav.views button:has-text("一致性")');
    // Nobody has marked a case 已审 yet: nothing is counted, and the view says why.
    await expect.poll(() => page.textContent('.agreement-view .summary')).toMatch(/0 个案例至少有两人审过.*含在审/);
    await page.check('.agreement-view input[value="touched"]');
    await expect.poll(() => page.textContent('.agreement-view .summary')).toMatch(/2 个案例至少有两人审过/);
    const row = async (label: string) => (await page.locator(`.agreement-view table.figures tr:has(th:has-text("${label}"))`).first().locator('td').allTextContents()).map((x) => x.trim());
    // By hand: 张三 marked three lessons, 李四 one practice and one lesson (技术支撑 inside 技术支撑是保障).
    // Lessons: exact 0 of 3 + 1; overlap 2·1 / 4 = 0.5. All labels: exact 0; overlap 2·1 / 5 = 0.4.
    expect((await row('经验启示')).slice(0, 2)).toEqual(['0.00 ⚠', '0.50 ⚠']);
    expect((await row('全部标签')).slice(0, 2)).toEqual(['0.00 ⚠', '0.40 ⚠']);
    // Both recommended 入选 everywhere: kappa is undefined (no variation), and the reason is given.
    const rec = page.locator('.agreement-view tr:has(th:text-is("推荐意见")) td').first().locator('.figure');
    expect(await rec.textContent()).toBe('—');
    expect(await rec.getAttribute('title')).toMatch(/所有判断都相同/);
    const cases = page.locator('.agreement-view table.by-case tbody tr');
    expect(await cases.count()).toBe(2);
    expect(await cases.first().locator('th').textContent()).toBe('高位推进 部门联动 努力推动将健康融入所有政策');
    // Over any set of cases: picking one (found by its title) narrows every figure to it.
    await page.click('.agreement-view .case-picker summary');
    await page.fill('.agreement-view .case-picker input[type="search"]', '高位推进');
    await page.check(`.agreement-view .case-picker input[value="${CASE}"]`);
    await expect.poll(() => page.textContent('.agreement-view .summary')).toMatch(/1 个案例至少有两人审过（共 1 个）/);
    expect(await cases.count()).toBe(1);
    await screenshot(page, '12b-agreement-picked');
    // Between the reviewers chosen: with one left out there is nobody to compare.
    await page.uncheck('.agreement-view .reviewer-picker input[value="李四"]');
    await page.waitForSelector('.agreement-view p:has-text("至少需要两位标注人")');
    await page.check('.agreement-view .reviewer-picker input[value="李四"]');
    await page.click('.agreement-view .case-picker button:has-text("清除选择")');
    await expect.poll(() => page.textContent('.agreement-view .summary')).toMatch(/2 个案例至少有两人审过（共 87 个）/);
    await page.click('.agreement-view .case-picker summary');
    await screenshot(page, '12a-agreement');
    await cases.first().locator('th button').click();
    await page.waitForSelector('.compare-view .differences li');
  });

  it('compares the two reviewers on the case and marks every difference', async () => {
    await page.click('.topbar nav.views button:has-text("评分排名")');
    await page.click(`table.ranking button:has-text("高位推进")`);
    await page.waitForSelector('.reader-text p');
    await page.click('.topbar nav.views button:has-text("对比裁决")');
    await page.waitForSelector('.differences li');
    const kinds = await page.locator('.differences li strong').allTextContents();
    expect(kinds.sort()).toEqual(['有人未标', '标签不同', '边界不同'].sort());
    expect(await page.locator('.compare-column').count()).toBe(2);
    // Each column shows its reviewer's spans, painted with the label's colour and underline.
    const painted = (name: string) => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
    await expect.poll(() => painted('cmp0-cb-label-lesson')).toBe(3);
    expect(await painted('cmp1-cb-label-lesson')).toBe(1);
    expect(await painted('cmp1-cb-label-practice')).toBe(1);
    const css = await page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
    expect(css).toContain('::highlight(cmp1-cb-label-practice)');
    await page.click('.differences li:has-text("标签不同") button.link');
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('cb-cmp-focus')?.size ?? 0)).toBe(2);
    await screenshot(page, '12-compare');
  });

  it('adjudicates each difference; the consensus is a reviewer of its own on disk', async () => {
    const adopt = async (kind: string, who: string) => {
      await page.click(`.differences li:has-text("${kind}") button:has-text("采用 ${who} 的")`);
      await expect.poll(() => page.locator(`.differences li:has-text("${kind}") button:has-text("采用 ${who} 的")`).getAttribute('aria-pressed')).toBe('true');
    };
    // A span one reviewer has and the other lacks: marked extra on one side, missing on the other.
    const oneSided = page.locator('.differences li:has-text("有人未标")');
    expect(await oneSided.locator('.version:has-text("张三") .presence').textContent()).toBe('多标');
    expect(await oneSided.locator('.version:has-text("李四") .presence').textContent()).toBe('漏标');
    await adopt('标签不同', '李四');
    await adopt('边界不同', '张三');
    await adopt('有人未标', '张三');
    const consensus = await eventually(() => {
      const s = disk.spans(served.dir, 'consensus', CASE);
      return s.length === 3 && s;
    });
    const byQuote = Object.fromEntries(consensus.map((s) => [s.quote.exact, s.label]));
    expect(byQuote).toEqual({ 领导重视是前提: 'practice', 技术支撑是保障: 'lesson', 实施健康影响评估意义重大: 'lesson' });
    expect(consensus.every((s) => s.reviewer === 'consensus')).toBe(true);
    // The reviewers' own work is untouched.
    expect(disk.spans(served.dir, '张三', CASE)).toHaveLength(3);
    expect(disk.spans(served.dir, '李四', CASE)).toHaveLength(2);
    await screenshot(page, '13-adjudicated');

    // The consensus can also be edited by hand: as the reviewer `consensus`, in the reader.
    await page.click('.differences li:has-text("边界不同") button:has-text("修改共识")');
    await expect.poll(() => page.textContent('.reviewer-badge')).toContain('consensus');
    await page.waitForSelector('.span-editor');
    expect(await page.textContent('.span-editor')).toContain('技术支撑是保障');
    await page.click('.span-editor button:has-text("删除标注")');
    await eventually(() => disk.spans(served.dir, 'consensus', CASE).length === 2);
    await page.keyboard.press('Control+z');
    await eventually(() => disk.spans(served.dir, 'consensus', CASE).length === 3);
  });

  it('builds the compendium from the recommendations, reorders it, and exports a DOCX that reads back', async () => {
    await page.click('.topbar nav.views button:has-text("汇编")');
    await page.click('.compendium-view button:has-text("生成初稿")');
    await page.waitForSelector('.draft-case');
    const titles = () => page.locator('.draft-case .draft-title').allTextContents();
    const proposed = await titles();
    expect(proposed).toHaveLength(2);
    // Move the second case up: the numbering and the table of contents follow.
    await page.locator('.draft-case').nth(1).locator('button[aria-label="上移"]').click();
    await expect.poll(titles).toEqual([proposed[1], proposed[0]]);
    const toc = await page.locator('.toc li.toc-case').allTextContents();
    expect(toc).toHaveLength(2);
    expect(toc[0]).toMatch(new RegExp(`^1．.*${proposed[1]}$`));
    expect(toc[1]).toMatch(new RegExp(`^2．.*${proposed[0]}$`));
    const onDisk = JSON.parse(readFileSync(`${served.dir}/compendium.json`, 'utf8')) as { draft: { parts: Array<{ caseIds: string[] }> } };
    expect(onDisk.draft.parts.flatMap((p) => p.caseIds)).toHaveLength(2);
    // The completeness checks are shown per case, and whose annotations each case is built from:
    // the consensus where it adjudicated; elsewhere (the consensus is the current reviewer and has
    // no work there) whoever annotated most, here nobody.
    expect(await page.locator('.draft-case .checks, .draft-case .ok').count()).toBe(2);
    const sourceOf = (title: string) => page.locator(`.draft-case:has(.draft-title:text-is("${title}")) .draft-source`).textContent();
    expect(await sourceOf(proposed[1]!)).toBe('来源：共识'); // hc2024-03, adjudicated above
    expect(await sourceOf(proposed[0]!)).toBe('来源：无人标注（按原文分节）'); // hc2024-01: scored, not annotated
    await screenshot(page, '14-compendium');

    // Parts: add one, rename it (Enter), move it up from the keyboard; focus stays with it.
    type Draft = { title: string; parts: Array<{ title: string; caseIds: string[] }>; preface?: string; issuer?: string };
    const draftOnDisk = () => (JSON.parse(readFileSync(`${served.dir}/compendium.json`, 'utf8')) as { draft: Draft }).draft;
    const partsOnDisk = () => draftOnDisk().parts.map((p) => `${p.title}:${p.caseIds.length}`);
    const [partName] = draftOnDisk().parts.map((p) => p.title) as [string];
    expect(partsOnDisk()).toEqual([`${partName}:2`]);
    await page.click('.compendium-view button.add-part');
    await eventually(() => partsOnDisk().length === 2);
    expect(partsOnDisk()).toEqual([`${partName}:2`, '新篇章:0']);
    // The new part's title has the focus, ready to be named.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第 2 篇的名称');
    expect(await page.locator('.draft-part').nth(1).locator('.empty-part').textContent()).toMatch(/空篇章，导出时略去/);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('附录篇');
    await page.keyboard.press('Enter');
    await eventually(() => partsOnDisk()[1] === '附录篇:0');
    // A case taken out is listed as left out, with why; added back with ＋, it goes into its own
    // part (as the source has it), not into the last part.
    const removedTitle = proposed[0]!;
    await page.click(`.draft-case:has(.draft-title:text-is("${removedTitle}")) button[aria-label="移出汇编"]`);
    await eventually(() => partsOnDisk()[0] === `${partName}:1`);
    await expect.poll(() => page.textContent('.left-out')).toContain('符合条件，由编辑移出');
    await page.click(`button[aria-label="加入汇编：${removedTitle}"]`);
    await eventually(() => partsOnDisk()[0] === `${partName}:2`);
    expect(partsOnDisk()).toEqual([`${partName}:2`, '附录篇:0']);
    await expect.poll(() => page.textContent('.left-out')).toContain('没有');
    await page.focus('button[aria-label="上移篇章：附录篇"]');
    await page.keyboard.press('Enter');
    await eventually(() => partsOnDisk()[0] === '附录篇:0');
    expect(partsOnDisk()).toEqual(['附录篇:0', `${partName}:2`]);
    // At the top its 上移 is disabled: focus is on its 下移, still on the part that moved.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('下移篇章：附录篇');
    expect(await page.locator('.draft-part').first().getAttribute('aria-label')).toBe('附录篇');
    // The empty part is left out of the table of contents (and of the export below).
    expect(await page.locator('.toc li.toc-part').allTextContents()).toEqual([`第一篇　${partName}`]);
    // The cover line and the 前言 the editor writes go with the draft.
    await page.fill('.compendium-view label:has-text("编印单位") input', '中国健康教育中心　编');
    await page.fill('.compendium-view textarea.preface', '为总结推广经验做法，现将典型案例汇编成册。\n供各地参考借鉴。');
    await page.locator('.compendium-view textarea.preface').blur();
    await eventually(() => draftOnDisk().preface?.includes('供各地参考借鉴') && draftOnDisk().issuer === '中国健康教育中心　编');
    await screenshot(page, '14b-compendium-parts');

    await page.click('.compendium-view button:has-text("导出 Word")');
    await page.waitForSelector('.compendium-view .export-status button');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.compendium-view .export-status button')]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const xml = strFromU8(zip['word/document.xml']!);
    // A title broken at its space has a line break there: read as the space it stands for.
    const text = xml.replace(/<w:br\/>/g, ' ').replace(/<[^>]+>/g, '');
    const [second, first] = proposed as [string, string];
    // Each title is there twice: in the table of contents (filled from the headings) and as the
    // case's heading in the body; both in the editor's order, numbered from 1.
    expect(text.indexOf(first)).toBeGreaterThan(-1);
    expect(text.indexOf(first)).toBeLessThan(text.indexOf(second));
    expect(text.lastIndexOf(first)).toBeLessThan(text.lastIndexOf(second));
    expect(text.lastIndexOf(first)).toBeGreaterThan(text.indexOf(second));
    expect(xml).toMatch(/TOC \\h \\o &quot;1-2&quot;/); // a real Word table-of-contents field
    expect(text).toContain(`1．${first}`);
    expect(text).toContain('报送单位：河北省');
    expect(text).toContain('前　言');
    expect(text).toContain('供各地参考借鉴');
    const bodyText = text.slice(text.lastIndexOf(first));
    expect(bodyText).toContain('经验启示');
    // The empty part is not exported, and the part after it is numbered 一.
    expect(text).not.toContain('附录篇');
    expect(text).toContain(`第一篇　${partName}`);
    // Named after the compendium's title.
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${draftOnDisk().title.replace(/[()（）]/g, '.')}-\\d{8}T\\d{6}Z\\.docx$`));

    // An empty part is deleted at once; focus goes to the part now in its place.
    await page.click('button[aria-label="删除篇章：附录篇"]');
    await eventually(() => partsOnDisk().length === 1);
    expect(partsOnDisk()).toEqual([`${partName}:2`]);
    expect(await page.locator('dialog#compendium-confirm').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第 1 篇的名称');
    // A part with cases only after confirming; cancelled here, nothing changes.
    await page.click(`button[aria-label="删除篇章：${partName}"]`);
    await page.waitForSelector('dialog#compendium-confirm[open]');
    expect(await page.textContent('dialog#compendium-confirm')).toContain(`删除篇章“${partName}”？其中的 2 个案例将移出汇编`);
    await page.click('dialog#compendium-confirm button:text-is("取消")');
    await page.waitForSelector('dialog#compendium-confirm', { state: 'detached' });
    expect(partsOnDisk()).toEqual([`${partName}:2`]);

    // Proposing again replaces a non-empty draft only when confirmed: the editor's order goes.
    const edited = draftOnDisk().parts[0]!.caseIds;
    await page.click('.compendium-view button:has-text("生成初稿")');
    await page.waitForSelector('dialog#compendium-confirm[open]');
    expect(await page.textContent('dialog#compendium-confirm')).toMatch(/现有初稿（2 个案例/);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#compendium-confirm', { state: 'detached' });
    expect(draftOnDisk().parts[0]!.caseIds).toEqual(edited);
    await page.click('.compendium-view button:has-text("生成初稿")');
    await page.click('dialog#compendium-confirm button:has-text("替换初稿")');
    await eventually(() => draftOnDisk().parts[0]!.caseIds[0] !== edited[0]);
    expect(draftOnDisk().parts[0]!.caseIds).toEqual([edited[1], edited[0]]);
    await expect.poll(titles).toEqual(proposed);
  });

  it('compares two texts side by side with the differences marked', async () => {
    // Left: hc2024-03 as loaded; right: its revision 1, made here by an editor in the reader.
    await page.click('.topbar nav.views button:has-text("标注")');
    await page.click('#tab-revisions');
    await page.click('.revision-panel button:has-text("编辑正文")');
    const text = await page.inputValue('.revise-text');
    await page.fill('.revise-text', text.replace('一、工作背景', '一、背景与缘起'));
    await page.fill('.revise-form input', '改小标题');
    await page.click('.revise-form button[type="submit"]');
    await page.waitForSelector('.report');
    await page.click('.topbar nav.views button:has-text("汇编")');
    const right = page.locator('.text-compare fieldset').nth(1);
    await right.locator('select').first().selectOption('hc2024-03');
    await right.locator('select').nth(1).selectOption('1');
    await expect.poll(() => page.locator('.text-compare ins').allTextContents()).toEqual(['与缘起']);
    expect(await page.locator('.text-compare del').allTextContents()).toEqual(['工作']);
    await page.locator('.text-compare').scrollIntoViewIfNeeded();
    await screenshot(page, '15-text-compare');
  });

  it('raised no script or console errors', () => {
    expect(errors).toEqual([]);
  });
});
