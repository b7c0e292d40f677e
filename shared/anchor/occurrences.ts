/** Where a non-empty `needle` occurs in `text` (overlapping occurrences included), at most `limit` of them. */
export function occurrences(text: string, needle: string, limit = 1000): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
