import { IngestError } from '../errors.ts';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding found: utf-8, utf-16le, utf-16be or gb18030. */
  encoding: string;
  hadBom: boolean;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Turn a file's bytes into text, detecting the encoding rather than assuming it: a BOM wins;
 * then UTF-16 without BOM (recognised by its zero bytes); then strict UTF-8; then GB18030, which
 * covers GBK and GB2312, accepted only when the result reads as Chinese text. Anything else is an
 * error that names the file: a wrongly decoded text would be annotated and exported as garbage.
 */
export function decodeBytes(bytes: Uint8Array, file: string, maxBytes = DEFAULT_MAX_BYTES): DecodedText {
  if (bytes.length > maxBytes) {
    throw new IngestError('too-large', file, `file is ${formatSize(bytes.length)}, larger than the ${formatSize(maxBytes)} casebench loads at once; split it first`);
  }
  if (bytes.length === 0) throw new IngestError('empty', file, 'file is empty');

  const bom = detectBom(bytes);
  let decoded: DecodedText;
  if (bom) {
    decoded = { text: strictDecode(bom.encoding, bytes.subarray(bom.length), file), encoding: bom.encoding, hadBom: true };
  } else {
    const utf16 = guessUtf16WithoutBom(bytes) ?? chineseUtf16WithoutBom(bytes);
    if (utf16) decoded = { text: strictDecode(utf16, bytes, file), encoding: utf16, hadBom: false };
    else {
      if (looksBinary(bytes)) throw new IngestError('binary', file, 'file looks binary (it contains NUL or control bytes), not text');
      decoded = decodeUtf8OrGb18030(bytes, file);
    }
  }
  if (decoded.text.trim().length === 0) throw new IngestError('empty', file, 'file contains only whitespace');
  if (controlRatio(decoded.text) > 0.02) {
    throw new IngestError('binary', file, `decoded as ${decoded.encoding} but full of control characters: not a text file`);
  }
  return decoded;
}

function detectBom(b: Uint8Array): { encoding: string; length: number } | null {
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) {
    return null; // UTF-32: rare enough to refuse below as binary rather than misread as UTF-16
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** ASCII-heavy UTF-16 has a zero in every other byte; CJK-heavy UTF-16 does not, so it needs a BOM. */
function guessUtf16WithoutBom(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05) return 'utf-16le';
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * CJK-heavy UTF-16 without a BOM has few zero bytes (only in its ASCII: line ends, digits), so
 * the count above misses it and the NULs would make it "binary". Decoded as UTF-16, it reads as
 * Chinese in one byte order only; GB18030 or UTF-8 bytes read as UTF-16 give Hangul, rare
 * ideographs and private-use characters instead.
 */
function chineseUtf16WithoutBom(b: Uint8Array): string | null {
  if (b.length < 8 || b.length % 2 !== 0) return null;
  // Its line ends and digits are zero bytes half the time; text in any 8-bit encoding has none.
  if (b.subarray(0, 4096).indexOf(0) < 0) return null;
  const sample = b.subarray(0, Math.min(b.length, 16384) & ~1);
  for (const encoding of ['utf-16le', 'utf-16be']) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(sample);
    } catch {
      continue;
    }
    let ideographs = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c >= 0x4e00 && c <= 0x9fff) ideographs++;
    }
    if (ideographs / Math.max(1, text.length) >= 0.3 && readsAsChinese(text)) return encoding;
  }
  return null;
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  return control / n > 0.02;
}

function decodeUtf8OrGb18030(bytes: Uint8Array, file: string): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', hadBom: false };
  } catch {
    // Not UTF-8: try the Chinese national encoding next.
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    // Say where: a text in one encoding with a passage pasted from another (curly quotes from a
    // Windows-1252 document in a GBK file) is fixed at that line.
    const gbk = firstBadLine(bytes, 'gb18030');
    const utf8 = firstBadLine(bytes, 'utf-8');
    throw new IngestError('undecodable', file, `not valid UTF-8, UTF-16 or GB18030/GBK (as UTF-8 from line ${utf8}, as GB18030/GBK from line ${gbk}: a passage in another encoding?); save it as UTF-8, or mend that line, and load it again`);
  }
  if (!readsAsChinese(text)) {
    throw new IngestError('undecodable', file, 'not valid UTF-8; as GB18030/GBK it does not read as Chinese text either (another encoding, such as Big5 or Shift-JIS?)');
  }
  return { text, encoding: 'gb18030', hadBom: false };
}

/** The first line (1-based) whose bytes are not valid in `encoding`; line feeds never stand inside a character in UTF-8 or GB18030. */
function firstBadLine(bytes: Uint8Array, encoding: string): number {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}

/**
 * GB18030 decodes most byte soups without error, so a successful decode proves little. Text from
 * this field is mostly common CJK ideographs, CJK punctuation and ASCII; rare-block characters in
 * quantity mean the bytes were something else.
 */
function readsAsChinese(text: string): boolean {
  let common = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total++;
    const ideograph = (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3134f);
    const punctuation = (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2460 && c <= 0x24ff);
    const ascii = (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09;
    const emoji = (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x2600 && c <= 0x27bf);
    if (ideograph || punctuation || ascii || emoji) {
      common++;
    }
  }
  return total > 0 && common / total > 0.9;
}

function strictDecode(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError('undecodable', file, `starts like ${encoding} but contains bytes that are not valid ${encoding}`);
  }
}

function controlRatio(text: string): number {
  const n = Math.min(text.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  return n ? control / n : 0;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
