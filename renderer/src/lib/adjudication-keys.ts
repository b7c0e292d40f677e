/** What a key does on a difference in the comparison. */
export type AdjudicationKey = { action: 'adopt'; reviewer: number } | { action: 'none' } | { action: 'move'; step: 1 | -1 };

/**
 * Keys of the list of differences, for the difference the focus is in: 1…9 adopt the version of
 * the reviewer in that column (on an agreement, any of them accepts it), 0 adopts neither, ↓/j
 * and ↑/k go to the next and previous difference. Returns null for other keys.
 */
export function adjudicationKey(key: string, reviewers: number, agreement: boolean): AdjudicationKey | null {
  if (key === 'ArrowDown' || key === 'j') return { action: 'move', step: 1 };
  if (key === 'ArrowUp' || key === 'k') return { action: 'move', step: -1 };
  if (key === '0') return agreement ? null : { action: 'none' };
  if (/^[1-9]$/.test(key)) {
    const n = Number(key);
    if (n > reviewers) return null;
    return { action: 'adopt', reviewer: agreement ? 0 : n - 1 };
  }
  return null;
}
