import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format.ts';

describe('formatDateTime', () => {
  // Noon UTC: the same calendar day in every time zone the test may run in.
  const at = '2025-03-07T12:00:00.000Z';
  it.each([
    ['zh-CN', /2025年3月7日/],
    ['en', /Mar 7, 2025/],
  ])('%s', (language, expected) => {
    expect(formatDateTime(at, language)).toMatch(expected);
  });

  it('follows the language, not the process locale', () => {
    expect(formatDateTime(at, 'zh-CN')).not.toBe(formatDateTime(at, 'en'));
  });

  it('gives back what it cannot read', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});
