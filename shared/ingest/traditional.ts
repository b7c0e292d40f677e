import * as OpenCC from 'opencc-js/t2cn';
import type { SourceLine } from './decode/source-line.ts';
import type { MappedString } from './mapped-string.ts';

/**
 * Traditional characters: the loader's vocabulary (工作背景, 经验启示, 典型案例 …) is written in
 * simplified characters, so a traditional text (工作背景 → 工作背景, 經驗啟示) is read through its
 * simplified form, character for character, and shown as it is. OpenCC converts; a line whose
 * conversion would change its length (a phrase converted as a whole) is converted character by
 * character instead, so offsets never move.
 */
let converter: ((text: string) => string) | null = null;
const toSimplified = (text: string): string => (converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(text);

/** Share of ideographs that a conversion to simplified changes, over a sample of the text. */
export function traditionalShare(text: string): number {
  let sample = '';
  for (let i = 0; i < text.length && sample.length < 1500; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) sample += text[i];
  }
  if (sample.length < 20) return 0;
  const converted = toSimplified(sample);
  if (converted.length !== sample.length) return 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] !== converted[i]) changed++;
  return changed / sample.length;
}

/**
 * Characters found only in traditional writing and common in any text of this field: a text
 * with none of them in its first pages is simplified, with no conversion to try.
 */
const TELLTALE = /[們個這說來時會學國經發見問題關於對進與實為應當點區縣醫療衛業務環機構動員現將計劃設體開]/;

/** True when a text is written in traditional characters (more than a stray one). */
export function isTraditional(text: string): boolean {
  if (!TELLTALE.test(text.slice(0, 8000))) return false;
  return traditionalShare(text) >= 0.04;
}

function convertSameLength(text: string): string {
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const one = toSimplified(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

const simplify = (m: MappedString): MappedString => m.withText(convertSameLength(m.text));

/** The lines as the loader reads them: simplified, with the same positions. */
export function simplifiedLines(lines: readonly SourceLine[]): SourceLine[] {
  return lines.map((l) => ({
    ...l,
    text: simplify(l.text),
    ...(l.cells ? { cells: l.cells.map(simplify) } : {}),
    ...(l.boldLead ? { boldLead: convertSameLength(l.boldLead) } : {}),
  }));
}

/**
 * Turn strings the loader derived from simplified text (titles, regions, headings) back into the
 * document's own characters: each simplified character becomes the traditional one it stood for
 * most often in this document. A simplified character that stands for several (发: 發/髮) takes
 * the commonest, which is right for the words of this field.
 */
export function restorer(raw: string, original: readonly SourceLine[], simplified: readonly SourceLine[]): (text: string) => string {
  const counts = new Map<string, Map<string, number>>();
  for (let k = 0; k < original.length; k++) {
    const a = original[k]!.text.text;
    const b = simplified[k]!.text.text;
    for (let i = 0; i < a.length; i++) {
      // Every ideograph counts, changed or not: a character the document also uses as it is
      // (后, 里) must not be turned into the traditional form it sometimes stands for.
      const c = b.charCodeAt(i);
      if (c < 0x3400 || c > 0x9fff) continue;
      const m = counts.get(b[i]!) ?? counts.set(b[i]!, new Map()).get(b[i]!)!;
      m.set(a[i]!, (m.get(a[i]!) ?? 0) + 1);
    }
  }
  const back = new Map<string, string>();
  for (const [s, m] of counts) {
    const best = [...m.entries()].sort((x, y) => y[1] - x[1])[0]![0];
    if (best !== s) back.set(s, best);
  }
  const byChar = (text: string) => {
    let out = '';
    for (let i = 0; i < text.length; i++) out += back.get(text[i]!) ?? text[i];
    return out;
  };
  // Where the derived string stands word for word in the simplified reading, the document's own
  // characters at that place are exact (回族 stays 回族 even where 回 mostly stood for 迴).
  const simplifiedRaw = simplifiedSource(raw, simplified);
  return (text) => {
    if (text.length >= 2) {
      const at = simplifiedRaw.indexOf(text);
      if (at >= 0) return raw.slice(at, at + text.length);
    }
    return byChar(text);
  };
}

/** The raw text with each character the lines copied from it replaced by its simplified form. */
function simplifiedSource(raw: string, simplified: readonly SourceLine[]): string {
  const chars = raw.split('');
  for (const line of simplified) {
    const { text, runs } = line.text;
    for (let i = 0; i < runs.length; i += 3) {
      const local = runs[i]!;
      const at = runs[i + 1]!;
      for (let k = 0; k < runs[i + 2]!; k++) chars[at + k] = text[local + k]!;
    }
  }
  return chars.join('');
}
