import type { SpanAnnotation } from '../model/annotation.ts';
import type { TaggedSection } from '../model/review.ts';

export type CheckCode =
  | 'no-lessons'
  | 'no-results'
  | 'no-background'
  | 'no-practices'
  | 'change-without-amount'
  | 'indicator-without-metric'
  | 'indicators-without-baseline'
  | 'title-too-long'
  | 'orphans';

/**
 * `warning`: something a printed case should not have (a missing part, a change that says
 * neither from what nor by how much, a title too long for the contents, annotations lost by a
 * revision) — what the ⚠ count counts. `note`: worth knowing, not worth fixing before printing.
 */
export type CheckSeverity = 'warning' | 'note';

export interface CompletenessIssue {
  code: CheckCode;
  severity: CheckSeverity;
  message: string;
  /** The span concerned, for checks of one indicator. */
  spanId?: string;
}

export interface CheckableCase {
  title: string;
  region: string | null;
  sections: readonly TaggedSection[];
  /** The annotations the editor works from (the consensus, or a reviewer's). */
  spans: readonly SpanAnnotation[];
  orphans: number;
}

/** Titles longer than this read badly in a table of contents (characters, region excluded). */
export const MAX_TITLE = 30;

const filled = (v: unknown) => v !== null && v !== undefined && v !== '';

/**
 * What an editor should look at before a case goes into the compendium: sections it lacks, an
 * indicator the table could not print sensibly (no metric; a rise or fall with neither its
 * baseline nor its amount), an overlong title, annotations left unplaced. Most figures are levels
 * ("覆盖率91%") that need no baseline: those are one note, not a warning each.
 */
export function completenessChecks(c: CheckableCase): CompletenessIssue[] {
  const issues: CompletenessIssue[] = [];
  const top = c.sections.length ? Math.min(...c.sections.map((s) => s.level)) : 1;
  const kinds = new Set(c.sections.filter((s) => s.level === top).flatMap((s) => s.kinds));
  const missing: Array<[CheckCode, string, string]> = [
    ['no-background', 'background', '缺少工作背景'],
    ['no-practices', 'practices', '缺少主要做法'],
    ['no-results', 'results', '缺少成效（推进成效/取得成效）'],
    ['no-lessons', 'lessons', '缺少经验启示'],
  ];
  for (const [code, kind, message] of missing) if (!kinds.has(kind as never)) issues.push({ code, severity: 'warning', message });
  let withoutBaseline = 0;
  for (const s of c.spans) {
    if (s.label !== 'indicator') continue;
    const f = s.fields;
    if (!filled(f.metric)) issues.push({ code: 'indicator-without-metric', severity: 'warning', message: `指标“${s.quote.exact}”没有指标名称`, spanId: s.id });
    const moves = f.direction === 'up' || f.direction === 'down';
    if (moves && !filled(f.baseline) && !filled(f.change)) {
      issues.push({ code: 'change-without-amount', severity: 'warning', message: `指标“${s.quote.exact}”写了升降，却没有基线值或变化量`, spanId: s.id });
    } else if (!filled(f.baseline) && !filled(f.change)) withoutBaseline++;
  }
  if (withoutBaseline) issues.push({ code: 'indicators-without-baseline', severity: 'note', message: `${withoutBaseline} 项指标只有当期数值（无基线、无变化），表中只列数值` });
  const length = [...c.title].length;
  if (length > MAX_TITLE) issues.push({ code: 'title-too-long', severity: 'warning', message: `标题 ${length} 字，超过 ${MAX_TITLE} 字` });
  if (c.orphans > 0) issues.push({ code: 'orphans', severity: 'warning', message: `${c.orphans} 处标注在修订后尚未重新定位` });
  return issues;
}

/** The issues the ⚠ count counts. */
export const warnings = (issues: readonly CompletenessIssue[]) => issues.filter((i) => i.severity === 'warning');
