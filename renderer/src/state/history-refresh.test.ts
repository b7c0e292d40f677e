import { describe, expect, it } from 'vitest';
import type { ApiClient, MethodName } from '../../../shared/api/contract.ts';
import { API_METHODS } from '../../../shared/api/methods.ts';
import { CHANGES_HISTORY, withHistoryRefresh } from './history-refresh.ts';

/** A client whose every method answers `{ method }`, or fails for the methods named. */
function fakeApi(failing: MethodName[] = []): ApiClient {
  const api: Record<string, unknown> = {};
  for (const m of API_METHODS) api[m] = async () => (failing.includes(m) ? Promise.reject(new Error(m)) : { method: m });
  return api as ApiClient;
}

describe('withHistoryRefresh', () => {
  it.each<[MethodName, boolean]>([
    ['addSpan', true],
    ['updateSpan', true],
    ['deleteSpan', true],
    ['tagSection', true],
    ['resolveOrphan', true],
    ['reviseText', true],
    ['setCaseStatus', true],
    ['setCaseMeta', true],
    ['setScore', true],
    ['adjudicate', true],
    ['decideSuggestions', true],
    ['importAnnotations', true],
    ['setReviewer', true],
    ['openProject', true],
    // Undo and redo answer with the history state; reads and the export poll change nothing.
    ['undo', false],
    ['redo', false],
    ['historyState', false],
    ['getCase', false],
    ['listCases', false],
    ['exportStatus', false],
    ['search', false],
  ])('%s refreshes the history: %s', async (method, refreshes) => {
    let calls = 0;
    const api = withHistoryRefresh(fakeApi(), () => calls++);
    const call = api[method] as (input: unknown) => Promise<unknown>;
    expect(await call({})).toEqual({ method });
    expect(calls).toBe(refreshes ? 1 : 0);
  });

  it('does not refresh after a call that failed', async () => {
    let calls = 0;
    const api = withHistoryRefresh(fakeApi(['addSpan']), () => calls++);
    await expect(api.addSpan({ caseId: 'c', start: 0, end: 1, label: 'x' })).rejects.toThrow('addSpan');
    expect(calls).toBe(0);
  });

  it('knows every method of the contract', () => {
    expect(Object.keys(CHANGES_HISTORY).sort()).toEqual([...API_METHODS].sort());
  });
});
