import { IngestError } from '../errors.ts';
import { decodeBytes, DEFAULT_MAX_BYTES } from './charset.ts';
import type { ContainerDecoder, ExtractedText } from './container-decoder.ts';
import { docxDecoder } from './docx.ts';
import { odtDecoder } from './odt.ts';
import { oleDecoder, rtfDecoder } from './refused-formats.ts';
import { htmlDecoder } from './html.ts';
import { pdfDecoder } from './pdf.ts';
import type { InputDecoder, InputKind } from './input-decoder.ts';
import { markdownDecoder } from './markdown.ts';
import { plainTextDecoder } from './plain-text.ts';
import { tabCells, type SourceLine } from './source-line.ts';
import type { SourceGeometry } from '../../model/geometry.ts';
import type { Warning } from '../../model/document.ts';
import { tabSeparatedDecoder } from './tab-separated.ts';

export type { InputDecoder, InputKind } from './input-decoder.ts';
export type { ContainerDecoder, ExtractedText } from './container-decoder.ts';
export type { BlockRole, LineStyle, SourceLine } from './source-line.ts';
export type { SourceGeometry } from '../../model/geometry.ts';

const DECODERS: readonly InputDecoder[] = [htmlDecoder, tabSeparatedDecoder, markdownDecoder, plainTextDecoder];
/** Containers, claimed by their bytes before anything is read as text. */
const CONTAINERS: readonly ContainerDecoder[] = [odtDecoder, docxDecoder, pdfDecoder, oleDecoder, rtfDecoder];

export interface DecodedSource {
  rawText: string;
  encoding: string;
  kind: InputKind;
  lines: SourceLine[];
  /** Where each stretch of `rawText` stands on the page, for inputs that have pages (PDF). */
  geometry?: SourceGeometry;
  /** What the decoder noticed and the reader should know (a dropped running header, a refusal it worked round). */
  notes?: Warning[];
}

/**
 * Bytes → text → lines, in two stages: a container decoder (Word, PDF) claims the file by its
 * bytes and extracts its text; any other file is text, its encoding detected. Then the line
 * decoder that fits best (or the one the container names) turns the text into lines.
 */
export function decodeSource(input: Uint8Array | string, file: string, maxBytes?: number): DecodedSource {
  let rawText: string;
  let encoding: string;
  let kind: InputKind | null = null;
  let extracted: ExtractedText | undefined;
  if (typeof input === 'string') {
    rawText = input.startsWith('\ufeff') ? input.slice(1) : input;
    encoding = 'utf-16';
    if (!rawText.trim()) throw new IngestError('empty', file, 'text is empty');
  } else {
    const container = CONTAINERS.find((c) => c.claims(input));
    if (container) {
      if (input.length > (maxBytes ?? DEFAULT_MAX_BYTES)) throw new IngestError('too-large', file, `file is larger than the ${Math.round((maxBytes ?? DEFAULT_MAX_BYTES) / 1048576)} MB casebench loads at once; split it first`);
      extracted = container.extract(input, file);
      ({ text: rawText, encoding, kind } = extracted);
    } else ({ text: rawText, encoding } = decodeBytes(input, file, maxBytes));
  }
  const decoder = (kind && DECODERS.find((d) => d.kind === kind)) || bestFit(file, rawText);
  let lines = decoder.lines(rawText);
  if (extracted?.closed || extracted?.tableRows?.size) lines = lines.map((l, i) => withStructure(l, extracted!, i));
  return { rawText, encoding, kind: decoder.kind, lines };
}

/** What the container knew of a line: a whole paragraph, or a table row whose cells are tab-separated. */
function withStructure(line: SourceLine, extracted: ExtractedText, index: number): SourceLine {
  const out: SourceLine = extracted.closed ? { ...line, closed: true } : { ...line };
  if (extracted.tableRows?.has(index)) {
    const cells = tabCells(line.text);
    out.cells = cells;
    out.role = 'table-row';
  }
  return out;
}

function bestFit(file: string, rawText: string): InputDecoder {
  let best = plainTextDecoder;
  let bestScore = 0;
  for (const d of DECODERS) {
    const fit = d.fit(file, rawText);
    if (fit > bestScore) {
      best = d;
      bestScore = fit;
    }
  }
  return best;
}
