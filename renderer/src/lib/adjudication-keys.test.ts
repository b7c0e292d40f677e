import { describe, expect, it } from 'vitest';
import { adjudicationKey } from './adjudication-keys.ts';

describe('adjudicationKey (two reviewers)', () => {
  it.each([
    ['1', false, { action: 'adopt', reviewer: 0 }],
    ['2', false, { action: 'adopt', reviewer: 1 }],
    ['3', false, null],
    ['0', false, { action: 'none' }],
    ['2', true, { action: 'adopt', reviewer: 0 }],
    ['0', true, null],
    ['ArrowDown', false, { action: 'move', step: 1 }],
    ['j', true, { action: 'move', step: 1 }],
    ['ArrowUp', false, { action: 'move', step: -1 }],
    ['k', false, { action: 'move', step: -1 }],
    ['Enter', false, null],
  ] as const)('%s on %s agreement', (key, agreement, expected) => {
    expect(adjudicationKey(key, 2, agreement)).toEqual(expected);
  });
});
