import stringWidth from 'string-width';
import type { Coefficient } from '../../shared/agreement/coefficient.ts';
import type { AgreementReport } from '../../shared/agreement/report.ts';

/** To fixed digits, without a minus sign on a figure that rounds to zero. */
const fixed = (n: number, digits: number) => (Math.abs(n) < 0.5 * 10 ** -digits ? 0 : n).toFixed(digits);
const f1 = (n: number | null) => (n === null ? '—' : fixed(n, 2));
/** A coefficient's value, or why it has none (the reason codes are explained in the README). */
const coef = (c: Coefficient) => (c.value === null ? `— (${c.reason})` : fixed(c.value, 3));
// Padding by display width: a Chinese character takes two columns in a terminal.
const pad = (s: string, width: number, end: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(s)));
  return end ? s + fill : fill + s;
};
const row = (cells: string[], widths: number[]) => cells.map((c, i) => pad(c, widths[i]!, i === 0)).join('  ');

/** The agreement report as the committee reads it in a terminal: the summary first, then each case. */
export function formatAgreement(r: AgreementReport, labelNames: ReadonlyMap<string, string>, criterionNames: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  out.push(`Agreement between ${r.reviewers.join(', ') || '(no reviewers)'} on ${r.caseCount} cases`);
  out.push(r.coverage === 'done' ? '(only reviews marked 已审 count; --include-in-progress counts work in progress)' : '(counting every case a reviewer has worked on)');
  if (r.idle.length) out.push(`(${r.idle.join(', ')} covered none of these cases and ${r.idle.length === 1 ? 'is not a rater' : 'are not raters'} here)`);
  const covered = r.cases.filter((c) => c.coveredBy.length >= 2).length;
  out.push(`${covered} cases were covered by at least two reviewers (unitizing alpha is pooled over them).`, '');

  const w = [16, 9, 11, 22, 6];
  out.push(row(['spans', 'exact F1', 'overlap F1', 'unitizing alpha', 'units'], w));
  out.push(row(['  overall', f1(r.spans.overall.exactF1), f1(r.spans.overall.overlapF1), coef(r.spans.overall.alpha), ''], w));
  for (const l of r.spans.byLabel) out.push(row([`  ${labelNames.get(l.label) ?? l.label}`, f1(l.exactF1), f1(l.overlapF1), coef(l.alpha), String(l.units)], w));
  // Only pairs with a case in common have figures.
  for (const p of r.spans.pairs.filter((x) => x.cases > 0)) out.push(row([`  ${p.a}–${p.b}`, f1(p.exactF1), f1(p.overlapF1), '', `${p.cases} cases`], w));
  out.push('');
  out.push(`section kinds     ${r.sections.kappa.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa ${coef(r.sections.kappa)} (n=${r.sections.kappa.units})   alpha ${coef(r.sections.alpha)}`);
  out.push(`recommendations   ${r.recommendations.kappa.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa ${coef(r.recommendations.kappa)} (n=${r.recommendations.kappa.units})   alpha ${coef(r.recommendations.alpha)}`);
  out.push('');
  const s = [16, 24, 22, 22, 4];
  out.push(row(['scores', 'weighted kappa (quad.)', 'ICC(2,1)', 'ordinal alpha', 'n'], s));
  for (const c of r.scores) out.push(row([`  ${criterionNames.get(c.criterion) ?? c.criterion}`, coef(c.weightedKappa), coef(c.icc), coef(c.alpha), String(c.units)], s));

  const compared = r.cases.filter((c) => c.coveredBy.length >= 2);
  if (compared.length) {
    out.push('', 'per case (covered by two or more)');
    for (const c of compared) {
      const recs = Object.entries(c.recommendations).map(([who, rec]) => `${who}:${rec ?? '—'}`).join(' ');
      const sections = c.sections.compared ? `  sections ${c.sections.agreeing}/${c.sections.compared} agree` : '';
      out.push(`  ${c.caseId}  F1 ${f1(c.spans.exactF1)} / ${f1(c.spans.overlapF1)}  alpha ${coef(c.spans.alpha)}  ${c.recommendationsAgree === false ? '≠ ' : ''}${recs}${sections}  ${c.title}`);
    }
  }
  return out.join('\n') + '\n';
}
