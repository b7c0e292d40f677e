import type { Correction } from '../../../shared/outline/index.ts';

/** One step of the import preview's history: one document's corrections before and after. */
export interface PreviewStep {
  document: number;
  before: Correction[];
  after: Correction[];
}

/**
 * Undo and redo in the import preview, where nothing is written yet: each correction is a step
 * that sets one document's list of corrections; undo sets the list it had before.
 */
export interface PreviewHistory {
  done: PreviewStep[];
  undone: PreviewStep[];
}

export const emptyHistory: PreviewHistory = { done: [], undone: [] };

export function pushStep(h: PreviewHistory, step: PreviewStep): PreviewHistory {
  return { done: [...h.done, step], undone: [] };
}

/** The step to undo (set its document's corrections to `before`), and the history after it. */
export function undoStep(h: PreviewHistory): { step: PreviewStep; history: PreviewHistory } | null {
  const step = h.done.at(-1);
  return step ? { step, history: { done: h.done.slice(0, -1), undone: [...h.undone, step] } } : null;
}

/** The step to redo (set its document's corrections to `after`), and the history after it. */
export function redoStep(h: PreviewHistory): { step: PreviewStep; history: PreviewHistory } | null {
  const step = h.undone.at(-1);
  return step ? { step, history: { done: [...h.done, step], undone: h.undone.slice(0, -1) } } : null;
}
