import type { SpanAnnotation } from '../model/annotation.ts';
import type { TaggedSection } from '../model/review.ts';

export type CheckCode = 'no-lessons' | 'no-results' | 'no-background' | 'no-practices' | 'indicator-without-baseline' | 'title-too-long' | 'orphans';

export interface CompletenessIssue {
  code: CheckCode;
  message: string;
  /** The span concerned, for indicator checks. */
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

/**
 * What an editor should look at before a case goes into the compendium: sections it lacks,
 * indicators that report a change but no baseline, overlong titles, unplaced annotations.
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
  for (const [code, kind, message] of missing) if (!kinds.has(kind as never)) issues.push({ code, message });
  for (const s of c.spans) {
    if (s.label !== 'indicator') continue;
    const f = s.fields;
    const changes = f.direction === 'up' || f.direction === 'down' || (f.change !== null && f.change !== undefined && f.change !== '');
    const hasBaseline = f.baseline !== null && f.baseline !== undefined && f.baseline !== '';
    if (!hasBaseline) issues.push({ code: 'indicator-without-baseline', message: `指标“${s.quote.exact}”没有基线值${changes ? '（却写了变化）' : ''}`, spanId: s.id });
  }
  const length = [...c.title].length;
  if (length > MAX_TITLE) issues.push({ code: 'title-too-long', message: `标题 ${length} 字，超过 ${MAX_TITLE} 字` });
  if (c.orphans > 0) issues.push({ code: 'orphans', message: `${c.orphans} 处标注在修订后尚未重新定位` });
  return issues;
}
