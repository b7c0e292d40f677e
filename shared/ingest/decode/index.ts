import { IngestError } from '../errors.ts';
import { decodeBytes } from './charset.ts';
import type { InputDecoder, InputKind } from './input-decoder.ts';
import { markdownDecoder } from './markdown.ts';
import { plainTextDecoder } from './plain-text.ts';
import type { SourceLine } from './source-line.ts';
import { tabSeparatedDecoder } from './tab-separated.ts';

export type { InputDecoder, InputKind } from './input-decoder.ts';
export type { SourceLine } from './source-line.ts';

const DECODERS: readonly InputDecoder[] = [tabSeparatedDecoder, markdownDecoder, plainTextDecoder];

export interface DecodedSource {
  rawText: string;
  encoding: string;
  kind: InputKind;
  lines: SourceLine[];
}

/** Bytes → text (encoding detected) → lines, by the input decoder that fits best. */
export function decodeSource(input: Uint8Array | string, file: string, maxBytes?: number): DecodedSource {
  let rawText: string;
  let encoding: string;
  if (typeof input === 'string') {
    rawText = input.startsWith('\ufeff') ? input.slice(1) : input;
    encoding = 'utf-16';
    if (!rawText.trim()) throw new IngestError('empty', file, 'text is empty');
  } else {
    refuseContainers(input, file);
    ({ text: rawText, encoding } = decodeBytes(input, file, maxBytes));
  }
  let best = plainTextDecoder;
  let bestFit = 0;
  for (const d of DECODERS) {
    const fit = d.fit(file, rawText);
    if (fit > bestFit) {
      best = d;
      bestFit = fit;
    }
  }
  return { rawText, encoding, kind: best.kind, lines: best.lines(rawText) };
}

/** Word and PDF files are containers, not text: name them rather than decode them as garbage. */
function refuseContainers(bytes: Uint8Array, file: string): void {
  const b = bytes;
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) {
    throw new IngestError('unsupported', file, 'this is a PDF file; extract its text first (a PDF decoder can plug into shared/ingest/decode)');
  }
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    throw new IngestError('unsupported', file, 'this is a zip container (a Word .docx?); save it as text first (a .docx decoder can plug into shared/ingest/decode)');
  }
}
