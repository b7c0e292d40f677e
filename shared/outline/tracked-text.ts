import type { OffsetMapData } from '../model/document.ts';

/**
 * A stretch of text copied from somewhere: `len` characters starting at local offset `at`, which
 * came from raw offset `raw` of the document's source (null: made up by the loader, such as a
 * joining "\n") and from offset `origin` of the texts the corrections started from (null: made
 * up by a correction, such as the "\n" that joins two merged cases).
 */
interface Segment {
  at: number;
  len: number;
  raw: number | null;
  origin: number | null;
}

/**
 * Text that remembers, character by character, two things: where it stands in the raw source
 * (to write the case's offset map back) and where it stood before the corrections (to carry
 * annotations over). Slicing and joining keep both, so a split followed by a merge gives back the
 * very same text and maps, and no position is ever guessed.
 */
export class TrackedText {
  private constructor(
    readonly text: string,
    private readonly segments: readonly Segment[],
  ) {}

  /**
   * A case text as the loader gave it: `runs` are its offset map (local, raw, length), and
   * every character's origin is `originBase` plus its offset (none, when null: text that was
   * not among the texts the corrections started from, such as a stored title paragraph).
   */
  static fromCase(text: string, map: OffsetMapData, originBase: number | null): TrackedText {
    const origin = (at: number) => (originBase === null ? null : originBase + at);
    const segments: Segment[] = [];
    let at = 0;
    const runs = map.runs;
    for (let i = 0; i + 2 < runs.length; i += 3) {
      const local = Math.max(runs[i]!, at);
      const len = Math.min(runs[i + 2]! - (local - runs[i]!), text.length - local);
      if (len <= 0) continue;
      if (local > at) segments.push({ at, len: local - at, raw: null, origin: origin(at) });
      segments.push({ at: local, len, raw: runs[i + 1]! + (local - runs[i]!), origin: origin(local) });
      at = local + len;
    }
    if (at < text.length) segments.push({ at, len: text.length - at, raw: null, origin: origin(at) });
    return new TrackedText(text, segments);
  }

  /** Text with no past: the joints a correction makes. `raw` is where it stands in the source, if anywhere. */
  static made(text: string): TrackedText {
    return new TrackedText(text, text ? [{ at: 0, len: text.length, raw: null, origin: null }] : []);
  }

  /** A verbatim copy of raw source text (a title line put back into a case body). */
  static fromRaw(rawText: string, start: number, end: number): TrackedText {
    const text = rawText.slice(start, end);
    return new TrackedText(text, text ? [{ at: 0, len: text.length, raw: start, origin: null }] : []);
  }

  static empty = new TrackedText('', []);

  get length(): number {
    return this.text.length;
  }

  slice(start: number, end = this.text.length): TrackedText {
    start = Math.max(0, Math.min(start, this.text.length));
    end = Math.max(start, Math.min(end, this.text.length));
    const segments: Segment[] = [];
    for (const s of this.segments) {
      const a = Math.max(s.at, start);
      const b = Math.min(s.at + s.len, end);
      if (a >= b) continue;
      const d = a - s.at;
      segments.push({ at: a - start, len: b - a, raw: s.raw === null ? null : s.raw + d, origin: s.origin === null ? null : s.origin + d });
    }
    return new TrackedText(this.text.slice(start, end), segments);
  }

  static concat(parts: readonly TrackedText[]): TrackedText {
    let text = '';
    const segments: Segment[] = [];
    for (const p of parts) {
      const shift = text.length;
      for (const s of p.segments) {
        const last = segments[segments.length - 1];
        const at = s.at + shift;
        // Contiguous in all three coordinates: one segment (keeps the maps small and canonical).
        if (last && last.at + last.len === at && continues(last.raw, last.len, s.raw) && continues(last.origin, last.len, s.origin)) last.len += s.len;
        else segments.push({ ...s, at });
      }
      text += p.text;
    }
    return new TrackedText(text, segments);
  }

  static join(parts: readonly TrackedText[], separator: string): TrackedText {
    const pieces: TrackedText[] = [];
    parts.forEach((p, i) => {
      if (i > 0) pieces.push(TrackedText.made(separator));
      pieces.push(p);
    });
    return TrackedText.concat(pieces);
  }

  /**
   * Parts joined by "\n", as a merge joins cases. Where two parts were one text before (the
   * left one ends one character before the right one starts, in origin), the "\n" between them
   * takes that character's origin back: a split undone by a merge is the very same text again,
   * and a span across it is whole again.
   */
  static rejoin(parts: readonly TrackedText[]): TrackedText {
    const pieces: TrackedText[] = [];
    parts.forEach((p, i) => {
      if (i > 0) {
        const left = parts[i - 1]!.segments.at(-1);
        const right = p.segments[0];
        const leftEnd = left && left.origin !== null ? left.origin + left.len : null;
        const between = leftEnd !== null && right?.origin === leftEnd + 1;
        pieces.push(between ? new TrackedText('\n', [{ at: 0, len: 1, raw: null, origin: leftEnd }]) : TrackedText.made('\n'));
      }
      pieces.push(p);
    });
    return TrackedText.concat(pieces);
  }

  /** The offset map of this text into the raw source, in the loader's run format. */
  sourceMap(): OffsetMapData {
    const runs: number[] = [];
    for (const s of this.segments) {
      if (s.raw === null) continue;
      const n = runs.length;
      if (n && (runs[n - 3]! + runs[n - 1]!) === s.at && (runs[n - 2]! + runs[n - 1]!) === s.raw) runs[n - 1] = runs[n - 1]! + s.len;
      else runs.push(s.at, s.raw, s.len);
    }
    return { runs };
  }

  /** Raw offset of local offset `i`, or null when the character there was made up. */
  rawAt(i: number): number | null {
    const s = this.segmentAt(i);
    return s && s.raw !== null ? s.raw + (i - s.at) : null;
  }

  /** The raw range the text covers, from its first to its last copied character; null when none is copied. */
  rawRange(): { start: number; end: number } | null {
    let start = Infinity;
    let end = -Infinity;
    for (const s of this.segments) {
      if (s.raw === null) continue;
      start = Math.min(start, s.raw);
      end = Math.max(end, s.raw + s.len);
    }
    return Number.isFinite(start) ? { start, end } : null;
  }

  /** Local offset of the character copied from raw offset `raw`, or null when no character here came from there. */
  localOfRaw(raw: number): number | null {
    for (const s of this.segments) if (s.raw !== null && raw >= s.raw && raw < s.raw + s.len) return s.at + (raw - s.raw);
    return null;
  }

  /** Stretches that came from the texts before the corrections: (local start, origin start, length). */
  originRuns(): Array<{ at: number; origin: number; len: number }> {
    return this.segments.filter((s) => s.origin !== null).map((s) => ({ at: s.at, origin: s.origin!, len: s.len }));
  }

  private segmentAt(i: number): Segment | null {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid]!;
      if (i < s.at) hi = mid - 1;
      else if (i >= s.at + s.len) lo = mid + 1;
      else return s;
    }
    return null;
  }
}

function continues(prev: number | null, len: number, next: number | null): boolean {
  return prev === null ? next === null : next !== null && prev + len === next;
}
