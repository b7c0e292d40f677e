/**
 * Three-way merge of two edits of one value: `mine` and `theirs` both started from `base`.
 * What only one side changed is taken from that side; what both changed alike is taken once;
 * what both changed differently is a conflict, reported by its path (the value keeps theirs:
 * the newer state on disk wins until a person decides). Lists of keyed items (labels by id,
 * criteria by id, parts by title, case ids) merge item by item: additions from both sides are
 * kept, in order, a removal on one side holds where the other side left the item as it was.
 */
export interface MergeResult<T> {
  value: T;
  /** Where both sides changed the same thing differently: a path of keys, e.g. ["labels", "indicator", "color"]. */
  conflicts: string[][];
}

/** How to merge one value whose two sides differ from the base and from each other. */
export type Merger<T> = (base: T | undefined, mine: T, theirs: T, path: string[]) => MergeResult<T>;

/** JSON text with object keys sorted: equal values, equal texts, whatever order their keys were set in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export const same = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);

/** Take the side that changed; when both did, the deeper merger decides (none: a conflict). */
export function mergeValue<T>(base: T | undefined, mine: T, theirs: T, path: string[] = [], deeper?: Merger<T>): MergeResult<T> {
  if (same(mine, theirs)) return { value: theirs, conflicts: [] };
  if (base !== undefined && same(base, mine)) return { value: theirs, conflicts: [] };
  if (base !== undefined && same(base, theirs)) return { value: mine, conflicts: [] };
  if (deeper) return deeper(base, mine, theirs, path);
  return { value: theirs, conflicts: [path] };
}

/** An object merged property by property; `nested` gives properties a merger of their own. */
export function mergeObject<T extends object>(nested: { [K in keyof T]?: Merger<T[K]> } = {}): Merger<T> {
  return (base, mine, theirs, path) => {
    const out: Record<string, unknown> = {};
    const conflicts: string[][] = [];
    const b = (base ?? {}) as Record<string, unknown>;
    const m = mine as Record<string, unknown>;
    const t = theirs as Record<string, unknown>;
    for (const key of new Set([...Object.keys(t), ...Object.keys(m)])) {
      const deeper = (nested as Record<string, Merger<unknown> | undefined>)[key];
      const inBase = base !== undefined && Object.hasOwn(b, key);
      const inMine = Object.hasOwn(m, key);
      const inTheirs = Object.hasOwn(t, key);
      if (!inMine || !inTheirs) {
        // Present on one side only: added there, or removed on the other.
        const present = inMine ? m[key] : t[key];
        const removedOther = inBase;
        if (!removedOther) out[key] = present;
        else if (!same(b[key], present)) {
          out[key] = inTheirs ? t[key] : present;
          conflicts.push([...path, key]);
        }
        continue;
      }
      const r = mergeValue(inBase ? b[key] : undefined, m[key], t[key], [...path, key], deeper);
      out[key] = r.value;
      conflicts.push(...r.conflicts);
    }
    return { value: out as T, conflicts };
  };
}

/**
 * A list of items with keys merged item by item, in theirs' order with my additions placed
 * after the item that precedes them on my side. An item changed on one side and removed on the
 * other is a conflict (kept).
 */
export function mergeKeyedList<T>(keyOf: (item: T) => string, item?: Merger<T>): Merger<T[]> {
  return (base, mine, theirs, path) => {
    const b = new Map((base ?? []).map((x) => [keyOf(x), x]));
    const m = new Map(mine.map((x) => [keyOf(x), x]));
    const t = new Map(theirs.map((x) => [keyOf(x), x]));
    const out: Array<[string, T]> = [];
    const conflicts: string[][] = [];
    for (const [k, theirsItem] of t) {
      const baseItem = b.get(k);
      const mineItem = m.get(k);
      if (mineItem === undefined) {
        if (baseItem === undefined) out.push([k, theirsItem]);
        else if (!same(baseItem, theirsItem)) {
          // Removed here, changed there: kept, for a person to look at.
          out.push([k, theirsItem]);
          conflicts.push([...path, k]);
        }
        continue;
      }
      const r = mergeValue(baseItem, mineItem, theirsItem, [...path, k], item);
      out.push([k, r.value]);
      conflicts.push(...r.conflicts);
    }
    const mineKeys = [...m.keys()];
    for (const [i, k] of mineKeys.entries()) {
      if (t.has(k)) continue;
      const baseItem = b.get(k);
      const mineItem = m.get(k)!;
      if (baseItem !== undefined) {
        // Removed there: gone, unless changed here.
        if (same(baseItem, mineItem)) continue;
        conflicts.push([...path, k]);
      }
      let at = 0;
      for (let j = i - 1; j >= 0; j--) {
        const found = out.findIndex(([key]) => key === mineKeys[j]);
        if (found >= 0) {
          at = found + 1;
          break;
        }
      }
      out.splice(at, 0, [k, mineItem]);
    }
    return { value: out.map(([, v]) => v), conflicts };
  };
}

/** A list of plain strings (case ids) merged as a keyed list of themselves. */
export const mergeStringList: Merger<string[]> = mergeKeyedList<string>((s) => s);

/** Merge with a merger, the sides being whole values. */
export function merge3<T>(base: T | undefined, mine: T, theirs: T, merger: Merger<T>): MergeResult<T> {
  return mergeValue(base, mine, theirs, [], merger);
}
