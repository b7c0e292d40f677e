import type { ApiClient } from '../../../shared/api/contract.ts';
import { buildClient } from '../../../shared/api/client.ts';
import type { ShellBridge } from '../../../shared/api/shell.ts';
import { httpTransport, takeToken } from './http-transport.ts';

declare global {
  interface Window {
    /** Set by the desktop preload: the typed API over IPC. Absent in a browser. */
    casebench?: ApiClient;
    casebenchShell?: ShellBridge;
  }
}

export interface Connection {
  api: ApiClient;
  host: 'desktop' | 'browser';
  token: string | null;
  shell: ShellBridge | null;
}

/** The same UI runs in both hosts: pick the transport the page was given. */
export function connect(): Connection {
  if (window.casebench) return { api: window.casebench, host: 'desktop', token: null, shell: window.casebenchShell ?? null };
  const token = takeToken();
  return { api: buildClient(httpTransport(token ?? '')), host: 'browser', token, shell: null };
}
