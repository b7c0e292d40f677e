import { IngestError, type LoadOptions } from '../../../shared/ingest/index.ts';
import type { LoadedDocument } from '../../../shared/model/document.ts';
import { applyCorrections, loadOptionsOf, type Applied, type ApplyOptions, type Correction } from '../../../shared/outline/index.ts';
import { MAX_INPUT_BYTES } from '../../../shared/outline/limits.ts';
import { loadInputData } from '../input-file.ts';

/**
 * Load a file's bytes (read from disk, or sent by a browser) into a document. Asynchronous
 * because some inputs are decoded by the host, asynchronously: a PDF by the Node-side decoder,
 * through main/services/input-file.ts (`loadInputData`; its progress shows in `loadProgress`).
 */
export async function loadInputBytes(bytes: Uint8Array, name: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  if (bytes.length > MAX_INPUT_BYTES) throw new IngestError('too-large', name, `file is ${(bytes.length / 1048576).toFixed(1)} MiB, larger than the ${MAX_INPUT_BYTES / 1048576} MiB casebench loads at once; split it first`);
  return loadInputData(bytes, name, options);
}

/** Load with the shape and reading the corrections choose, then apply them. */
export async function loadCorrected(bytes: Uint8Array, name: string, id: string, corrections: readonly Correction[], options: ApplyOptions = {}): Promise<Applied> {
  const loaded = await loadInputBytes(bytes, name, { id, ...loadOptionsOf(corrections) });
  return applyCorrections(loaded, corrections, options);
}
