import type { CompletenessIssue } from '../../shared/compendium/checks.ts';
import type { LeftOutReason } from '../../shared/compendium/draft.ts';

const counts = (c: { include: number; pending: number; exclude: number }) => `${c.include} include / ${c.pending} pending / ${c.exclude} exclude`;

/** Why a case is not in the draft, in a line of the CLI's output. */
export function leftOutText(reason: LeftOutReason): string {
  switch (reason.code) {
    case 'disagree':
      return `reviewers disagree (${counts(reason.counts)}): counted as the more cautious ${reason.majority}`;
    case 'majority':
      return `most reviewers recommend ${reason.majority} (${counts(reason.counts)})`;
    case 'no-recommendation':
      return 'scored, but nobody recommended it either way';
    case 'below-score':
      return reason.score === null ? `not scored (the minimum is ${reason.minScore})` : `scored ${reason.score.toFixed(2)}, below the minimum ${reason.minScore}`;
    case 'removed':
      return 'meets the rule: taken out of the draft by hand';
  }
}

/** The checks of the draft's cases: what to fix first ("!", the ⚠ count of the workbench), then notes ("·"). */
export function checkLines(checks: Record<string, CompletenessIssue[]>): string[] {
  const all = Object.entries(checks).flatMap(([id, list]) => list.map((i) => ({ id, ...i })));
  return [...all.filter((i) => i.severity === 'warning').map((i) => `  ! ${i.id}: ${i.message}`), ...all.filter((i) => i.severity === 'note').map((i) => `  · ${i.id}: ${i.message}`)];
}
