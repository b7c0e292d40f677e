import type { Command } from 'commander';
import { identify } from '../../shared/suggest/ids.ts';
import { suggest } from '../../shared/suggest/index.ts';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors.ts';
import { id, reviewerName } from '../../shared/model/schemas.ts';
import { applySuggestions } from '../services/suggestions.ts';
import { inspectJson, loadEach } from './inspect.ts';
import { printJson } from './io.ts';
import { checked, openCliProject } from './project.ts';

const LABEL_NAMES = { indicator: '指标', lesson: '经验启示' } as const;

/** `key=value` for the fields that carry something, in the order the suggester gives them. */
const fieldText = (fields: Record<string, unknown>) =>
  Object.entries(fields)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');

/**
 * `suggest FILE...`: the indicators and lessons casebench would propose for texts, parsed.
 * `suggest --apply DIR`: store them in a project as suggestions for every reviewer (or, with
 * --reviewer, for one), to accept or reject in the workbench.
 */
export function registerSuggest(program: Command, exitCode: (code: number) => void): void {
  program
    .command('suggest')
    .description('propose indicators (指标, parsed into fields) and lessons (经验启示) for case texts, or store them in a project with --apply')
    .argument('[files...]', 'text files to suggest for (as for inspect)')
    .option('--json', 'print the inspect --json shape, each case with its "suggestions"')
    .option('--apply <dir>', 'store suggestions in this project (not as anyone’s annotations)')
    .option('--reviewer <name>', 'with --apply: for this reviewer alone (default: for every reviewer)')
    .option('--cases <ids...>', 'with --apply: only these cases')
    .action(async (files: string[], opts: { json?: boolean; apply?: string; reviewer?: string; cases?: string[] }) => {
      if (opts.apply) {
        if (files.length) throw new ApiError('invalid-input', 'give either files to suggest for or --apply DIR, not both');
        const reviewer = opts.reviewer === undefined ? null : checked(reviewerName, opts.reviewer, '--reviewer');
        const caseIds = opts.cases === undefined ? undefined : checked(z.array(id), opts.cases, '--cases');
        const { service } = await openCliProject(opts.apply);
        const report = await applySuggestions(service, { ...(caseIds ? { caseIds } : {}), reviewer });
        if (opts.json) return printJson(report);
        process.stdout.write(
          `stored ${report.indicators} indicator and ${report.lessons} lesson suggestions for ${report.cases} cases, ${report.for ? `for ${report.for}` : 'for every reviewer'}\n` +
            'reviewers accept or reject them in the workbench (dashed highlights; a accepts, x rejects, n goes to the next)\n',
        );
        return;
      }
      if (!files.length) throw new ApiError('invalid-input', 'give text files to suggest for, or --apply DIR');
      const documents: Array<ReturnType<typeof inspectJson> & { cases: Array<ReturnType<typeof inspectJson>['cases'][number] & { suggestions: unknown[] }> }> = [];
      const errors = await loadEach(files, (doc, file) => {
        const json = inspectJson(doc);
        const cases = json.cases.map((c, i) => {
          const suggestions = identify(suggest(c.text, doc.cases[i]!.sections)).map((s) => ({ id: s.id, label: s.label, start: s.start, end: s.end, text: s.text, fields: s.fields, section: s.section, score: s.score }));
          return { ...c, suggestions };
        });
        if (opts.json) documents.push({ ...json, cases });
        else {
          const lines = [file];
          for (const c of cases) {
            lines.push('', `  ${c.id}  ${c.title}  (${c.suggestions.filter((s) => s.label === 'indicator').length} indicators, ${c.suggestions.filter((s) => s.label === 'lesson').length} lessons)`);
            for (const s of c.suggestions) {
              const shown = s.text.length > 40 ? `${s.text.slice(0, 38)}…` : s.text;
              lines.push(`    ${LABEL_NAMES[s.label]}  ${s.start}–${s.end}  ${shown}  ${fieldText(s.fields)}${s.section ? `  [${s.section}]` : ''}`);
            }
          }
          process.stdout.write(lines.join('\n') + '\n\n');
        }
      });
      if (opts.json) printJson(errors.length ? { documents, errors } : { documents });
      if (errors.length) exitCode(1);
    });
}
