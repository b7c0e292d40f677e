import { diffTexts } from '../anchor/text-diff.ts';
import type { OffsetMapData } from '../model/document.ts';

/**
 * The offset map of a revised case text back to the source: the loader's map of the text as
 * loaded, carried through the edit. Text kept from the loaded version keeps its place in the
 * source; text an editor typed has none (it is left out of the runs, as the loader leaves out
 * what it made up), so nothing typed later is ever anchored in the file.
 */
export function revisedSourceMap(loadedText: string, loadedMap: OffsetMapData, currentText: string): OffsetMapData {
  if (loadedText === currentText) return { runs: [...loadedMap.runs] };
  const map = diffTexts(loadedText, currentText).map;
  // Kept stretches: between the replaced ranges, old [a, b) stands at new [a + shift, b + shift).
  const kept: Array<{ old: number; now: number; len: number }> = [];
  let old = 0;
  let now = 0;
  map.forEach((oldStart, oldEnd, newStart, newEnd) => {
    if (oldStart > old) kept.push({ old, now, len: oldStart - old });
    old = oldEnd;
    now = newEnd;
    void newStart;
  });
  if (old < loadedText.length) kept.push({ old, now, len: loadedText.length - old });
  const runs: number[] = [];
  const src = loadedMap.runs;
  for (const k of kept) {
    for (let i = 0; i + 2 < src.length; i += 3) {
      const a = Math.max(src[i]!, k.old);
      const b = Math.min(src[i]! + src[i + 2]!, k.old + k.len);
      if (a >= b) continue;
      const local = k.now + (a - k.old);
      const raw = src[i + 1]! + (a - src[i]!);
      const n = runs.length;
      if (n && (runs[n - 3]! + runs[n - 1]!) === local && (runs[n - 2]! + runs[n - 1]!) === raw) runs[n - 1] = runs[n - 1]! + (b - a);
      else runs.push(local, raw, b - a);
    }
  }
  return { runs };
}
