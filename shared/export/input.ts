import { strFromU8 } from 'fflate';

/**
 * Reading input safely: every parser takes text from files a user picked, so decoding and JSON
 * parsing report what is wrong and where instead of throwing.
 */

/** The text of a file: bytes decoded as UTF-8, a leading byte order mark dropped. */
export function fileText(data: string | Uint8Array): string {
  const text = typeof data === 'string' ? data : strFromU8(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string; line?: number };

/** JSON.parse without throwing; the message says where the error is when the engine tells. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const lineCol = /\(line (\d+) column (\d+)\)/.exec(raw);
    const position = /at position (\d+)/.exec(raw);
    const line = lineCol ? Number(lineCol[1]) : position ? lineOfPosition(text, Number(position[1])) : undefined;
    // Engines quote the offending input in the message; keep it short for a huge file.
    const message = `malformed JSON: ${raw.length > 160 ? `${raw.slice(0, 160)}…` : raw}`;
    return line === undefined ? { ok: false, message } : { ok: false, message, line };
  }
}

function lineOfPosition(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export interface JsonLine {
  /** 1-based line number in the file. */
  line: number;
  parsed: JsonParse;
}

/** The non-blank lines of a JSON Lines text, each parsed on its own so one bad line spoils nothing else. */
export function* jsonLines(text: string): Generator<JsonLine> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const parsed = parseJson(raw);
    yield { line: i + 1, parsed: parsed.ok ? parsed : { ok: false, message: parsed.message } };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `record[key]`, made with `make` when the record has none of its own. Keys come from files
 * ("__proto__" as a reviewer's name): an assignment would set the record's prototype — or,
 * through `{}["__proto__"]`, every object's properties — where this defines an own property.
 */
export function ownEntry<T>(record: Record<string, T>, key: string, make: () => T): T {
  if (!Object.hasOwn(record, key)) Object.defineProperty(record, key, { value: make(), enumerable: true, writable: true, configurable: true });
  return Object.getOwnPropertyDescriptor(record, key)!.value as T;
}
