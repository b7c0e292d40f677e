import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandlers } from '../../shared/api/contract.ts';
import { ApiError, isMethodName, validateInput } from '../../shared/api/errors.ts';
import { MAX_INPUT_BASE64 } from '../../shared/outline/limits.ts';

/**
 * The largest request body: the files a preview or import may carry at once (64 MiB, which is
 * a third more as base64) and a MiB for the rest of the JSON, in whole MiB. At 64 MiB a file
 * the loader accepts was refused by the transport before the contract could say anything.
 */
const MIB = 1024 * 1024;
export const MAX_BODY = Math.ceil((MAX_INPUT_BASE64 + MIB) / MIB) * MIB;

const STATUS: Record<ApiError['code'], number> = {
  'invalid-input': 400,
  'unknown-method': 404,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  corrupt: 500,
  io: 500,
  internal: 500,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Length': Buffer.byteLength(data) });
  res.end(data);
}

function readBody(req: IncomingMessage, res: ServerResponse): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size > MAX_BODY) {
        // Answer with a JSON error and close the connection after it: the rest of the body is
        // read and dropped (Node's request timeout bounds a body that never ends), so the client
        // sees why instead of a reset.
        refused = true;
        chunks.length = 0;
        res.setHeader('Connection', 'close');
        reject(new ApiError('invalid-input', `request body larger than ${MAX_BODY / MIB} MiB`));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * POST /api/<method> with a JSON body: the HTTP transport of the one API. The payload is
 * validated against the contract before the handler sees it; every failure is a JSON error
 * with a code and a message, never a stack trace.
 */
export async function handleApiCall(req: IncomingMessage, res: ServerResponse, method: string, handlers: ApiHandlers): Promise<void> {
  try {
    if (req.method !== 'POST') throw new ApiError('invalid-input', 'API calls are POST requests');
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new ApiError('invalid-input', 'API calls carry a JSON body (Content-Type: application/json)');
    if (!isMethodName(method)) throw new ApiError('unknown-method', `no API method "${method}"`);
    const text = await readBody(req, res);
    let payload: unknown;
    try {
      payload = text ? JSON.parse(text) : {};
    } catch (e) {
      throw new ApiError('invalid-input', `the request body is not valid JSON (${(e as Error).message})`);
    }
    const input = validateInput(method, payload);
    const result = await (handlers[method] as (input: unknown) => Promise<unknown>)(input);
    sendJson(res, 200, { ok: true, result: result ?? null });
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError('internal', e instanceof Error ? e.message : String(e));
    if (!(e instanceof ApiError)) console.error(e);
    sendJson(res, STATUS[error.code], { ok: false, error: error.toJSON() });
  }
}
