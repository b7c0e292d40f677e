/**
 * Loading one fixture the way casebench would: text, Word and HTML through `loadDocument`;
 * PDF through `loadInputFile` (main/services/input-file.ts) once the PDF reader exists there,
 * else reported as not loadable yet. Errors are outcomes, not crashes of the evaluation.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { LoaderFixture } from '../fixtures/loader/index.ts';
import { IngestError, loadDocument } from '../shared/ingest/index.ts';
import type { LoadedDocument } from '../shared/model/document.ts';

export type LoadOutcome =
  | { status: 'loaded'; doc: LoadedDocument }
  /** A clear refusal (IngestError), with its message. */
  | { status: 'refused'; message: string }
  /** Anything else thrown: a bug. */
  | { status: 'crashed'; message: string }
  | { status: 'not-loadable-yet'; message: string };

type LoadInputFile = (path: string, options?: { id?: string }) => LoadedDocument | Promise<LoadedDocument>;

let pdfLoader: LoadInputFile | null | undefined;

async function findPdfLoader(): Promise<LoadInputFile | null> {
  if (pdfLoader !== undefined) return pdfLoader;
  const mod = (await import('../main/services/input-file.ts')) as { loadInputFile?: LoadInputFile };
  pdfLoader = typeof mod.loadInputFile === 'function' ? mod.loadInputFile : null;
  return pdfLoader;
}

export async function loadFixture(fixture: LoaderFixture): Promise<LoadOutcome> {
  try {
    if (extname(fixture.inputPath).toLowerCase() === '.pdf') {
      const load = await findPdfLoader();
      if (!load) return { status: 'not-loadable-yet', message: 'main/services/input-file.ts has no loadInputFile yet' };
      return { status: 'loaded', doc: await load(fixture.inputPath, { id: fixture.name }) };
    }
    return { status: 'loaded', doc: loadDocument(new Uint8Array(readFileSync(fixture.inputPath)), fixture.inputPath, { id: fixture.name }) };
  } catch (e) {
    if (e instanceof IngestError) return { status: 'refused', message: e.message };
    return { status: 'crashed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
