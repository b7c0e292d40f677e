import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expected } from './flow.ts';
import { VARIANTS_DIR } from './paths.ts';

export interface Written {
  path: string;
  bytes: number;
}

/** Write one input and its `<name>.expected.json` beside it. */
export function writeVariant(expected: Expected, data: Uint8Array | string, dir = join(VARIANTS_DIR, expected.kind)): Written {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, expected.input);
  writeFileSync(path, data);
  writeFileSync(join(dir, `${expected.name}.expected.json`), `${JSON.stringify(expected, null, 1)}\n`);
  return { path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
}

/** A family writes its variants and says what it wrote. */
export interface Family {
  kind: string;
  /** Families that need LibreOffice or poppler say so; the index skips them where those are missing. */
  needs?: Array<'soffice' | 'pdftotext' | 'qpdf' | 'pdftoppm'>;
  generate(): Promise<Written[]> | Written[];
}
