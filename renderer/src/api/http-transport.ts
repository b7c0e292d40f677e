import type { Transport } from '../../../shared/api/client.ts';
import { ApiError, type ApiErrorCode } from '../../../shared/api/api-error.ts';

/**
 * The HTTP transport of serve mode: POST /api/<method> with the run's token, which the page
 * takes from the URL fragment casebench serve printed and keeps for the tab's life.
 */
export function httpTransport(token: string, base = ''): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Casebench-Token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      throw new ApiError('io', `casebench serve cannot be reached (${(e as Error).message}); is it still running?`);
    }
    let body: { ok: boolean; result?: unknown; error?: { code: ApiErrorCode; message: string } };
    try {
      body = await response.json();
    } catch {
      throw new ApiError('internal', `unexpected response from casebench serve (HTTP ${response.status})`);
    }
    if (!body.ok) throw new ApiError(body.error?.code ?? 'internal', body.error?.message ?? `HTTP ${response.status}`);
    return body.result as never;
  };
}

/** The token from "#token=…" (then removed from the address bar), or from this tab's storage. */
export function takeToken(): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem('casebench-token', m[1]!);
    history.replaceState(null, '', location.pathname + location.search);
    return m[1]!;
  }
  return sessionStorage.getItem('casebench-token');
}

/** Download an export through the API (the token travels in a header, never in a link). */
export async function downloadExport(token: string, jobId: string): Promise<void> {
  const response = await fetch(`/api/download/${jobId}`, { headers: { 'X-Casebench-Token': token } });
  if (!response.ok) throw new ApiError('not-found', `download failed (HTTP ${response.status})`);
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export');
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
