import type { EvalReport } from './score.ts';

/**
 * What the suggestions must achieve on the evaluation set. Recall matters more than precision
 * (a reviewer rejects a wrong suggestion with one key, but must find a missing one by reading),
 * so recall is held higher; every change expression must come back with the right baseline and
 * later value, since a wrong figure accepted by mistake is worse than none.
 */
export const GOAL = {
  indicator: { precision: 0.9, recall: 0.95 },
  lesson: { precision: 0.9, recall: 0.95 },
  changeFieldAccuracy: 1,
  /** Metric names as an editor would print them, of the indicators labelled with one. */
  metricAccuracy: 0.8,
} as const;

export function meetsGoals(r: EvalReport): boolean {
  return (
    r.indicator.precision >= GOAL.indicator.precision &&
    r.indicator.recall >= GOAL.indicator.recall &&
    r.lesson.precision >= GOAL.lesson.precision &&
    r.lesson.recall >= GOAL.lesson.recall &&
    r.changes.parsedRight === r.changes.total &&
    r.metrics.accuracy >= GOAL.metricAccuracy
  );
}
