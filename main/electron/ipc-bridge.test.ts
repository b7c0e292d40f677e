import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../shared/api/contract.ts';
import { API_METHODS } from '../../shared/api/methods.ts';

// Electron's ipcMain, replaced by a recorder: the bridge's checks are what is under test.
const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => registered.set(channel, fn) } }));

const { registerIpc } = await import('./ipc-bridge.ts');

const trustedSender = { id: 1 };
const frame = (url: string) => ({ sender: trustedSender, senderFrame: { url } });

describe('the IPC bridge', () => {
  const calls: unknown[] = [];
  beforeEach(() => {
    registered.clear();
    calls.length = 0;
    const handlers = new Proxy({} as ApiHandlers, {
      get: (_t, method) => async (input: unknown) => {
        calls.push([method, input]);
        return { ok: method };
      },
    });
    registerIpc(() => handlers, (sender, url) => sender === (trustedSender as never) && !!url?.startsWith('casebench://app/'));
  });

  it('registers one channel per API method, and nothing else', () => {
    expect([...registered.keys()].sort()).toEqual(API_METHODS.map((m) => `casebench:${m}`).sort());
  });

  it('passes a valid call from the app page to the handler', async () => {
    const reply = await registered.get('casebench:getCase')!(frame('casebench://app/index.html'), { caseId: 'hc2024-01' });
    expect(reply).toEqual({ ok: true, result: { ok: 'getCase' } });
    expect(calls).toEqual([['getCase', { caseId: 'hc2024-01' }]]);
  });

  it.each([
    ['another page', frame('https://evil.example/'), { caseId: 'hc2024-01' }, 'forbidden'],
    ['another window', { sender: { id: 2 }, senderFrame: { url: 'casebench://app/index.html' } }, { caseId: 'hc2024-01' }, 'forbidden'],
    ['a frame without a URL', { sender: trustedSender, senderFrame: null }, { caseId: 'hc2024-01' }, 'forbidden'],
    ['an invalid payload', frame('casebench://app/index.html'), { caseId: 42 }, 'invalid-input'],
    ['extra fields', frame('casebench://app/index.html'), { caseId: 'a', exec: 'rm -rf' }, 'invalid-input'],
  ])('refuses %s before any handler runs', async (_name, event, payload, code) => {
    const reply = (await registered.get('casebench:getCase')!(event, payload)) as { ok: boolean; error: { code: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe(code);
    expect(calls).toEqual([]);
  });
});
