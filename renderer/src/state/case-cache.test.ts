import { describe, expect, it } from 'vitest';
import type { ApiClient, MethodName } from '../../../shared/api/contract.ts';
import { API_METHODS } from '../../../shared/api/methods.ts';
import type { CaseDetail } from '../../../shared/api/types.ts';
import { CaseCache, invalidatingClient, invalidation, type OpenedCase } from './case-cache.ts';

const opened = (id: string, text = `text of ${id}`): OpenedCase => ({ detail: { summary: { id }, text } as unknown as CaseDetail, suggestions: null });

/** A cache whose fetches are counted and answer with the case's text at the time of the fetch. */
function counting() {
  const fetched: string[] = [];
  const texts = new Map<string, string>();
  const cache = new CaseCache(async (id, view) => {
    fetched.push(`${id}@${view}`);
    if (id === 'missing') throw new Error('no such case');
    return opened(id, texts.get(id));
  }, 3);
  return { cache, fetched, texts };
}

describe('invalidation', () => {
  it.each([
    ['getCase', { caseId: 'c1' }, { kind: 'none' }],
    ['listCases', {}, { kind: 'none' }],
    ['search', { query: 'x' }, { kind: 'none' }],
    ['addSpan', { caseId: 'c1', start: 0, end: 2, label: 'x' }, { kind: 'case', caseId: 'c1' }],
    ['setCaseStatus', { caseId: 'c2', status: 'done' }, { kind: 'case', caseId: 'c2' }],
    ['decideSuggestions', { caseId: 'c3', decisions: [] }, { kind: 'case', caseId: 'c3' }],
    // Undo and redo may touch any case; so do imports, outline corrections and another reviewer.
    ['undo', {}, { kind: 'all' }],
    ['redo', {}, { kind: 'all' }],
    ['importAnnotations', { caseId: 'c1' }, { kind: 'all' }],
    ['correctOutline', { caseId: 'c1' }, { kind: 'all' }],
    ['setReviewer', { name: 'bob' }, { kind: 'all' }],
    ['openProject', { dir: '/p' }, { kind: 'all' }],
  ] as Array<[MethodName, unknown, ReturnType<typeof invalidation>]>)('%s → %j', (method, input, expected) => {
    expect(invalidation(method, input)).toEqual(expected);
  });

  it('a method of one case called without one drops everything', () => {
    expect(invalidation('addSpan', {})).toEqual({ kind: 'all' });
  });
});

describe('CaseCache', () => {
  it('fetches a case once, and serves it per view', async () => {
    const { cache, fetched } = counting();
    cache.prefetch('c1', 'alice');
    cache.prefetch('c1', 'alice');
    cache.prefetch('c1', 'bob');
    expect(fetched).toEqual(['c1@alice', 'c1@bob']);
    expect((await cache.get('c1', 'alice'))?.detail.summary.id).toBe('c1');
    expect(cache.get('c2', 'alice')).toBeNull();
  });

  it('drops only the case a write names, and everything on any other write', async () => {
    const { cache } = counting();
    cache.prefetch('c1', 'v');
    cache.prefetch('c2', 'v');
    cache.changed('addSpan', { caseId: 'c1' });
    expect(cache.get('c1', 'v')).toBeNull();
    expect(cache.get('c2', 'v')).not.toBeNull();
    cache.changed('getCase', { caseId: 'c2' });
    expect(cache.get('c2', 'v')).not.toBeNull();
    cache.changed('undo', {});
    expect(cache.get('c2', 'v')).toBeNull();
  });

  it('never serves a fetch that was under way when its case changed', async () => {
    const { cache, texts } = counting();
    texts.set('c1', 'before');
    cache.prefetch('c1', 'v');
    texts.set('c1', 'after');
    cache.changed('reviseText', { caseId: 'c1' });
    expect(cache.get('c1', 'v')).toBeNull();
    cache.prefetch('c1', 'v');
    expect((await cache.get('c1', 'v'))?.detail.text).toBe('after');
  });

  it('hands over an arrived case without waiting', async () => {
    const { cache } = counting();
    cache.prefetch('c1', 'v');
    expect(cache.peek('c1', 'v')).toBeNull();
    await cache.get('c1', 'v');
    expect(cache.peek('c1', 'v')?.detail.summary.id).toBe('c1');
    cache.put('c2', 'v', opened('c2'));
    expect(cache.peek('c2', 'v')?.detail.summary.id).toBe('c2');
    cache.changed('setCaseStatus', { caseId: 'c2' });
    expect(cache.peek('c2', 'v')).toBeNull();
  });

  it('tells how old an entry is', () => {
    const { cache } = counting();
    const t = Date.now();
    cache.put('a', 'v', opened('a'));
    expect(cache.age('a', 'v', t + 5000)).toBeGreaterThanOrEqual(4000);
    expect(cache.age('b', 'v')).toBe(Number.POSITIVE_INFINITY);
    cache.changed('addSpan', { caseId: 'a' });
    expect(cache.get('a', 'v')).toBeNull();
  });

  it('counts every change in its version', () => {
    const { cache } = counting();
    const v = cache.version;
    cache.changed('listCases', {});
    expect(cache.version).toBe(v);
    cache.changed('addSpan', { caseId: 'c9' });
    cache.clear();
    expect(cache.version).toBe(v + 2);
  });

  it('does not keep a failed fetch', async () => {
    const { cache, fetched } = counting();
    cache.prefetch('missing', 'v');
    expect(await cache.get('missing', 'v')).toBeNull();
    await Promise.resolve();
    expect(cache.get('missing', 'v')).toBeNull();
    cache.prefetch('missing', 'v');
    expect(fetched).toEqual(['missing@v', 'missing@v']);
  });

  it('keeps the case left and adopted fetches, the oldest going first past its limit', async () => {
    const { cache, fetched } = counting();
    cache.put('a', 'v', opened('a'));
    cache.adopt('b', 'v', Promise.resolve(opened('b')));
    cache.prefetch('c', 'v');
    cache.prefetch('d', 'v');
    expect(cache.get('a', 'v')).toBeNull();
    expect((await cache.get('b', 'v'))?.detail.summary.id).toBe('b');
    expect(fetched).toEqual(['c@v', 'd@v']);
  });
});

describe('invalidatingClient', () => {
  function client(fail: boolean) {
    const calls: string[] = [];
    const api = Object.fromEntries(
      API_METHODS.map((m) => [
        m,
        async () => {
          calls.push(m);
          if (fail) throw new Error('refused');
          return m;
        },
      ]),
    ) as unknown as ApiClient;
    return { api, calls };
  }

  it.each([false, true])('drops what a write touched once it is answered (failed: %s)', async (fail) => {
    const { cache } = counting();
    const { api } = client(fail);
    const wrapped = invalidatingClient(api, cache);
    cache.prefetch('c1', 'v');
    cache.prefetch('c2', 'v');
    await wrapped.getCase({ caseId: 'c1' }).catch(() => null);
    expect(cache.get('c1', 'v')).not.toBeNull();
    await wrapped.deleteSpan({ caseId: 'c1', id: 's1' }).catch(() => null);
    expect(cache.get('c1', 'v')).toBeNull();
    expect(cache.get('c2', 'v')).not.toBeNull();
  });

  it('passes every method through', async () => {
    const { cache } = counting();
    const { api, calls } = client(false);
    const wrapped = invalidatingClient(api, cache);
    for (const m of API_METHODS) await (wrapped[m] as (x: unknown) => Promise<unknown>)({});
    expect(calls).toEqual([...API_METHODS]);
  });
});
