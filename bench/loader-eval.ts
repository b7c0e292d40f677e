/**
 * The loader evaluation (issue 9): every fixture under fixtures/loader/variants and
 * fixtures/pdf loaded as casebench would, compared with its expected outline, and reported per
 * input kind beside the goals. `npm run eval -- --loader [--verbose]`.
 *
 * Case-boundary precision and recall count cases whose text is matched one to one (both
 * boundaries right); titles, regions and parts are compared by their letters and digits; a
 * silent failure is a wrong outline (another case count, or fewer than 90% of titles right)
 * that came with no warning and a confidence of 0.7 or more.
 */
import { relative } from 'node:path';
import { allLoaderFixtures, type LoaderFixture } from '../fixtures/loader/index.ts';
import { loadFixture, type LoadOutcome } from './loader-input.ts';
import { scoreDocument, topSections, type InputScore } from './loader-score.ts';

export const LOADER_GOAL = { exactCount: 0.95, titles: 0.97, silentFailures: 0 } as const;

interface Row {
  fixture: LoaderFixture;
  outcome: LoadOutcome;
  score: InputScore | null;
}

interface Tally {
  inputs: number;
  notYet: number;
  refused: number;
  crashed: number;
  exact: number;
  expectedCases: number;
  loadedCases: number;
  matched: number;
  titles: number;
  regions: number;
  regionsChecked: number;
  parts: number;
  partsChecked: number;
  lessonsExpected: number;
  lessonsFound: number;
  lessonsFalse: number;
  silent: number;
  /** Inputs that must be refused, and those that were. */
  mustRefuse: number;
  refusedRight: number;
}

const emptyTally = (): Tally => ({ inputs: 0, notYet: 0, refused: 0, crashed: 0, exact: 0, expectedCases: 0, loadedCases: 0, matched: 0, titles: 0, regions: 0, regionsChecked: 0, parts: 0, partsChecked: 0, lessonsExpected: 0, lessonsFound: 0, lessonsFalse: 0, silent: 0, mustRefuse: 0, refusedRight: 0 });

function add(t: Tally, row: Row): void {
  const { fixture, outcome, score } = row;
  t.inputs++;
  if (outcome.status === 'not-loadable-yet') {
    t.notYet++;
    return;
  }
  if (fixture.expected.refusal) {
    t.mustRefuse++;
    if (outcome.status === 'refused') t.refusedRight++;
    // Loading a file that cannot hold the text (a scan, a locked file) and saying nothing is silent.
    if (score && score.warnings === 0 && score.confidence >= 0.7) t.silent++;
    if (outcome.status === 'crashed') t.crashed++;
    return;
  }
  t.expectedCases += fixture.expected.cases.length;
  if (outcome.status === 'refused') t.refused++;
  if (outcome.status === 'crashed') t.crashed++;
  if (!score) return;
  t.exact += score.exactCount ? 1 : 0;
  t.loadedCases += score.loadedCases;
  t.matched += score.matched;
  t.titles += score.titlesRight;
  t.regions += score.regionsRight;
  t.regionsChecked += score.regionsChecked;
  t.parts += score.partsRight;
  t.partsChecked += score.partsChecked;
  t.lessonsExpected += score.lessonsExpected;
  t.lessonsFound += score.lessonsFound;
  t.lessonsFalse += score.lessonsFalse;
  t.silent += score.silent ? 1 : 0;
}

const ratio = (n: number, d: number) => (d ? n / d : Number.NaN);
const pct = (x: number) => (Number.isNaN(x) ? '    —' : `${(x * 100).toFixed(1)}%`.padStart(6));

const HEADER = ['kind', 'inputs', 'exact count', 'bound P', 'bound R', 'titles', 'regions', 'parts', 'lessons', 'false less.', 'silent', 'refused'];
const WIDTHS = [22, 7, 15, 8, 8, 8, 8, 8, 8, 11, 7, 8];

