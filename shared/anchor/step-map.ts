/**
 * Position mapping through a text change, in the spirit of ProseMirror's StepMap and Mapping.
 *
 * A change is a list of replaced ranges of the old text, each given by where it starts in the old
 * text, how long it was and how long its replacement is. Everything outside the ranges is kept, so
 * a position there moves by the sizes gained or lost before it. A position at the edge of or
 * inside a replaced range has no single answer: `assoc` says which side it sticks to (-1: the
 * text before it, 1: the text after it), and `deleted` says that the text around it is gone.
 */

export interface ChangedRange {
  /** UTF-16 offset in the old text. */
  oldStart: number;
  oldSize: number;
  newSize: number;
}

export interface MapResult {
  pos: number;
  /** True when the position lay strictly inside a replaced range: the text on both sides of it changed. */
  deleted: boolean;
}

/** Anything that maps positions of an old text to a new one. */
export interface Mappable {
  map(pos: number, assoc?: number): number;
  mapResult(pos: number, assoc?: number): MapResult;
  /** The map from the new text back to the old one. */
  invert(): Mappable;
}

export class StepMap implements Mappable {
  static readonly empty = new StepMap([]);

  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly newSizes: number[] = [];
  /** Size gained (or lost, when negative) by all ranges before range i. */
  private readonly shifts: number[] = [];
  private readonly totalShift: number;

  /**
   * Ranges must be in ascending order and must not overlap. Ranges that touch are merged: a
   * position between two replacements is inside one replaced stretch, not kept text.
   */
  constructor(ranges: readonly ChangedRange[]) {
    let shift = 0;
    for (const { oldStart, oldSize, newSize } of ranges) {
      if (![oldStart, oldSize, newSize].every((n) => Number.isInteger(n) && n >= 0)) {
        throw new RangeError(`StepMap: bad range ${oldStart}+${oldSize}→${newSize}`);
      }
      if (oldSize === 0 && newSize === 0) continue;
      const last = this.ends.length - 1;
      if (last >= 0 && oldStart < this.ends[last]!) throw new RangeError('StepMap: ranges overlap or are out of order');
      if (last >= 0 && oldStart === this.ends[last]) {
        this.ends[last] = oldStart + oldSize;
        this.newSizes[last]! += newSize;
      } else {
        this.starts.push(oldStart);
        this.ends.push(oldStart + oldSize);
        this.newSizes.push(newSize);
        this.shifts.push(shift);
      }
      shift += newSize - oldSize;
    }
    this.totalShift = shift;
  }

  /** The replaced ranges after merging, in order. */
  get ranges(): ChangedRange[] {
    return this.starts.map((oldStart, i) => ({ oldStart, oldSize: this.ends[i]! - oldStart, newSize: this.newSizes[i]! }));
  }

  map(pos: number, assoc = 1): number {
    return this.mapResult(pos, assoc).pos;
  }

  mapResult(pos: number, assoc = 1): MapResult {
    // The first range that ends at or after pos is the only one that can contain it.
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.ends.length) return { pos: pos + this.totalShift, deleted: false };
    const start = this.starts[lo]!;
    const shift = this.shifts[lo]!;
    if (start > pos) return { pos: pos + shift, deleted: false };
    const end = this.ends[lo]!;
    // At the edge of a replacement the position keeps to the kept text; only inside (or at an
    // insertion point) does assoc choose the side.
    const side = start === end ? assoc : pos === start ? -1 : pos === end ? 1 : assoc;
    return { pos: start + shift + (side < 0 ? 0 : this.newSizes[lo]!), deleted: pos > start && pos < end };
  }

  invert(): StepMap {
    return new StepMap(this.starts.map((start, i) => ({ oldStart: start + this.shifts[i]!, oldSize: this.newSizes[i]!, newSize: this.ends[i]! - start })));
  }

  /** Calls `fn` for each replaced range with its bounds in the old and in the new text. */
  forEach(fn: (oldStart: number, oldEnd: number, newStart: number, newEnd: number) => void): void {
    for (let i = 0; i < this.starts.length; i++) {
      const newStart = this.starts[i]! + this.shifts[i]!;
      fn(this.starts[i]!, this.ends[i]!, newStart, newStart + this.newSizes[i]!);
    }
  }
}

/** Several maps applied one after the other, e.g. through a chain of revisions. */
export class Mapping implements Mappable {
  readonly maps: StepMap[];

  constructor(maps: readonly StepMap[] = []) {
    this.maps = [...maps];
  }

  appendMap(map: StepMap): void {
    this.maps.push(map);
  }

  map(pos: number, assoc = 1): number {
    return this.mapResult(pos, assoc).pos;
  }

  invert(): Mapping {
    return new Mapping(this.maps.map((m) => m.invert()).toReversed());
  }

  mapResult(pos: number, assoc = 1): MapResult {
    let deleted = false;
    for (const m of this.maps) {
      const r = m.mapResult(pos, assoc);
      pos = r.pos;
      deleted ||= r.deleted;
    }
    return { pos, deleted };
  }
}
