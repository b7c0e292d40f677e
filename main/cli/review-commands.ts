import { extname } from 'node:path';
import type { Command } from 'commander';
import { ApiError, validateInput } from '../../shared/api/errors.ts';
import { RECOMMENDATIONS, type Recommendation } from '../../shared/model/scoring.ts';
import { compendiumView, proposeCompendium, renderCompendium } from '../services/compendium.ts';
import { formatAgreement } from './agreement-format.ts';
import { checkLines, leftOutText } from './compendium-format.ts';
import { withFsErrors } from './fs-errors.ts';
import { spreadThreshold, wideSpread } from '../../shared/scoring/spread.ts';
import { printJson } from './io.ts';
import { openCliProject } from './project.ts';
import { writeFileDurably } from '../store/atomic-write.ts';

const fmt = (n: number | null, digits = 2) => (n === null ? '—' : n.toFixed(digits));

/** `rank`, `agreement` and `compendium`: what the committee and the editors script. */
export function registerReviewCommands(program: Command): void {
  program
    .command('agreement')
    .description('agreement between reviewers: span F1 and unitizing alpha per label and per case, kappa for section kinds and recommendations, weighted kappa / ICC / alpha for scores')
    .argument('<dir>', 'the project folder')
    .option('--cases <ids...>', 'only these cases (default: all)')
    .option('--part <part>', 'only this part or category')
    .option('--reviewers <names...>', 'only these reviewers (default: all but the consensus)')
    .option('--include-in-progress', 'count cases in review or with any work, not only those marked 已审 (done)')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { cases?: string[]; part?: string; reviewers?: string[]; includeInProgress?: boolean; json?: boolean }) => {
      const { service, api } = await openCliProject(dir);
      const report = await api.agreement({
        ...(opts.cases ? { caseIds: opts.cases } : {}),
        ...(opts.part ? { part: opts.part } : {}),
        ...(opts.reviewers ? { reviewers: opts.reviewers } : {}),
        coverage: opts.includeInProgress ? 'touched' : 'done',
      });
      if (opts.json) return printJson(report);
      const labelNames = new Map(service.store.schema.labels.map((l) => [l.id, l.name.zh]));
      const criterionNames = new Map(service.store.rubric.criteria.map((c) => [c.id, c.name.zh]));
      process.stdout.write(formatAgreement(report, labelNames, criterionNames));
    });

  program
    .command('rank')
    .description('cases ranked by the weighted mean of reviewers’ rubric scores, with the spread between reviewers')
    .argument('<dir>', 'the project folder')
    .option('--part <part>', 'only this part or category')
    .option('--region <region>', 'only cases whose region contains this')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { part?: string; region?: string; json?: boolean }) => {
      const { service, api } = await openCliProject(dir);
      const rows = await api.ranking({ ...(opts.part ? { part: opts.part } : {}), ...(opts.region ? { region: opts.region } : {}) });
      if (opts.json) return printJson(rows);
      const rubric = service.store.rubric;
      const lines = [`rank  score  spread  n  ${rubric.criteria.map((c) => c.name.zh).join('  ')}  入选/待定/不入选  case`];
      for (const r of rows.filter((x) => x.score !== null)) {
        lines.push(
          `${String(r.rank).padStart(4)}  ${fmt(r.score).padStart(5)}  ${(wideSpread(r.range, rubric) ? '⚠' : ' ') + fmt(r.range).padStart(5)}  ${r.reviewers}  ${rubric.criteria.map((c) => fmt(r.byCriterion[c.id] ?? null, 1).padStart(c.name.zh.length * 2)).join('  ')}  ${r.recommendations.include}/${r.recommendations.pending}/${r.recommendations.exclude}  ${r.caseId} ${r.title}`,
        );
      }
      const unscored = rows.filter((x) => x.score === null).length;
      if (unscored) lines.push(`(${unscored} cases not scored yet)`);
      if (rows.some((r) => wideSpread(r.range, rubric))) lines.push(`⚠ reviewers' scores differ by ${fmt(spreadThreshold(rubric))} or more: worth a discussion`);
      process.stdout.write(lines.join('\n') + '\n');
    });

  program
    .command('compendium')
    .description(
      'build the draft compendium from the current selection (or, when there is none, from the cases recommended 入选) as DOCX or Markdown; each case from the consensus where it has work on the case, else from --reviewer, else from the reviewer with the most spans on it',
    )
    .argument('<dir>', 'the project folder')
    .requiredOption('--out <file>', 'draft.docx or draft.md')
    .option('--reviewer <name>', 'whose annotations and sections to use for the cases the consensus has no work on (default: the reviewer with the most spans on each case)')
    .option('--propose', 'replace the existing draft with a new proposal from the committee’s recommendations')
    .option('--title <title>', 'title of a newly proposed draft', '典型案例汇编（初稿）')
    .option('--recommend <which...>', `recommendations selected when proposing (${RECOMMENDATIONS.join(', ')})`, ['include'])
    .option('--min-score <n>', 'minimum score when proposing', (v) => Number(v))
    .action(async (dir: string, opts: { out: string; title: string; recommend: string[]; minScore?: number; reviewer?: string; propose?: boolean }, command: Command) => {
      const format = extname(opts.out).toLowerCase() === '.docx' ? 'docx' : extname(opts.out).toLowerCase() === '.md' ? 'md' : null;
      if (!format) throw new ApiError('invalid-input', '--out must end in .docx or .md');
      const bad = opts.recommend.filter((r) => !(RECOMMENDATIONS as readonly string[]).includes(r));
      if (bad.length) throw new ApiError('invalid-input', `unknown recommendation ${bad.join(', ')}; one of ${RECOMMENDATIONS.join(', ')}`);
      if (opts.minScore !== undefined && !Number.isFinite(opts.minScore)) throw new ApiError('invalid-input', '--min-score takes a number');
      validateInput('proposeCompendium', { title: opts.title, recommendations: opts.recommend, ...(opts.minScore !== undefined ? { minScore: opts.minScore } : {}) });
      // Opened as nobody: the named reviewer's work is read, never written.
      const { service } = await openCliProject(dir);
      await service.store.refreshReviewers(null);
      if (opts.reviewer !== undefined && !service.store.reviewers.includes(opts.reviewer)) {
        throw new ApiError('not-found', `no reviewer "${opts.reviewer}" in this project (reviewers: ${service.store.reviewers.join(', ') || 'none yet'})`);
      }
      const options = { reviewer: opts.reviewer ?? null };
      let view = await compendiumView(service, options);
      const size = (v: typeof view) => v.draft?.parts.reduce((n, p) => n + p.caseIds.length, 0) ?? 0;
      const rule = { recommendations: opts.recommend as Recommendation[], minScore: opts.minScore ?? null, groupBy: 'part' as const };
      const before = size(view);
      if (!before || opts.propose) {
        view = await proposeCompendium(service, opts.title, rule, options);
        process.stdout.write(before ? `replaced the draft (${before} cases) with a new proposal from the committee’s recommendations\n` : 'no draft yet: proposed one from the committee’s recommendations\n');
      } else {
        const given = (['title', 'recommend', 'minScore'] as const).filter((k) => command.getOptionValueSource(k) === 'cli');
        const flags = { title: '--title', recommend: '--recommend', minScore: '--min-score' };
        if (given.length) process.stderr.write(`a draft exists (${before} cases): ${given.map((k) => flags[k]).join(', ')} ignored; add --propose to replace the draft with a new proposal\n`);
      }
      const cases = size(view);
      if (!cases) throw new ApiError('not-found', 'the draft has no cases: score and recommend cases first (or build the draft in the workbench)');
      const rendered = await renderCompendium(service, format, options);
      await withFsErrors(opts.out, 'write the compendium', () => writeFileDurably(opts.out, rendered));
      await service.store.flush();
      const parts = view.toc.filter((e) => e.kind === 'part').length;
      const empty = (view.draft?.parts.length ?? 0) - parts;
      process.stdout.write(`wrote ${opts.out}: ${parts} parts, ${cases} cases${empty > 0 ? ` (${empty} empty part${empty > 1 ? 's' : ''} left out)` : ''}\n`);
      const from = (id: string) => {
        const s = view.sources[id];
        if (!s?.reviewer) return 'source: none (no annotations; the loaded sections)';
        return `source: ${s.reviewer}${s.why === 'most-spans' ? ' (most spans)' : s.why === 'current' ? ' (--reviewer)' : ''}`;
      };
      const region = (id: string) => service.caseOf(id).region;
      for (const e of view.toc) process.stdout.write(e.kind === 'case' ? `    ${e.number}${e.title}${region(e.caseId!) ? `（${region(e.caseId!)}）` : ''}  [${from(e.caseId!)}]\n` : `  ${e.number}${e.title}\n`);
      const issues = checkLines(view.checks);
      if (issues.length) process.stdout.write(`checks (! to fix, · notes):\n${issues.join('\n')}\n`);
      if (view.leftOut.length) {
        process.stdout.write(`left out (${view.leftOut.length}, by the draft's selection rule):\n`);
        for (const x of view.leftOut) process.stdout.write(`  ${x.caseId} ${service.caseOf(x.caseId).title}: ${leftOutText(x.reason)}\n`);
      }
    });
}
