import { decodeBytes } from '../../shared/ingest/decode/charset.ts';
import { readInputFile } from '../services/input-file.ts';

export { readInputFile };

/** Print machine-readable output: one JSON document, pretty only when a person is looking. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, process.stdout.isTTY ? 2 : undefined) + '\n');
}

/**
 * A text file a command reads (a revised case text, a schema), decoded as the loader decodes its
 * inputs: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK; line ends made LF. Missing,
 * empty, binary and undecodable files are IngestErrors naming the file.
 */
export function readTextFile(path: string, maxBytes?: number): string {
  return decodeBytes(readInputFile(path, maxBytes), path, maxBytes).text.replace(/\r\n?/g, '\n');
}
