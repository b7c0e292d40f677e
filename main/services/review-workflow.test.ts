import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { caseSource } from './compendium.ts';
import { createProject, openProject } from './open-project.ts';
import { errorOf } from './errors.fixture.ts';

async function twoReviewers() {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-review-')), 'p');
  const { service } = await createProject(dir, null);
  await service.store.flush();
  const alice = await openProject(dir, 'alice');
  const bob = await openProject(dir, 'bob');
  return { dir, alice: alice.handlers, bob: bob.handlers, aliceService: alice, bobService: bob };
}


describe('scoring, ranking, comparing, adjudicating, building the compendium', () => {
  it('scores cases on the rubric with evidence, ranks them with the spread between reviewers', async () => {
    const { alice, bob, aliceService } = await twoReviewers();
    const text = (await alice.getCase({ caseId: 'hc2024-03' })).text;
    const at = text.indexOf('领导重视是前提');
    const evidence = await alice.addSpan({ caseId: 'hc2024-03', start: at, end: at + 7, label: 'lesson' });
    await alice.setScore({ caseId: 'hc2024-03', ratings: { innovation: 5, effectiveness: 4, replicability: 5, writing: 4 }, evidence: { replicability: [evidence.id] }, comment: '经验可复制', recommendation: 'include' });
    await bob.setScore({ caseId: 'hc2024-03', ratings: { innovation: 3, effectiveness: 4, replicability: 3, writing: 4 }, recommendation: 'pending' });
    await alice.setScore({ caseId: 'hc2024-01', ratings: { innovation: 2, effectiveness: 2, replicability: 2, writing: 2 }, recommendation: 'exclude' });
    expect((await errorOf(alice.setScore({ caseId: 'hc2024-01', ratings: { innovation: 6 } }))).message).toMatch(/rated 1–5/);
    expect((await errorOf(alice.setScore({ caseId: 'hc2024-01', ratings: { beauty: 3 } }))).message).toMatch(/no criterion "beauty"/);
    expect((await errorOf(alice.setScore({ caseId: 'hc2024-01', evidence: { innovation: [evidence.id] } }))).message).toMatch(/evidence must be your own spans in this case/);

    await aliceService.store.flush();
    const scores = await alice.getScores({ caseId: 'hc2024-03' });
    expect(Object.keys(scores).sort()).toEqual(['alice', 'bob']);
    expect(scores.alice!.evidence.replicability).toEqual([evidence.id]);

    const rows = await alice.ranking({});
    expect(rows.slice(0, 2).map((r) => [r.caseId, r.rank, r.score, r.range, r.reviewers])).toEqual([
      ['hc2024-03', 1, 4, 1, 2],
      ['hc2024-01', 2, 2, 0, 1],
    ]);
    expect((await alice.ranking({ part: '重点人群篇' })).every((r) => r.part === '重点人群篇')).toBe(true);
    const summary = (await alice.listCases({})).find((c) => c.id === 'hc2024-03')!;
    // Alice sees her own score (4.5); the mean of both is beside it.
    expect(summary).toMatchObject({ score: 4.5, meanScore: 4 });
    // A score given as the consensus is not a third rater's: the navigator's mean stays.
    const consensus = await openProject(aliceService.store.dir, 'consensus');
    await consensus.handlers.setScore({ caseId: 'hc2024-03', ratings: { innovation: 1, effectiveness: 1, replicability: 1, writing: 1 } });
    await consensus.store.flush();
    expect((await alice.listCases({})).find((c) => c.id === 'hc2024-03')!.meanScore).toBe(4);
    const dist = await alice.ratingDistributions({});
    expect(dist.perCriterion.innovation).toMatchObject({ 2: 1, 3: 1, 5: 1 });

    // Undo takes back a score like any other change.
    await alice.undo({});
    expect((await alice.getScores({ caseId: 'hc2024-01' })).alice).toBeUndefined();

    // A cited span deleted later does not block the evidence: it is dropped when the evidence changes.
    await alice.deleteSpan({ caseId: 'hc2024-03', id: evidence.id });
    const other = text.indexOf('技术支撑是保障');
    const next = await alice.addSpan({ caseId: 'hc2024-03', start: other, end: other + 7, label: 'lesson' });
    await alice.setScore({ caseId: 'hc2024-03', evidence: { replicability: [evidence.id, next.id] } });
    expect((await alice.getScores({ caseId: 'hc2024-03' })).alice!.evidence.replicability).toEqual([next.id]);
  });

  it('compares two reviewers on a case and adjudicates into a consensus reviewer', async () => {
    const { dir, alice, bob, bobService } = await twoReviewers();
    const text = (await alice.getCase({ caseId: 'hc2024-03' })).text;
    const find = (q: string) => text.indexOf(q);
    const a1 = await alice.addSpan({ caseId: 'hc2024-03', start: find('领导重视是前提'), end: find('领导重视是前提') + 7, label: 'lesson' });
    await bob.addSpan({ caseId: 'hc2024-03', start: find('领导重视是前提'), end: find('领导重视是前提') + 7, label: 'lesson' });
    const a2 = await alice.addSpan({ caseId: 'hc2024-03', start: find('技术支撑是保障'), end: find('技术支撑是保障') + 7, label: 'lesson' });
    const b2 = await bob.addSpan({ caseId: 'hc2024-03', start: find('技术支撑是保障'), end: find('技术支撑是保障') + 4, label: 'lesson' });
    const b3 = await bob.addSpan({ caseId: 'hc2024-03', start: find('健康影响评估'), end: find('健康影响评估') + 6, label: 'practice' });
    await bobService.store.flush();

    const { items } = await alice.compareReviewers({ caseId: 'hc2024-03', reviewers: ['alice', 'bob'] });
    expect(items.map((i) => i.kind)).toEqual(['missing', 'match', 'boundary']);
    const boundary = items.find((i) => i.kind === 'boundary')!;
    expect(boundary.spans.alice!.map((s) => s.id)).toEqual([a2.id]);
    expect(boundary.spans.bob!.map((s) => s.id)).toEqual([b2.id]);

    const decide = (item: (typeof items)[number], spanIds: string[]) => ({ start: item.start, end: item.end, spanIds, candidateIds: Object.values(item.spans).flat().map((s) => s.id) });
    // Adopt Alice's version of the boundary difference, Bob's extra practice span, and the agreed lesson.
    await alice.adjudicate({ caseId: 'hc2024-03', decisions: [decide(boundary, [a2.id])] });
    const missing = items.find((i) => i.kind === 'missing')!;
    await alice.adjudicate({ caseId: 'hc2024-03', decisions: [decide(missing, [b3.id])] });
    const match = items.find((i) => i.kind === 'match')!;
    await alice.adjudicate({ caseId: 'hc2024-03', decisions: [decide(match, [a1.id])] });
    const consensus = JSON.parse(readFileSync(join(dir, 'reviews', 'consensus.spans', 'hc2024-03.json'), 'utf8')).spans as Array<{ quote: { exact: string }; reviewer: string; origin: string }>;
    expect(consensus.map((s) => s.quote.exact).sort()).toEqual(['健康影响评估', '技术支撑是保障', '领导重视是前提']);
    expect(consensus.every((s) => s.reviewer === 'consensus' && s.origin === 'adjudication')).toBe(true);
    // Choosing again replaces the difference's consensus; choosing nothing clears it.
    await alice.adjudicate({ caseId: 'hc2024-03', decisions: [decide(boundary, [b2.id])] });
    await alice.adjudicate({ caseId: 'hc2024-03', decisions: [decide(missing, [])] });
    const after = (await alice.getCase({ caseId: 'hc2024-03', reviewers: ['consensus'] })).spans.map((s) => s.quote.exact).sort();
    expect(after).toEqual(['技术支撑', '领导重视是前提']);
  });

  it('a case the committee decided to adopt nothing in is built from the consensus, not a reviewer', async () => {
    const { alice, aliceService } = await twoReviewers();
    const text = (await alice.getCase({ caseId: 'hc2024-03' })).text;
    const at = text.indexOf('领导重视是前提');
    await alice.addSpan({ caseId: 'hc2024-03', start: at, end: at + 7, label: 'indicator' });
    const { items } = await alice.compareReviewers({ caseId: 'hc2024-03', reviewers: ['alice', 'bob'] });
    await alice.adjudicate({ caseId: 'hc2024-03', decisions: items.map((i) => ({ start: i.start, end: i.end, spanIds: [], candidateIds: Object.values(i.spans).flat().map((s) => s.id) })) });
    expect((await alice.getCase({ caseId: 'hc2024-03', reviewers: ['consensus'] })).spans).toEqual([]);
    expect(caseSource(aliceService, 'hc2024-03', { reviewer: null })).toEqual({ reviewer: 'consensus', why: 'consensus' });
  });

  it('adjudicates nested differences independently, and many at once as one undoable step', async () => {
    const { alice, bob, bobService } = await twoReviewers();
    const text = (await alice.getCase({ caseId: 'hc2024-01' })).text;
    const at = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length });
    // Both mark a sentence as a practice; Bob also marks an indicator inside it.
    const sentence = text.slice(text.indexOf('北京市成人超重率为'), text.indexOf('。', text.indexOf('北京市成人超重率为')) + 1);
    await alice.addSpan({ caseId: 'hc2024-01', ...at(sentence), label: 'practice' });
    await bob.addSpan({ caseId: 'hc2024-01', ...at(sentence), label: 'practice' });
    const rate = await bob.addSpan({ caseId: 'hc2024-01', ...at('37.7%'), label: 'indicator' });
    await bobService.store.flush();
    const { items } = await alice.compareReviewers({ caseId: 'hc2024-01', reviewers: ['alice', 'bob'] });
    expect(items.map((i) => i.kind)).toEqual(['match', 'missing']);
    const [match, missing] = items as [(typeof items)[number], (typeof items)[number]];
    const decide = (item: typeof match, spanIds: string[]) => ({ start: item.start, end: item.end, spanIds, candidateIds: Object.values(item.spans).flat().map((s) => s.id) });
    const labels = async () => (await alice.getCase({ caseId: 'hc2024-01', reviewers: ['consensus'] })).spans.map((s) => s.label).sort();

    await alice.adjudicate({ caseId: 'hc2024-01', decisions: [decide(match, [match.spans.alice![0]!.id])] });
    await alice.adjudicate({ caseId: 'hc2024-01', decisions: [decide(missing, [rate.id])] });
    expect(await labels()).toEqual(['indicator', 'practice']);
    // Choosing again for the outer difference leaves the inner one's choice alone, and the other way round.
    await alice.adjudicate({ caseId: 'hc2024-01', decisions: [decide(match, [match.spans.bob![0]!.id])] });
    expect(await labels()).toEqual(['indicator', 'practice']);
    await alice.adjudicate({ caseId: 'hc2024-01', decisions: [decide(missing, [])] });
    expect(await labels()).toEqual(['practice']);

    // Several decisions in one call are one step: one undo takes them all back.
    await alice.adjudicate({ caseId: 'hc2024-01', decisions: [decide(match, []), decide(missing, [rate.id])] });
    expect(await labels()).toEqual(['indicator']);
    await alice.undo({});
    expect(await labels()).toEqual(['practice']);
  });

  it('measures agreement on the seeds: F1 and alpha per case and per label, kappa for recommendations and sections', async () => {
    const { alice, bob, bobService, aliceService } = await twoReviewers();
    const text = (await alice.getCase({ caseId: 'hc2024-03' })).text;
    const at = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length });
    // Both mark the same two lessons; Bob cuts the second short; Alice adds an indicator Bob lacks.
    await alice.addSpan({ caseId: 'hc2024-03', ...at('领导重视是前提'), label: 'lesson' });
    await bob.addSpan({ caseId: 'hc2024-03', ...at('领导重视是前提'), label: 'lesson' });
    await alice.addSpan({ caseId: 'hc2024-03', ...at('技术支撑是保障'), label: 'lesson' });
    await bob.addSpan({ caseId: 'hc2024-03', ...at('技术支撑'), label: 'lesson' });
    await alice.addSpan({ caseId: 'hc2024-03', ...at('205条'), label: 'indicator' });
    for (const [who, rec] of [[alice, 'include'], [bob, 'include']] as const) {
      await who.setScore({ caseId: 'hc2024-03', ratings: { innovation: 4 }, recommendation: rec });
      await who.setScore({ caseId: 'hc2024-01', ratings: { innovation: 3 }, recommendation: who === alice ? 'include' : 'exclude' });
    }
    // Only finished reviews count by default.
    const none = await alice.agreement({ caseIds: ['hc2024-03'] });
    expect(none.cases[0]!.coveredBy).toEqual([]);
    expect(none.spans.overall.exactF1).toBeNull();
    for (const who of [alice, bob]) for (const caseId of ['hc2024-03', 'hc2024-01']) await who.setCaseStatus({ caseId, status: 'done' });
    await bobService.store.flush();
    await aliceService.store.flush();

    const r = await alice.agreement({ caseIds: ['hc2024-03', 'hc2024-01'] });
    expect(r.reviewers).toEqual(['alice', 'bob']);
    // 3 spans against 2: one exact match (领导重视是前提), two overlapping.
    expect(r.spans.overall.exactF1).toBeCloseTo((2 * 1) / 5, 12);
    expect(r.spans.overall.overlapF1).toBeCloseTo((2 * 2) / 5, 12);
    const lesson = r.spans.byLabel.find((l) => l.label === 'lesson')!;
    expect([lesson.exactF1, lesson.overlapF1]).toEqual([0.5, 1]);
    expect(r.spans.byLabel.find((l) => l.label === 'indicator')!.exactF1).toBe(0);
    expect(lesson.alpha.value).toBeGreaterThan(0);
    expect(lesson.alpha.value).toBeLessThan(1);
    const c3 = r.cases.find((c) => c.caseId === 'hc2024-03')!;
    expect(c3).toMatchObject({ coveredBy: ['alice', 'bob'], recommendationsAgree: true });
    expect(r.cases.find((c) => c.caseId === 'hc2024-01')!.recommendationsAgree).toBe(false);
    // (include, include), (include, exclude): kappa 0 by hand (see report.test.ts).
    expect(r.recommendations.kappa).toMatchObject({ value: 0, method: 'cohen', units: 2 });
    // The consensus is not a rater; an unknown case or reviewer is an error, not an empty report.
    expect((await errorOf(alice.agreement({ caseIds: ['nope'] }))).message).toMatch(/no case nope/);
    expect((await errorOf(alice.agreement({ reviewers: ['carol', 'alice'] }))).message).toMatch(/no reviewer carol/);
    // Work in progress counts when asked.
    const all = await alice.agreement({ coverage: 'touched' });
    expect(all.caseCount).toBe(87);
  });

  it('proposes a compendium from recommendations, checks completeness, and exports DOCX and Markdown that read back', async () => {
    const { alice, bob, aliceService } = await twoReviewers();
    for (const [caseId, r] of [
      ['hc2024-03', 'include'],
      ['hc2024-01', 'include'],
      ['hc2024-15', 'include'],
      ['hc2024-04', 'exclude'],
    ] as const) {
      await alice.setScore({ caseId, ratings: { innovation: caseId === 'hc2024-01' ? 5 : 4, effectiveness: 4, replicability: 4, writing: 4 }, recommendation: r });
      await bob.setScore({ caseId, ratings: { innovation: 4, effectiveness: 4, replicability: 4, writing: 4 }, recommendation: r });
    }
    const text = (await alice.getCase({ caseId: 'hc2024-01' })).text;
    const at = text.indexOf('37.7%');
    await alice.addSpan({ caseId: 'hc2024-01', start: at, end: at + 5, label: 'indicator', fields: { metric: '成人超重率', value: 37.7, unit: '%' } });

    const view = await alice.proposeCompendium({ title: '2025年度典型案例汇编（初稿）' });
    expect(view.draft!.parts.map((p) => [p.title, p.caseIds])).toEqual([
      ['健康影响因素篇', ['hc2024-01', 'hc2024-03']],
      ['重点人群篇', ['hc2024-15']],
    ]);
    // Parts 第一篇…, cases numbered across the book (their regions go on a source line under the title).
    expect(view.toc.map((e) => `${e.number}${e.title}`)).toEqual([
      '第一篇　健康影响因素篇',
      '1．创新大人群体重干预模式提升首都职工体重管理能力',
      '2．高位推进 部门联动 努力推动将健康融入所有政策',
      '第二篇　重点人群篇',
      '3．创新“1+2”模式推动老年健康促进行动开展',
    ]);
    expect(view.checks['hc2024-01']!.map((c) => c.code)).toEqual(['indicators-without-baseline']);
    expect(view.checks['hc2024-03']).toEqual([]);

    // Reorder: the editor moves case 3 before case 1 and renames the part; the numbering follows.
    const draft = view.draft!;
    const reordered = await alice.setCompendium({ draft: { ...draft, parts: [{ title: '健康环境篇', caseIds: ['hc2024-03', 'hc2024-01'] }, draft.parts[1]!] } });
    expect(reordered.toc.slice(0, 3).map((e) => `${e.number}${e.kind === 'part' ? e.title : e.title.slice(0, 4)}`)).toEqual(['第一篇　健康环境篇', '1．高位推进', '2．创新大人']);

    const docxJob = await alice.exportCompendium({ format: 'docx' });
    const mdJob = await alice.exportCompendium({ format: 'md' });
    const wait = async (id: string) => {
      for (let i = 0; i < 100; i++) {
        const j = await alice.exportStatus({ jobId: id });
        if (j.state !== 'running') return j;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('export did not finish');
    };
    const docx = await wait(docxJob.id);
    expect(docx.state).toBe('done');
    // The file is named after the compendium's title.
    expect(basename(docx.output!)).toMatch(/^2025年度典型案例汇编（初稿）-\d{8}T\d{6}Z\.docx$/);
    const files = unzipSync(new Uint8Array(readFileSync(docx.output!)));
    const xml = strFromU8(files['word/document.xml']!);
    // A heading's text, a title's line breaks read as the spaces they stand for.
    const paragraphText = (p: string) => p.replace(/<w:br\/>/g, ' ').replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '').replace(/<[^>]+>/g, '');
    const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading([12])"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => `${m[1]}:${paragraphText(m[0])}`);
    expect(headings).toEqual([
      '1:第一篇　健康环境篇',
      '2:1．高位推进 部门联动 努力推动将健康融入所有政策',
      '2:2．创新大人群体重干预模式提升首都职工体重管理能力',
      '1:第二篇　重点人群篇',
      '2:3．创新“1+2”模式推动老年健康促进行动开展',
    ]);
    expect(xml).toContain('报送单位：河北省');
    expect(xml).toContain('领导重视是前提');
    expect(xml).toContain('成人超重率'); // the indicator table
    const md = readFileSync((await wait(mdJob.id)).output!, 'utf8');
    expect(md).toMatch(/^# 2025年度典型案例汇编（初稿）\n/);
    expect(md).toContain('## 第一篇　健康环境篇');
    expect(md).toContain('### 1．高位推进');
    expect(md).toContain('| 成人超重率 | 37.7% |');
    await aliceService.store.flush();
  });
});
