import type { OffsetMapData } from '../model/document.ts';

/**
 * A string that remembers where each of its characters came from in the raw source text.
 *
 * Every normalisation step of the loader (stripping markup, dropping page furniture, joining
 * wrapped lines) works on MappedStrings, so the map from the normalised text back to the file is
 * never rebuilt by guesswork. Characters are either copied from the source (covered by a run of
 * (local start, raw start, length)) or synthesised by the loader (a joining "\n", a space, a
 * decoded entity); a synthesised character maps to the raw position right after the copied
 * character before it.
 */
export class MappedString {
  private constructor(
    readonly text: string,
    /** Flat triples: local start, raw start, length; ascending, non-overlapping. */
    readonly runs: readonly number[],
    /** Raw position for synthesised characters that have no copied character before them. */
    private readonly anchor: number,
  ) {}

  static fromRaw(raw: string, start = 0, end = raw.length): MappedString {
    const text = raw.slice(start, end);
    return new MappedString(text, text.length ? [0, start, text.length] : [], start);
  }

  /** Text the loader made up; it maps to `rawPos`. */
  static synthetic(text: string, rawPos: number): MappedString {
    return new MappedString(text, [], rawPos);
  }

  static empty(rawPos = 0): MappedString {
    return new MappedString('', [], rawPos);
  }

  static concat(parts: readonly MappedString[], rawPosIfEmpty = 0): MappedString {
    if (parts.length === 1) return parts[0]!;
    let text = '';
    const runs: number[] = [];
    for (const part of parts) {
      const offset = text.length;
      for (let i = 0; i < part.runs.length; i += 3) {
        const local = part.runs[i]! + offset;
        const raw = part.runs[i + 1]!;
        const len = part.runs[i + 2]!;
        const n = runs.length;
        // Merge with the previous run when both are contiguous, locally and in the source.
        const prevEnd = n ? runs[n - 3]! + runs[n - 1]! : -1;
        const prevRawEnd = n ? runs[n - 2]! + runs[n - 1]! : -1;
        if (prevEnd === local && prevRawEnd === raw) runs[n - 1] = runs[n - 1]! + len;
        else runs.push(local, raw, len);
      }
      text += part.text;
    }
    return new MappedString(text, runs, parts[0]?.anchor ?? rawPosIfEmpty);
  }

  static join(parts: readonly MappedString[], separator: string): MappedString {
    const pieces: MappedString[] = [];
    parts.forEach((p, i) => {
      if (i > 0) pieces.push(MappedString.synthetic(separator, parts[i - 1]!.rawEnd));
      pieces.push(p);
    });
    return MappedString.concat(pieces, parts[0]?.anchor ?? 0);
  }

  /**
   * The same positions with other characters of the same length: the loader reads a traditional
   * Chinese text through its simplified form, character for character, so every offset and every
   * map into the source stays as it is.
   */
  withText(text: string): MappedString {
    if (text.length !== this.text.length) throw new Error('MappedString.withText needs a text of the same length');
    return text === this.text ? this : new MappedString(text, this.runs, this.anchor);
  }

  get length(): number {
    return this.text.length;
  }

  /** Raw position of the first character (or of where this string would be if empty). */
  get rawStart(): number {
    return this.runs.length ? this.toRaw(0) : this.anchor;
  }

  /** Raw position just after the last copied character. */
  get rawEnd(): number {
    const n = this.runs.length;
    return n ? this.runs[n - 2]! + this.runs[n - 1]! : this.anchor;
  }

  /** The raw offset of the character at local offset `i`. */
  toRaw(i: number): number {
    const runs = this.runs;
    // Binary search for the last run starting at or before i.
    let lo = 0;
    let hi = runs.length / 3 - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid * 3]! <= i) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return runs.length ? runs[1]! : this.anchor;
    const local = runs[found * 3]!;
    const raw = runs[found * 3 + 1]!;
    const len = runs[found * 3 + 2]!;
    return i < local + len ? raw + (i - local) : raw + len;
  }

  /** The raw range covering local [start, end): from the first character to just after the last. */
  toRawRange(start: number, end: number): { start: number; end: number } {
    if (end <= start) {
      const p = this.toRaw(start);
      return { start: p, end: p };
    }
    return { start: this.toRaw(start), end: this.toRaw(end - 1) + 1 };
  }

  slice(start: number, end = this.text.length): MappedString {
    start = Math.max(0, Math.min(start, this.text.length));
    end = Math.max(start, Math.min(end, this.text.length));
    const runs: number[] = [];
    for (let i = 0; i < this.runs.length; i += 3) {
      const local = this.runs[i]!;
      const len = this.runs[i + 2]!;
      const a = Math.max(local, start);
      const b = Math.min(local + len, end);
      if (a < b) runs.push(a - start, this.runs[i + 1]! + (a - local), b - a);
    }
    return new MappedString(this.text.slice(start, end), runs, this.toRaw(start));
  }

  trim(): MappedString {
    const text = this.text;
    let a = 0;
    let b = text.length;
    while (a < b && isTrimmable(text.charCodeAt(a))) a++;
    while (b > a && isTrimmable(text.charCodeAt(b - 1))) b--;
    return a === 0 && b === text.length ? this : this.slice(a, b);
  }

  /** Replace every match of a global regex; the replacement is synthetic and maps to the match's start. */
  replace(pattern: RegExp, replacement: string | ((match: string) => string)): MappedString {
    if (!pattern.global) throw new Error('MappedString.replace needs a global regex');
    pattern.lastIndex = 0;
    const pieces: MappedString[] = [];
    let last = 0;
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      pieces.push(this.slice(last, m.index));
      const rep = typeof replacement === 'string' ? replacement : replacement(m[0]);
      if (rep) pieces.push(MappedString.synthetic(rep, this.toRaw(m.index)));
      last = m.index + m[0].length;
    }
    if (last === 0) return this;
    pieces.push(this.slice(last));
    return MappedString.concat(pieces, this.anchor);
  }

  /**
   * The text with every copied character taken from the source again (synthesised ones kept):
   * undoes `withText` for the characters that came from the source.
   */
  sourceText(raw: string): string {
    if (!this.runs.length) return this.text;
    let out = '';
    let at = 0;
    for (let i = 0; i < this.runs.length; i += 3) {
      const local = this.runs[i]!;
      const len = this.runs[i + 2]!;
      out += this.text.slice(at, local) + raw.slice(this.runs[i + 1]!, this.runs[i + 1]! + len);
      at = local + len;
    }
    return out + this.text.slice(at);
  }

  toData(): OffsetMapData {
    return { runs: [...this.runs] };
  }
}

function isTrimmable(c: number): boolean {
  // ASCII whitespace, NBSP, the ideographic space and the BOM/zero-width characters PDFs leave.
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b;
}

/** Look up a serialised map (a LoadedCase's `sourceMap`) without rebuilding a MappedString. */
export function mapToRaw(map: OffsetMapData, i: number): number {
  const runs = map.runs;
  let lo = 0;
  let hi = runs.length / 3 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid * 3]! <= i) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return runs.length ? runs[1]! : 0;
  const local = runs[found * 3]!;
  const len = runs[found * 3 + 2]!;
  return i < local + len ? runs[found * 3 + 1]! + (i - local) : runs[found * 3 + 1]! + len;
}
