export const PROBE_LENGTH = 10;

/**
 * Up to `max` keys of PROBE_LENGTH spread evenly over `key` (the key of text `index` in `all`),
 * each found in no other text of `all`, so a probe found in a loaded case says which expected
 * case that text came from.
 */
export function probesFor(key: string, all: readonly string[], index: number, max = 16): string[] {
  if (key.length < PROBE_LENGTH) return key.length >= 4 && unique(key, all, index) ? [key] : [];
  const n = Math.max(1, Math.min(max, Math.floor(key.length / 24)));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const centre = Math.floor(((i + 0.5) * key.length) / n);
    for (let shift = 0; shift < 60; shift += 7) {
      const at = Math.min(key.length - PROBE_LENGTH, Math.max(0, centre - PROBE_LENGTH / 2 + shift));
      const probe = key.slice(at, at + PROBE_LENGTH);
      if (unique(probe, all, index) && !out.includes(probe)) {
        out.push(probe);
        break;
      }
    }
  }
  return out;
}

function unique(probe: string, all: readonly string[], index: number): boolean {
  return all.every((other, j) => j === index || !other.includes(probe));
}