function line(cells: string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[i]!) : c.padStart(WIDTHS[i]!))).join(' ');
}

function tallyLine(name: string, t: Tally): string {
  const loadable = t.inputs - t.notYet - t.mustRefuse;
  if (loadable === 0) {
    const note = t.notYet ? `${t.notYet} not loadable yet` : `${t.refusedRight}/${t.mustRefuse} refused with a clear message`;
    return line([name, String(t.inputs), note, '', '', '', '', '', '', '', t.mustRefuse ? String(t.silent) : '', '']);
  }
  return line([
    name,
    String(t.inputs),
    `${t.exact}/${loadable} ${pct(ratio(t.exact, loadable))}`,
    pct(ratio(t.matched, t.loadedCases)),
    pct(ratio(t.matched, t.expectedCases)),
    pct(ratio(t.titles, t.expectedCases)),
    pct(ratio(t.regions, t.regionsChecked)),
    pct(ratio(t.parts, t.partsChecked)),
    pct(ratio(t.lessonsFound, t.lessonsExpected)),
    String(t.lessonsFalse),
    String(t.silent),
    String(t.refused + t.crashed) + (t.notYet ? ` +${t.notYet}?` : ''),
  ]);
}

export async function runLoaderEval(options: { verbose?: boolean; variantsDir?: string } = {}): Promise<boolean> {
  const fixtures = allLoaderFixtures(options.variantsDir);
  if (!fixtures.length) {
    console.log('\n# loader: no fixtures (run `npm run fixtures:loader`)');
    return false;
  }
  const rows: Row[] = [];
  for (const fixture of fixtures) {
    const outcome = await loadFixture(fixture);
    rows.push({ fixture, outcome, score: outcome.status === 'loaded' ? scoreDocument(fixture.expected, outcome.doc) : null });
  }
  const kinds = [...new Set(rows.map((r) => r.fixture.kind))];
  const byKind = new Map(kinds.map((k) => [k, emptyTally()]));
  const total = emptyTally();
  for (const r of rows) {
    add(byKind.get(r.fixture.kind)!, r);
    add(total, r);
  }

  const cases = rows.reduce((s, r) => s + (r.fixture.expected.refusal ? 0 : r.fixture.expected.cases.length), 0);
  console.log(`\n# loader: ${rows.length} inputs of ${kinds.length} kinds, ${cases} expected cases (fixtures/loader, fixtures/pdf)\n`);
  console.log(line(HEADER));
  for (const k of kinds) console.log(tallyLine(k, byKind.get(k)!));
  console.log(line(['—'.repeat(WIDTHS[0]!), ...WIDTHS.slice(1).map((w) => '—'.repeat(w))]));
  console.log(tallyLine('total', total));

  const loadable = total.inputs - total.notYet - total.mustRefuse;
  const exact = ratio(total.exact, loadable);
  const titles = ratio(total.titles, total.expectedCases);
  const mark = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  console.log('\n  bound P/R: loaded cases whose text matches one expected case one to one (both boundaries right) / of loaded, / of expected');
  console.log('  silent: a wrong outline (case count, or < 90% titles) with no warning and confidence ≥ 0.7; refused: errors (+N? PDFs not loadable yet)');
  console.log(`\n  exact case count  ${pct(exact)}  ${mark(exact >= LOADER_GOAL.exactCount)} goal ≥ ${pct(LOADER_GOAL.exactCount)}   (${total.exact}/${loadable} inputs)`);
  console.log(`  titles right      ${pct(titles)}  ${mark(titles >= LOADER_GOAL.titles)} goal ≥ ${pct(LOADER_GOAL.titles)}   (${total.titles}/${total.expectedCases} cases)`);
  console.log(`  silent failures   ${String(total.silent).padStart(6)}  ${mark(total.silent === 0)} goal ${LOADER_GOAL.silentFailures}`);
  if (total.mustRefuse) console.log(`  refusals          ${total.refusedRight}/${total.mustRefuse} files that cannot be read were refused with a message`);
  if (total.notYet) console.log(`  not loadable yet  ${total.notYet} PDF inputs (no loadInputFile in main/services/input-file.ts)`);
  if (total.crashed) console.log(`  CRASHED           ${total.crashed} inputs threw something other than IngestError (see --verbose)`);

  if (options.verbose) printWrong(rows);
  else console.log('\n  `npm run eval -- --loader --verbose` lists each wrong input with what was expected and found');
  return exact >= LOADER_GOAL.exactCount && titles >= LOADER_GOAL.titles && total.silent === 0;
}

