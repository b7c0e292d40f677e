import type { InputKind } from './input-decoder.ts';

/** Text taken out of a container file (Word, PDF), ready for the line decoders. */
export interface ExtractedText {
  text: string;
  /** How the text was obtained, shown as the document's encoding (e.g. "docx"). */
  encoding: string;
  /** The line decoder that reads the extracted text (a .docx is extracted as Markdown-like text). */
  kind: InputKind;
  /** Every line is a whole paragraph (Word): the line joiner leaves them as they are. */
  closed?: boolean;
  /** Indices of the lines that are table rows, their cells separated by tabs. */
  tableRows?: ReadonlySet<number>;
}

/**
 * The first stage of decoding, one implementation per container format: a decoder claims a
 * file by its bytes (magic numbers, not the name) and extracts its text. Files no container
 * decoder claims are text, decoded by charset detection. A PDF decoder plugs in here beside
 * the Word one.
 */
export interface ContainerDecoder {
  readonly format: string;
  claims(bytes: Uint8Array): boolean;
  /** Throws IngestError naming the file when the container cannot be read. */
  extract(bytes: Uint8Array, file: string): ExtractedText;
}

export const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
