/**
 * A size for a message people read: "64 MiB", "1.4 MiB", "12 KiB" — never
 * "47.6837158203125 MiB". Whole numbers of a unit are printed without decimals. `base` 1000
 * gives decimal units (kB, MB, GB), for limits set in them.
 */
export function formatByteSize(bytes: number, base: 1000 | 1024 = 1024): string {
  if (bytes < base) return `${bytes} bytes`;
  const units = base === 1024 ? ['KiB', 'MiB', 'GiB'] : ['kB', 'MB', 'GB'];
  let value = bytes / base;
  let unit = 0;
  while (value >= base && unit < units.length - 1) {
    value /= base;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * "file is 50.0 MB, larger than the 50 MB": a size beside the limit it passes, in the limit's
 * own units (decimal for a limit set in MB, such as 50,000,000 bytes), the size with one decimal.
 */
export function sizeOverLimit(size: number, limit: number): string {
  const base = limit % 1_000_000 === 0 && limit % 1_048_576 !== 0 ? 1000 : 1024;
  const [unit, name] = base === 1000 ? [1_000_000, 'MB'] : [1_048_576, 'MiB'];
  const sized = size >= unit ? `${(size / unit).toFixed(1)} ${name}` : formatByteSize(size, base);
  return `file is ${sized}, larger than the ${formatByteSize(limit, base)}`;
}
