/** Why a file could not be loaded; the message names the file so a batch of errors stays readable. */
/** scanned, encrypted and damaged are PDFs: a scan with no text layer, a password, a broken file. */
export type IngestErrorCode = 'empty' | 'binary' | 'undecodable' | 'too-large' | 'unsupported' | 'scanned' | 'encrypted' | 'damaged';

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'IngestError';
  }
}
