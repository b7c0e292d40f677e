/**
 * `npm run eval`: the suggestion engine (shared/suggest) against the hand-labelled evaluation set
 * (shared/suggest/eval/gold.ts). Loads the five seeds with the real loader, runs `suggest` on the
 * labelled cases, and prints precision and recall per label, the field accuracy of parsed
 * changes and how many metric names are right, each beside its goal, then the misses and false
 * positives to examine.
 *
 *   npm run eval            first 25 misses / false positives of each label, then the loader evaluation
 *   npm run eval -- 100     first 100
 *   npm run eval -- --loader [--verbose]   only the loader evaluation (bench/loader-eval.ts), each wrong input listed
 *   npm run eval -- --loader --variants DIR  the loader on variants made elsewhere (LOADER_VARIANTS_DIR, LOADER_VARIANTS_SALT)
 *
 * Exits 1 when the gold set no longer resolves against the loaded text (a quote not found);
 * goals are reported, not enforced (the vitest suite enforces them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../shared/ingest/index.ts';
import { runLoaderEval } from './loader-eval.ts';
import type { LoadedCase } from '../shared/model/document.ts';
import { suggest } from '../shared/suggest/index.ts';
import { GOAL, meetsGoals } from '../shared/suggest/eval/goals.ts';
import { GOLD, HELD_OUT } from '../shared/suggest/eval/gold.ts';
import type { GoldCase } from '../shared/suggest/eval/gold-types.ts';
import { resolveGold, type GoldSpan } from '../shared/suggest/eval/resolve.ts';
import { scoreSuggestions, type EvalReport } from '../shared/suggest/eval/score.ts';

const SEEDS = join(import.meta.dirname, '../seeds');
const args = process.argv.slice(2);
const limit = Number(args.find((a) => /^\d+$/.test(a)) ?? 25);
const loaderOnly = args.includes('--loader');

interface ManifestEntry {
  id: string;
  file: string;
}
const manifest = JSON.parse(readFileSync(join(SEEDS, 'manifest.json'), 'utf8')) as { documents: ManifestEntry[] };
const cases: LoadedCase[] = manifest.documents.flatMap((d) => loadDocument(new Uint8Array(readFileSync(join(SEEDS, d.file))), d.file, { id: d.id }).cases);

const byId = new Map(cases.map((c) => [c.id, c]));

interface Run {
  name: string;
  cases: LoadedCase[];
  report: EvalReport;
}

function run(name: string, set: readonly GoldCase[]): Run {
  const gold = resolveGold(set, cases);
  if (gold.errors.length) {
    console.error(`The ${name} does not resolve against the loaded seeds:`);
    for (const e of gold.errors) console.error(`  ${e}`);
    process.exit(1);
  }
  const scored = cases.filter((c) => gold.caseIds.has(c.id));
  const report = scoreSuggestions(
    gold.spans,
    scored.map((c) => ({ caseId: c.id, suggestions: suggest(c.text, c.sections) })),
  );
  return { name, cases: scored, report };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const mark = (ok: boolean) => (ok ? 'meets' : 'MISSES');

function printSummary({ name, cases: scored, report }: Run): void {
  const docs = new Set(scored.map((c) => c.documentId));
  console.log(`\n# ${name}: ${scored.length} cases from ${docs.size} documents`);
  console.log(`  ${report.indicator.gold} gold indicators, ${report.lesson.gold} gold lessons, ${report.changes.total} change expressions with expected fields\n`);
  for (const label of ['indicator', 'lesson'] as const) {
    const s = report[label];
    const g = GOAL[label];
    console.log(`  ${label.padEnd(9)} precision ${pct(s.precision)}  ${mark(s.precision >= g.precision)} goal ≥ ${pct(g.precision)}   (${s.matched}/${s.suggested} suggestions)`);
    console.log(`  ${''.padEnd(9)} recall    ${pct(s.recall)}  ${mark(s.recall >= g.recall)} goal ≥ ${pct(g.recall)}   (${s.matched}/${s.gold} gold)   F1 ${pct(s.f1)}`);
  }
  const c = report.changes;
  console.log(`  changes   baseline and later value right ${c.valuesRight}/${c.total}  ${mark(c.valuesRight === c.total)} goal ${c.total}/${c.total}`);
  console.log(`  ${''.padEnd(9)} all expected fields right ${c.parsedRight}/${c.total}; field accuracy ${pct(c.fieldAccuracy)}  ${mark(c.fieldAccuracy >= GOAL.changeFieldAccuracy)} goal ${pct(GOAL.changeFieldAccuracy)}   (${c.fieldsRight}/${c.fieldsChecked} fields)`);
  const m = report.metrics;
  console.log(`  metrics   named right ${m.right}/${m.labelled} (${pct(m.accuracy)})  ${mark(m.accuracy >= GOAL.metricAccuracy)} goal ${pct(GOAL.metricAccuracy)}   mean character overlap with the gold name ${pct(m.meanOverlap)}   (matched indicators with gold metric names)`);
  console.log(`  headlines ${report.headlines.agreeing}/${report.headlines.matched} matched lessons have the gold headline (reported, no goal)`);
  console.log(`\n  overall: ${meetsGoals(report) ? 'all goals met' : 'GOALS MISSED'}`);
}

if (!loaderOnly) {
  const runs = [run('evaluation set (GOLD)', GOLD), run('held-out sample (HELD_OUT)', HELD_OUT)];
  for (const r of runs) printSummary(r);
  for (const r of runs) {
    console.log(`\n\n# ${r.name}: what to examine`);
    printMisses(r.report, limit);
  }
}
const variantsDir = args.includes('--variants') ? args[args.indexOf('--variants') + 1] : undefined;
await runLoaderEval({ verbose: args.includes('--verbose'), ...(variantsDir ? { variantsDir } : {}) });

function printMisses(r: EvalReport, n: number): void {
  for (const label of ['indicator', 'lesson'] as const) {
    const missed = r.missed.filter((g) => g.label === label);
    console.log(`\n## ${label} misses (${missed.length})`);
    for (const g of missed.slice(0, n)) console.log(`  ${g.caseId}  ${context(g)}`);
    const fps = r.falsePositives.filter((s) => s.label === label);
    console.log(`\n## ${label} false positives (${fps.length})`);
    for (const s of fps.slice(0, n)) console.log(`  ${s.caseId}  ${context({ caseId: s.caseId, start: s.start, end: s.end })}  [${s.section ?? '—'}] score ${s.score}`);
  }
  console.log(`\n## metric names wrong (${r.metrics.misses.length})`);
  for (const m of r.metrics.misses.slice(0, n)) console.log(`  ${m.caseId}  ${m.text}  expected ${m.expected.join(' | ')}, got ${m.got || '(none)'}`);
  console.log(`\n## change fields wrong (${r.changes.misses.length})`);
  for (const m of r.changes.misses.slice(0, n)) console.log(`  ${m.caseId}  ${m.text}  ${m.field}: expected ${String(m.expected)}, got ${String(m.got)}`);
}

function context(span: Pick<GoldSpan, 'caseId' | 'start' | 'end'>): string {
  const text = byId.get(span.caseId)!.text;
  const flat = (s: string) => s.replace(/\n/g, '⏎');
  const body = span.end - span.start > 60 ? `${text.slice(span.start, span.start + 28)}…${text.slice(span.end - 28, span.end)}` : text.slice(span.start, span.end);
  return `…${flat(text.slice(Math.max(0, span.start - 12), span.start))}【${flat(body)}】${flat(text.slice(span.end, span.end + 8))}…`;
}
