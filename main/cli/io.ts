export { readInputFile } from '../services/input-file.ts';

/** Print machine-readable output: one JSON document, pretty only when a person is looking. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, process.stdout.isTTY ? 2 : undefined) + '\n');
}
