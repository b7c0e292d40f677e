/**
 * The library at scale (issue 15): libraries of 87 (the bundled corpus), 500, 1,000 and 5,000
 * cases (about 20 MB of text, 500,000 annotations and five reviewers at 5,000; a hundred spans
 * a case throughout), generated into a temp dir once per run, each measured by
 * bench/library/measure.ts in a child process of its own, and its memory by a session of the
 * workbench's own work (session-memory.ts, built to JavaScript) in another. Prints each figure of the largest with its goal and its ratio to the naive
 * way, then how each cost grows from size to size: the exponent b of cost ∝ cases^b per step
 * (1 is linear; a step above 1.2 is flagged "FASTER THAN LINEAR").
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchSuite, Figure } from './harness.ts';
import { bundleForNode } from './library/bundle-node.ts';
import { generateLibrary } from './library/generate.ts';

const SIZES = [87, 500, 1000, 5000];
const SPANS_PER_CASE = 100;

/** Each measured figure: its label, unit, goal, and the naive figure it is compared with. */
const FIGURES: Array<{ key: string; label: string; unit: string; goal?: number; vs?: { key: string; method: string } }> = [
  { key: 'open', label: 'open the project (store and service) again on this machine, median of 3', unit: 'ms', goal: 1000, vs: { key: 'openNaive', method: 'reading and parsing every file' } },
  { key: 'openFirst', label: 'open the project the first time on this machine (every file checked)', unit: 'ms', vs: { key: 'openNaive', method: 'reading and parsing every file' } },
  { key: 'filter', label: "navigator's filters (listCases, serialised), median", unit: 'ms', goal: 50, vs: { key: 'filterNaive', method: 'counting labels from the shards' } },
  { key: 'filterP95', label: "navigator's filters, p95", unit: 'ms', goal: 50 },
  { key: 'search', label: 'full-text search per query, median', unit: 'ms', goal: 20, vs: { key: 'searchNaive', method: 'indexOf over every text' } },
  { key: 'searchP95', label: 'full-text search per query, p95', unit: 'ms', goal: 20 },
  { key: 'searchBuild', label: 'search index build (first query)', unit: 'ms' },
  { key: 'agreementCold', label: 'agreement over all, first run (every shard read)', unit: 'ms', goal: 2000, vs: { key: 'agreementNaive', method: 'every shard read whole' } },
  { key: 'agreement', label: 'agreement over all, again (median of 2)', unit: 'ms', goal: 2000, vs: { key: 'agreementNaive', method: 'every shard read whole' } },
  { key: 'agreementProgressCalls', label: 'agreement progress reports, per run', unit: 'calls' },
  { key: 'ranking', label: 'ranking over all, median of 3', unit: 'ms', goal: 2000, vs: { key: 'rankingNaive', method: 'reviewer files re-read' } },
  { key: 'saveP50', label: 'save one annotation, p50 of 200', unit: 'ms' },
  { key: 'save', label: 'save one annotation, p95 of 200', unit: 'ms', goal: 20, vs: { key: 'saveNaive', method: "a reviewer's spans as one file" } },
  { key: 'sessionRss', label: "a workbench's memory (RSS) at rest after a session of all of it (session-memory.ts)", unit: 'MB', goal: 500, vs: { key: 'onDisk', method: 'the project on disk' } },
  { key: 'sessionRssRightAfter', label: "a workbench's memory (RSS) right after that session's last save", unit: 'MB' },
  { key: 'sessionRssPeak', label: "a workbench's peak memory (RSS) in that session (during the first agreement)", unit: 'MB' },
  { key: 'sessionRssAfterOpen', label: "a workbench's memory (RSS) right after opening", unit: 'MB' },
  { key: 'sessionHeapUsed', label: "a workbench's JS heap used after that session", unit: 'MB' },
  { key: 'rss', label: 'memory (RSS) of the measuring process after everything, naive ways included', unit: 'MB' },
  { key: 'heapUsed', label: 'JS heap used by the measuring process after everything', unit: 'MB' },
];
/** Costs whose growth is shown (those that should grow at most linearly with the cases). */
const GROWTH = ['open', 'filter', 'search', 'agreementCold', 'agreement', 'ranking', 'save', 'sessionRss'];

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Runs a script in Node with `args`; its last line of output is a JSON object of figures. */
async function runJson(args: string[], settings: string): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 24, timeout: 15 * 60_000, env: { ...process.env, CASEBENCH_SETTINGS_DIR: settings } });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** The two scripts, built once a run. */
let built: Promise<{ measure: string; session: string }> | undefined;

