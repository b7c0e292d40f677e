import { describe, expect, it } from 'vitest';
import { altDigit } from './alt-digit.ts';

const press = (code: string, key: string, mods: { shift?: boolean; alt?: boolean; ctrl?: boolean } = {}) => ({ code, key, altKey: mods.alt ?? true, shiftKey: mods.shift ?? false, ctrlKey: mods.ctrl ?? false, metaKey: false });

describe('altDigit', () => {
  it.each([
    ['Alt+1 on QWERTY', press('Digit1', '1'), { digit: 1, shift: false }],
    ['Alt+Shift+1 on QWERTY (types "!")', press('Digit1', '!', { shift: true }), { digit: 1, shift: true }],
    ['Alt+1 on AZERTY (types "&")', press('Digit1', '&'), { digit: 1, shift: false }],
    ['Alt+Shift+1 on AZERTY (types "1"): a view key, not Alt+1', press('Digit1', '1', { shift: true }), { digit: 1, shift: true }],
    ['Alt+Shift+4 on AZERTY (types "4")', press('Digit4', '4', { shift: true }), { digit: 4, shift: true }],
    ['Alt+1 on a Mac (types "¡")', press('Digit1', '¡'), { digit: 1, shift: false }],
    ['the numeric keypad', press('Numpad2', '2'), { digit: 2, shift: false }],
  ])('reads %s', (_name, e, expected) => {
    expect(altDigit(e)).toEqual(expected);
  });

  it.each([
    ['no Alt', press('Digit1', '1', { alt: false })],
    ['Ctrl+Alt (AltGr on Windows)', press('Digit1', '1', { ctrl: true })],
    ['Alt+letter', press('KeyA', 'a')],
  ])('ignores %s', (_name, e) => {
    expect(altDigit(e)).toBeNull();
  });
});
