import type { Mappable } from './step-map.ts';

/**
 * For each UTF-16 unit of the new text, the offset it had in the old text if the diff kept it
 * unchanged, or -1 where it was typed or replaced. Kept text that lay outside an annotation's
 * span was another passage's text before the edit, so it cannot be that annotation's text after
 * it: this is what keeps an annotation off an intact copy of its quote, or off a parallel
 * sentence ("城市居民…" / "农村居民…"), when its own text was edited away.
 */
export function keptOrigins(map: Mappable, oldText: string, newText: string): Int32Array {
  const back = map.invert();
  const origins = new Int32Array(newText.length).fill(-1);
  for (let x = 0; x < newText.length; x++) {
    const from = back.mapResult(x, 1);
    const to = back.mapResult(x + 1, -1);
    const kept = !from.deleted && !to.deleted && to.pos - from.pos === 1;
    if (kept && oldText.charCodeAt(from.pos) === newText.charCodeAt(x)) origins[x] = from.pos;
  }
  return origins;
}
