import { describe, expect, it } from 'vitest';
import { paletteKey, selectKeyIntent } from './key-intents.ts';

describe('selectKeyIntent', () => {
  it.each([
    [{ key: 'ArrowDown' }, 'browse'],
    [{ key: 'ArrowUp' }, 'browse'],
    [{ key: 'Home' }, 'browse'],
    [{ key: 'PageDown' }, 'browse'],
    [{ key: 'i' }, 'browse'], // type-ahead
    [{ key: '经' }, 'browse'],
    [{ key: 'Enter' }, 'commit'],
    [{ key: 'Escape' }, 'revert'],
    [{ key: 'ArrowDown', altKey: true }, 'none'], // opens the list: its pick commits
    [{ key: ' ' }, 'none'],
    [{ key: 'Tab' }, 'none'], // leaving commits through blur
    [{ key: 'z', ctrlKey: true }, 'none'],
    [{ key: 'Shift' }, 'none'],
  ] as const)('%o → %s', (key, intent) => {
    expect(selectKeyIntent(key)).toBe(intent);
  });
});

describe('paletteKey', () => {
  const hotkeys = ['1', '2', '3', '4', '5', '6'];
  it.each([
    [{ key: 'ArrowDown' }, 0, { focus: 1 }],
    [{ key: 'ArrowDown' }, 5, { focus: 0 }],
    [{ key: 'ArrowRight' }, 2, { focus: 3 }],
    [{ key: 'ArrowUp' }, 0, { focus: 5 }],
    [{ key: 'ArrowLeft' }, 3, { focus: 2 }],
    [{ key: 'ArrowDown' }, -1, { focus: 0 }],
    [{ key: 'ArrowUp' }, -1, { focus: 5 }],
    [{ key: 'Home' }, 4, { focus: 0 }],
    [{ key: 'End' }, 1, { focus: 5 }],
    [{ key: '2' }, 0, { pick: 1 }],
    [{ key: '6' }, 0, { pick: 5 }],
    [{ key: '7' }, 0, null],
    [{ key: 'Enter' }, 0, null], // the focused button's own Enter picks it
    [{ key: '2', altKey: true }, 0, null],
  ] as const)('%o at %i → %o', (key, current, expected) => {
    expect(paletteKey(key, current, hotkeys)).toEqual(expected);
  });

  it('does nothing without labels', () => {
    expect(paletteKey({ key: 'ArrowDown' }, 0, [])).toBeNull();
  });
});
