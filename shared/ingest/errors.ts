/** Why a file could not be loaded; the message names the file so a batch of errors stays readable. */
export type IngestErrorCode = 'empty' | 'binary' | 'undecodable' | 'too-large' | 'unsupported';

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
