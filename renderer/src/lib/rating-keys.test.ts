import { describe, expect, it } from 'vitest';
import { ratingForKey } from './rating-keys.ts';

describe('ratingForKey (a 1–5 rating)', () => {
  it.each<[string, number | null, number | null | undefined]>([
    ['4', null, 4],
    ['1', 3, 1],
    ['0', 3, null],
    ['6', 3, undefined],
    ['ArrowRight', 3, 4],
    ['ArrowUp', 5, 5],
    ['ArrowLeft', 3, 2],
    ['ArrowDown', 1, 1],
    ['ArrowRight', null, 1],
    ['Home', 4, 1],
    ['End', 2, 5],
    ['Delete', 4, null],
    ['Backspace', 4, null],
    ['a', 4, undefined],
    ['Tab', 4, undefined],
  ])('%s from %s gives %s', (key, value, expected) => {
    expect(ratingForKey(key, value, 1, 5)).toBe(expected);
  });

  it('takes 0 as a rating where the scale starts at 0', () => {
    expect(ratingForKey('0', 3, 0, 4)).toBe(0);
  });
});