function printWrong(rows: readonly Row[]): void {
  console.log('\n## wrong inputs');
  for (const { fixture, outcome, score } of rows) {
    const where = relative(process.cwd(), fixture.inputPath);
    const e = fixture.expected;
    if (outcome.status === 'not-loadable-yet') continue;
    if (e.refusal) {
      if (outcome.status !== 'refused') console.log(`\n${where}: must be refused (${e.refusal.reason}), got ${outcome.status}${outcome.status === 'loaded' ? ` with ${outcome.doc.cases.length} cases` : `: ${outcome.message}`}`);
      continue;
    }
    if (outcome.status !== 'loaded') {
      console.log(`\n${where}: ${outcome.status}: ${outcome.message}`);
      continue;
    }
    const s = score!;
    const badCases = s.cases.filter((r) => !r.matched || !r.titleRight || r.lessonsFound === false || r.regionRight === false || r.partRight === false);
    if (!s.wrong && badCases.length === 0 && s.lessonsFalse === 0) continue;
    const doc = outcome.doc;
    console.log(`\n${where}${s.silent ? '  SILENT' : ''}`);
    console.log(`  ${e.about}`);
    console.log(`  expected ${s.expectedCases} cases, found ${s.loadedCases} (shape ${doc.format}, confidence ${doc.confidence}, ${s.warnings} warnings${doc.warnings.length ? `: ${[...new Set(doc.warnings.map((w) => w.code))].join(', ')}` : ''})`);
    for (const r of badCases) {
      const got = r.owner;
      const what: string[] = [];
      if (!r.matched) what.push(got ? 'boundaries' : 'text in no case');
      if (!r.titleRight) what.push(`title "${got?.title ?? '—'}"`);
      if (r.regionRight === false) what.push(`region ${got?.region ?? 'null'} (expected ${r.expected.region ?? 'null'})`);
      if (r.partRight === false) what.push(`part ${got?.part ?? 'null'} (expected ${r.expected.part ?? 'null'})`);
      if (r.lessonsFound === false) what.push(`no lessons section (top: ${got ? topSections(got).map((x) => `${x.heading}:${x.kinds.join('+')}`).join(' / ') || 'none' : '—'})`);
      console.log(`  - ${r.expected.source} "${r.expected.title}": ${what.join('; ')}${got ? ` [in ${got.id}]` : ''}`);
    }
    if (s.lessonsFalse) {
      for (const r of s.cases.filter((x) => !x.expected.hasLessons && x.matched && x.owner !== null && topSections(x.owner).some((sec) => sec.kinds.includes('lessons')))) {
        console.log(`  - ${r.expected.source} "${r.expected.title}": lessons found where there are none (${topSections(r.owner!).filter((x) => x.kinds.includes('lessons')).map((x) => x.heading).join(', ')})`);
      }
    }
    const extra = doc.cases.filter((c) => !s.cases.some((r) => r.owner === c));
    if (extra.length) console.log(`  + ${extra.length} loaded cases holding no expected case as most of its text: ${extra.slice(0, 6).map((c) => `"${c.title.slice(0, 30)}"`).join(', ')}${extra.length > 6 ? ' …' : ''}`);
  }
}
