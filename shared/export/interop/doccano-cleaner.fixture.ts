/**
 * What doccano's import does to a line's spans in a sequence-labeling project that does not
 * allow overlapping spans (the default): its SpanCleaner sorts them by start offset (Python's
 * sort is stable: ties keep file order) and keeps a span only when it starts at or after the end
 * of the last one kept; the others are dropped, and the import goes on.
 */
export function doccanoKeeps(labels: readonly [number, number, string][]): [number, number, string][] {
  const sorted = labels.map((l, i) => ({ l, i })).sort((a, b) => a.l[0] - b.l[0] || a.i - b.i);
  let last = -1;
  const kept: [number, number, string][] = [];
  for (const { l } of sorted) {
    if (l[0] >= last) {
      last = l[1];
      kept.push(l);
    }
  }
  return kept;
}
