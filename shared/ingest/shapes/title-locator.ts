import type { Paragraph } from '../paragraphs.ts';

/** A position inside a list of paragraphs. */
export interface Pos {
  para: number;
  offset: number;
}

export interface TitleHit {
  start: Pos;
  end: Pos;
}

/**
 * Titles are compared by their letters, digits and ideographs only: a title wrapped over two
 * lines, spaced differently ("高位推进 部门联动"), or quoted differently in the table of contents
 * than in the body is still the same title.
 */
export function titleKey(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const k = keyCode(text.charCodeAt(i));
    if (k) out += String.fromCharCode(k);
  }
  return out;
}

/**
 * The key of one UTF-16 unit, as a code (0 = dropped): ASCII letters lower-cased, full-width
 * letters and digits folded to ASCII, ideographs (both halves of an astral one) kept. A hot path:
 * the locator keys every character of a document, so no regex or normalize() here.
 */
function keyCode(c: number): number {
  return (KEYS ??= keyTable())[c]!;
}

let KEYS: Uint16Array | null = null;
/** keyCode for every UTF-16 unit, worked out once: the locator keys every character of a document. */
function keyTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = computeKey(c);
  return table;
}

function computeKey(c: number): number {
  if (c < 0x80) {
    if (c >= 0x30 && c <= 0x39) return c;
    if (c >= 0x61 && c <= 0x7a) return c;
    if (c >= 0x41 && c <= 0x5a) return c + 32;
    return 0;
  }
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdfff) || c === 0x3007) return c;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xfee0;
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xfee0 + 32;
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xfee0;
  if (c >= 0xc0 && c < 0x2000 && /\p{L}|\p{N}/u.test(String.fromCharCode(c))) return String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return 0;
}

function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1b || c === 0x3b;
}


/** A paragraph's key characters, where each came from, and where a title may start. */
interface ParagraphKeys {
  keys: string;
  /** Offset in the paragraph's text of each key character. */
  offsets: Int32Array;
  /** 1 where a title may start: the paragraph's first key character, or the first after a sentence end. */
  allowed: Uint8Array;
}

// Keyed by the paragraph's text: the shapes tried on one document (compendium, notice) and the
// documents a file is split into look for titles in the same paragraphs (or copies of them).
const keyCache = new WeakMap<object, ParagraphKeys>();

function keysOf(p: Paragraph): ParagraphKeys {
  const hit = keyCache.get(p.text);
  if (hit) return hit;
  const text = p.text.text;
  const codes = new Uint16Array(text.length);
  const offsets = new Int32Array(text.length);
  const allowed = new Uint8Array(text.length);
  const table = (KEYS ??= keyTable());
  let n = 0;
  let startable = true;
  for (let o = 0; o < text.length; o++) {
    const c = text.charCodeAt(o);
    const key = table[c]!;
    if (key) {
      codes[n] = key;
      offsets[n] = o;
      allowed[n] = startable ? 1 : 0;
      n++;
      startable = false;
    } else if (isSentenceEnd(c)) startable = true;
  }
  // apply, not a spread: spreading a typed array walks it as an iterator, several times slower.
  let keys = '';
  for (let i = 0; i < n; i += 8192) keys += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  // Views, not copies: most of a Chinese paragraph's characters are key characters.
  const out = { keys, offsets: offsets.subarray(0, n), allowed: allowed.subarray(0, n) };
  keyCache.set(p.text, out);
  return out;
}

/**
 * Find each title, in order, in the paragraphs from `from` on. A title must start a paragraph or
 * follow a sentence end (a page break in extraction can glue a title onto the paragraph before
 * it); it may end inside a paragraph (glued onto the text after it). Titles not found exactly are
 * looked for by their first part, and reported null when still missing.
 */
export function locateTitles(paras: readonly Paragraph[], titles: readonly string[], from = 0): Array<TitleHit | null> {
  // One stream of key characters over the paragraphs; `starts[k]` is where paragraph from+k begins in it.
  const parts: ParagraphKeys[] = [];
  const starts: number[] = [];
  let total = 0;
  for (let p = from; p < paras.length; p++) {
    const k = keysOf(paras[p]!);
    parts.push(k);
    starts.push(total);
    total += k.keys.length;
  }
  const allowed = new Uint8Array(total);
  let stream = '';
  parts.forEach((k, i) => {
    allowed.set(k.allowed, starts[i]!);
    stream += k.keys;
  });
  /** The paragraph (index into `parts`) holding key character i. */
  const partOf = (i: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const where = (i: number): Pos => {
    const k = partOf(i);
    return { para: from + k, offset: parts[k]!.offsets[i - starts[k]!]! };
  };

  const hits: Array<TitleHit | null> = [];
  let cursor = 0;
  for (const title of titles) {
    const key = titleKey(title);
    let hit = key ? findAllowed(stream, key, cursor, allowed) : -1;
    let length = key.length;
    if (hit < 0 && key.length >= 8) {
      const prefix = key.slice(0, Math.max(6, Math.floor(key.length * 0.6)));
      hit = findAllowed(stream, prefix, cursor, allowed);
      length = prefix.length;
      // Extend over the rest of the paragraph the prefix ends in: the title's wording differs there.
      if (hit >= 0) {
        const endPart = partOf(hit + length - 1);
        length = starts[endPart]! + parts[endPart]!.keys.length - hit;
      }
    }
    if (hit < 0) {
      hits.push(null);
      continue;
    }
    const last = where(hit + length - 1);
    const text = paras[last.para]!.text.text;
    let endOffset = last.offset + 1;
    while (endOffset < text.length && /[”’」』)）》\s]/.test(text[endOffset]!)) endOffset++;
    hits.push({ start: where(hit), end: { para: last.para, offset: endOffset } });
    cursor = hit + length;
  }
  return hits;
}

function findAllowed(stream: string, key: string, from: number, allowed: Uint8Array): number {
  for (let i = stream.indexOf(key, from); i >= 0; i = stream.indexOf(key, i + 1)) if (allowed[i]) return i;
  return -1;
}

/** The paragraphs covering [start, end), the first and last cut where a title was glued on. */
export function sliceParagraphs(paras: readonly Paragraph[], start: Pos, end: Pos): Paragraph[] {
  const out: Paragraph[] = [];
  for (let p = start.para; p <= Math.min(end.para, paras.length - 1); p++) {
    const para = paras[p]!;
    const a = p === start.para ? start.offset : 0;
    const b = p === end.para ? end.offset : para.text.length;
    if (b <= a) continue;
    const text = a === 0 && b === para.text.length ? para.text : para.text.slice(a, b).trim();
    if (!text.length) continue;
    const { mdHeading: _md, boldLead: _bold, ...rest } = para;
    out.push(a === 0 ? { ...para, text } : { ...rest, text });
  }
  return out;
}

/** Position after the last paragraph. */
export const endOf = (paras: readonly Paragraph[]): Pos => ({ para: paras.length, offset: 0 });
