/**
 * Alt+digit (focus the case list, the reader) and Alt+Shift+digit (switch view), told apart by
 * the key's position (`code`), not the character it types: on AZERTY the digits are the shifted
 * characters of the number row, so Alt+Shift+1 types "1" — read by character, it was taken for
 * Alt+1 (and Alt+1 itself types "&"). Shift is checked first.
 */
export function altDigit(e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code' | 'key'>): { digit: number; shift: boolean } | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const byCode = /^(?:Digit|Numpad)([0-9])$/.exec(e.code);
  const digit = byCode ? Number(byCode[1]) : /^[0-9]$/.test(e.key) ? Number(e.key) : null;
  return digit === null ? null : { digit, shift: e.shiftKey };
}
