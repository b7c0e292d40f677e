import type { CaseSummary } from '../../../shared/api/types.ts';

/**
 * Whom the comparison shows of a case when it opens: the reviewers chosen for this case before
 * (remembered), else those who finished it (已审), else those who worked on it (annotations or a
 * status), made up to two with the others in list order. The list used to start with the first
 * two names, whoever they were (an empty 张三李四 in, 李四 left out), on every visit.
 */
export function preselectedReviewers(all: readonly string[], summary: Pick<CaseSummary, 'status' | 'spanCounts'>, remembered: readonly string[] | null): string[] {
  const chosen = (remembered ?? []).filter((r) => all.includes(r));
  if (chosen.length >= 2) return chosen;
  const done = all.filter((r) => summary.status[r] === 'done');
  if (done.length >= 2) return done;
  const worked = all.filter((r) => (summary.spanCounts[r] ?? 0) > 0 || (summary.status[r] ?? 'todo') !== 'todo');
  if (worked.length >= 2) return worked;
  return [...worked, ...all.filter((r) => !worked.includes(r))].slice(0, 2);
}

const key = (project: string, caseId: string) => `casebench-compare:${project}:${caseId}`;
const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

/** The reviewers last chosen for a case of a project in this browser, or null. */
export function rememberedReviewers(project: string, caseId: string): string[] | null {
  try {
    const raw = storage()?.getItem(key(project, caseId));
    const value: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

export function rememberReviewers(project: string, caseId: string, reviewers: readonly string[]): void {
  storage()?.setItem(key(project, caseId), JSON.stringify(reviewers));
}
