import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_MAX_BYTES, IngestError } from '../../shared/ingest/index.ts';

/** Read an input file for the loader, refusing directories and huge files before reading them. */
export function readInputFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new IngestError('unsupported', path, 'is a directory, not a file');
    size = st.size;
  } catch (e) {
    if (e instanceof IngestError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError('unsupported', path, code === 'ENOENT' ? 'no such file' : `cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(e))})`);
  }
  if (size > maxBytes) throw new IngestError('too-large', path, `file is ${(size / 1024 / 1024).toFixed(1)} MiB, larger than the ${maxBytes / 1024 / 1024} MiB casebench loads at once; split it first`);
  return readFileSync(path);
}
