import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_CHANNEL } from '../../shared/api/shell.ts';

// Electron's ipcMain, replaced by a recorder: the checks are what is under test.
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
vi.mock('electron', () => ({ ipcMain: { on: (channel: string, fn: (event: unknown, payload: unknown) => void) => listeners.set(channel, fn) } }));

const { registerShellIpc } = await import('./shell-ipc.ts');

const trustedSender = { id: 1 };
const frame = (url: string) => ({ sender: trustedSender, senderFrame: { url } });

describe('the language message from the page', () => {
  const heard: unknown[] = [];
  beforeEach(() => {
    listeners.clear();
    heard.length = 0;
    registerShellIpc((sender, url) => sender === (trustedSender as never) && !!url?.startsWith('casebench://app/'), (language) => heard.push(language));
  });

  it('listens on its one channel only', () => {
    expect([...listeners.keys()]).toEqual([LANGUAGE_CHANNEL]);
  });

  it.each([
    ['English from the app page', frame('casebench://app/index.html'), 'en', ['en']],
    ['Chinese from the app page', frame('casebench://app/index.html'), 'zh-CN', ['zh-CN']],
    ['another page', frame('https://evil.example/'), 'en', []],
    ['another window', { sender: { id: 2 }, senderFrame: { url: 'casebench://app/index.html' } }, 'en', []],
    ['a frame without a URL', { sender: trustedSender, senderFrame: null }, 'en', []],
    ['an unknown language', frame('casebench://app/index.html'), 'fr', []],
    ['not a string', frame('casebench://app/index.html'), { toString: (): string => 'en' }, []],
    ['a language with extra text', frame('casebench://app/index.html'), 'en; rm -rf', []],
  ])('%s → %j', (_name, event, payload, expected) => {
    listeners.get(LANGUAGE_CHANNEL)!(event, payload);
    expect(heard).toEqual(expected);
  });
});
