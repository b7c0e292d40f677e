/**
 * A size for a message people read: "64 MiB", "1.4 MiB", "47.7 MiB", "12 KiB" — never
 * "47.6837158203125 MiB". Whole numbers of a unit are printed without decimals.
 */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, 'MiB'] : [bytes / 1024 ** 3, 'GiB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
