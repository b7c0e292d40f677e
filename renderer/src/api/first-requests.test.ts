import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/methods.ts';

/** A desktop-style host (window.casebench) whose calls are recorded and answered at once. */
function fakeHost(hash: string, reviewer: string | null = 'ann') {
  const calls: string[] = [];
  const api = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (input: unknown) => {
        calls.push(`${m} ${JSON.stringify(input)}`);
        if (m === 'listCases') return [{ id: 'first' }, { id: 'second' }];
        if (m === 'projectInfo') return { reviewer, call: calls.length };
        if (m === 'getSuggestions') throw Object.assign(new Error('choose who is annotating first'), { code: 'forbidden' });
        return `${m} answer #${calls.length}`;
      },
    ]),
  );
  const window = { casebench: api };
  vi.stubGlobal('window', window);
  vi.stubGlobal('casebenchFirstRequests', undefined);
  vi.stubGlobal('location', { hash, pathname: '/', search: '' });
  return { calls, window };
}

/** Run the page's first script, then make the page's connection as main.tsx does. */
async function start(host: { window: object }, early = true) {
  vi.resetModules();
  if (early) {
    await import('../early.ts');
    // The script leaves its requests on window; the main bundle finds them on the global object.
    vi.stubGlobal('casebenchFirstRequests', (host.window as { casebenchFirstRequests?: unknown }).casebenchFirstRequests);
  }
  const { firstConnection } = await import('./first-requests.ts');
  return firstConnection().api;
}

afterEach(() => vi.unstubAllGlobals());

describe('first requests', () => {
  it('reads the case the address names', async () => {
    fakeHost('#/case/%E6%A1%88%E4%BE%8B-1');
    const { caseInAddress } = await import('./first-requests.ts');
    expect(caseInAddress()).toBe('案例-1');
    vi.stubGlobal('location', { hash: '#token=abc' });
    expect(caseInAddress()).toBeNull();
  });

  it('sends the first screen’s calls at once, and answers each first asker with them', async () => {
    const host = fakeHost('#/case/c7');
    const api = await start(host);
    // Suggestions once the project said who is annotating: after every other first request.
    expect(host.calls).toEqual(['projectInfo {}', 'getSchema {}', 'listCases {}', 'historyState {}', 'getCase {"caseId":"c7"}', 'getSuggestions {"caseId":"c7"}']);
    expect(await api.projectInfo({})).toEqual({ reviewer: 'ann', call: 1 });
    // The store's own call, with an option left undefined, is the same request.
    expect(await api.getCase({ caseId: 'c7', reviewers: undefined })).toBe('getCase answer #5');
    await expect(api.getSuggestions({ caseId: 'c7' })).rejects.toMatchObject({ code: 'forbidden', message: /annotating/ });
    // Asked again, or asked something else: the host answers.
    expect(await api.projectInfo({})).toEqual({ reviewer: 'ann', call: 7 });
    expect(await api.getCase({ caseId: 'c8' })).toBe('getCase answer #8');
    expect(host.calls).toHaveLength(8);
  });

  it('with no case in the address, asks for the list’s first case as soon as the list arrives', async () => {
    const host = fakeHost('');
    const api = await start(host);
    expect(await api.listCases({})).toEqual([{ id: 'first' }, { id: 'second' }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(host.calls.slice(4)).toEqual(['getCase {"caseId":"first"}', 'getSuggestions {"caseId":"first"}']);
    expect(await api.getCase({ caseId: 'first' })).toBe('getCase answer #5');
    expect(host.calls).toHaveLength(6);
  });

  it('asks for no suggestions while no one is annotating', async () => {
    const host = fakeHost('#/case/c7', null);
    const api = await start(host);
    await api.projectInfo({});
    await new Promise((r) => setTimeout(r, 0));
    expect(host.calls.filter((c) => c.startsWith('getSuggestions'))).toEqual([]);
  });

  it('in a browser, asks serve over HTTP with the tab’s token', async () => {
    const requests: string[] = [];
    vi.stubGlobal('window', {});
    vi.stubGlobal('location', { hash: '#/case/c1', pathname: '/', search: '' });
    vi.stubGlobal('sessionStorage', { getItem: () => 'tok', setItem: () => undefined });
    vi.stubGlobal('fetch', async (url: string, init: { headers: Record<string, string>; body: string }) => {
      requests.push(`${url} ${init.headers['X-Casebench-Token']} ${init.body}`);
      return { json: async () => ({ ok: true, result: url.endsWith('projectInfo') ? { reviewer: 'ann' } : url }) };
    });
    vi.resetModules();
    await import('../early.ts');
    expect(requests).toContain('/api/getCase tok {"caseId":"c1"}');
    await new Promise((r) => setTimeout(r, 0));
    expect(requests).toContain('/api/getSuggestions tok {"caseId":"c1"}');
    expect(requests).toHaveLength(6);
  });

  it('without the first script, is the usual connection', async () => {
    const host = fakeHost('');
    const api = await start(host, false);
    expect(await api.getSchema({})).toBe('getSchema answer #1');
    expect(host.calls).toEqual(['getSchema {}']);
  });
});