/** The timings (measure.ts), then a workbench's memory in a process that does only what a workbench does (session-memory.ts). */
async function measure(dir: string): Promise<Record<string, number>> {
  // Built to plain JavaScript, as the built workbench runs: through the TypeScript loader the
  // process carried a hundred-odd MB more, and its collector took longer over a larger heap.
  built ??= (async () => ({ measure: await bundleForNode('bench/library/measure.ts'), session: await bundleForNode('bench/library/session-memory.ts') }))();
  const scripts = await built;
  // A machine that has not opened the library before (what it keeps of a project: recent projects, known files).
  const settings = mkdtempSync(join(tmpdir(), 'casebench-bench-settings-'));
  const timings = await runJson(['--expose-gc', '--max-old-space-size=4096', scripts.measure, dir], settings);
  // With Node's defaults, as the workbench runs (the measuring process above has a larger heap for the naive ways).
  const session = await runJson(['--expose-gc', scripts.session, dir], settings);
  return { ...timings, sessionRss: session.rss!, sessionRssRightAfter: session.rssRightAfter!, sessionRssPeak: session.rssPeak!, sessionRssAfterOpen: session.rssAfterOpen!, sessionHeapUsed: session.heapUsed! };
}

export const suite: BenchSuite = {
  name: `a generated library of ${SIZES.join(', ')} cases (${SPANS_PER_CASE} spans a case, 5 reviewers), each measured in its own process`,
  async run() {
    const results: Array<{ cases: number; annotations: number; characters: number; figures: Record<string, number>; load: string }> = [];
    for (const n of SIZES) {
      const lib = await generateLibrary(n, n * SPANS_PER_CASE);
      const before = load();
      const figures = await measure(lib.dir);
      results.push({ cases: lib.cases, annotations: lib.annotations, characters: lib.characters, figures, load: `${before} → ${load()}` });
      console.log(`  [${lib.cases} cases, ${lib.annotations} annotations, ${(lib.characters / 1e6).toFixed(1)} M characters; load ${before} → ${load()}]`);
    }
    const out: Figure[] = [];
    for (const r of results) {
      for (const f of FIGURES) {
        const value = r.figures[f.key];
        if (value === undefined) continue;
        out.push({
          name: `${r.cases} cases: ${f.label}`,
          value,
          unit: f.unit,
          ...(f.goal !== undefined ? { goal: { max: f.goal } } : {}),
          ...(f.vs && r.figures[f.vs.key] !== undefined ? { vs: { method: f.vs.method, value: r.figures[f.vs.key]! } } : {}),
        });
      }
    }
    // Growth: per step the exponent b with cost ∝ cases^b, and the cost per case at each size.
    for (const key of GROWTH) {
      const label = FIGURES.find((f) => f.key === key)!.label;
      const steps: string[] = [];
      for (let i = 1; i < results.length; i++) {
        const a = results[i - 1]!;
        const b = results[i]!;
        const exponent = Math.log(b.figures[key]! / a.figures[key]!) / Math.log(b.cases / a.cases);
        steps.push(`${a.cases}→${b.cases}: b=${exponent.toFixed(2)}${exponent > 1.2 ? ' FASTER THAN LINEAR' : ''}`);
        out.push({ name: `growth of ${key} ${a.cases}→${b.cases} cases (exponent; 1 = linear)`, value: exponent, unit: '', goal: { max: 1.2 } });
      }
      const perCase = results.map((r) => `${r.cases}: ${((r.figures[key]! / r.cases) * 1000).toFixed(1)}`).join(', ');
      console.log(`  growth of ${label}: ${steps.join('; ')} (per 1,000 cases ${perCase})`);
    }
    return out;
  },
};
