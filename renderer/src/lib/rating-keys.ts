/**
 * Keys of a rating (a radio group of min…max): a digit picks that rating, ←/↓ and →/↑ step down
 * and up (from nothing, → and ↑ start at min), Home and End go to the ends, Delete, Backspace
 * and 0 (where 0 is no rating) clear it. Returns the new rating, null to clear, or undefined when
 * the key is not the rating's.
 */
export function ratingForKey(key: string, value: number | null, min: number, max: number): number | null | undefined {
  if (/^[0-9]$/.test(key)) {
    const digit = Number(key);
    if (digit >= min && digit <= max) return digit;
    return digit === 0 ? null : undefined;
  }
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return value === null ? min : Math.min(max, value + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return value === null ? min : Math.max(min, value - 1);
    case 'Home':
      return min;
    case 'End':
      return max;
    case 'Delete':
    case 'Backspace':
      return null;
    default:
      return undefined;
  }
}
