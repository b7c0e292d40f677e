import { describe, expect, it } from 'vitest';
import { formatByteSize } from './byte-size.ts';

describe('formatByteSize', () => {
  it.each([
    [0, '0 bytes'],
    [1000, '1000 bytes'],
    [1024, '1 KiB'],
    [12 * 1024 + 100, '12.1 KiB'],
    [64 * 1024 * 1024, '64 MiB'],
    [50_000_000, '47.7 MiB'],
    [1.4 * 1024 * 1024, '1.4 MiB'],
    [3 * 1024 ** 3, '3 GiB'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text);
  });
});
