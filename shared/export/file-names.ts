import { strToU8 } from 'fflate';

/**
 * Reviewer names and case ids become file and directory names in multi-file exports
 * (brat/alice/hc2024-01.ann, doccano/alice.jsonl). Letters and digits of every script stay as they
 * are so names remain readable (张三.jsonl); anything else a file system might reject or reinterpret
 * ("/", ":", spaces, a leading dot) is percent-encoded as UTF-8. The encoding is one-to-one, so
 * the original name is read back exactly.
 */
const KEEP = /^[\p{L}\p{N}_.-]$/u;
/** Stands for the empty string, which no file system accepts as a name; a literal "~" is encoded. */
const EMPTY = '~';

export function toFileName(name: string): string {
  if (name === '') return EMPTY;
  let out = '';
  let first = true;
  for (const ch of name) {
    out += KEEP.test(ch) && !(first && ch === '.') ? ch : percentEncode(ch);
    first = false;
  }
  return out;
}

/**
 * File names for names that must stay apart on a case-insensitive file system (macOS, Windows,
 * and so any synced or unzipped export): reviewers Bob and bob would be one file there, and one
 * reviewer's work would overwrite the other's. Each name keeps `toFileName` unless another (one
 * without capitals, else an earlier one in the order given) took that name up to letter case; then
 * its capital letters are percent-encoded too ("%42ob"), which no other name can fold to, and which
 * reads back exactly.
 */
export function distinctFileNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const claim = (name: string, file: string) => {
    taken.add(foldFileName(file));
    out.set(name, file);
  };
  // Names without capitals first: their file name is already one no other name folds to, so
  // bob stays bob whatever else there is, and Bob is the one encoded.
  for (const name of names) if (!out.has(name) && toFileName(name) === toCaseSafeFileName(name)) claim(name, toFileName(name));
  for (const name of names) {
    if (out.has(name)) continue;
    const file = toFileName(name);
    claim(name, taken.has(foldFileName(file)) ? toCaseSafeFileName(name) : file);
  }
  return out;
}

const foldFileName = (file: string) => file.normalize('NFC').toLowerCase();

/** `toFileName`, with every letter that has a lower case written percent-encoded as well. */
function toCaseSafeFileName(name: string): string {
  if (name === '') return EMPTY;
  let out = '';
  let first = true;
  for (const ch of name) {
    out += KEEP.test(ch) && !(first && ch === '.') && ch === ch.toLowerCase() ? ch : percentEncode(ch);
    first = false;
  }
  return out;
}

/** The name a file name stands for, or null when it is not one `toFileName` writes. */
export function fromFileName(fileName: string): string | null {
  if (fileName === EMPTY) return '';
  try {
    return decodeURIComponent(fileName);
  } catch {
    return null;
  }
}

function percentEncode(ch: string): string {
  let out = '';
  for (const byte of strToU8(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** "a/b/c.ann" → { dir: "a/b", stem: "c", ext: "ann" } */
export function splitPath(path: string): { dir: string; stem: string; ext: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? { dir, stem: base, ext: '' } : { dir, stem: base.slice(0, dot), ext: base.slice(dot + 1) };
}
