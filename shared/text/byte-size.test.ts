import { describe, expect, it } from 'vitest';
import { formatByteSize, sizeOverLimit } from './byte-size.ts';

describe('formatByteSize', () => {
  it.each<[number, 1000 | 1024, string]>([
    [0, 1024, '0 bytes'],
    [1000, 1024, '1000 bytes'],
    [1024, 1024, '1 KiB'],
    [12 * 1024 + 100, 1024, '12.1 KiB'],
    [64 * 1024 * 1024, 1024, '64 MiB'],
    [50_000_000, 1024, '47.7 MiB'],
    [1.4 * 1024 * 1024, 1024, '1.4 MiB'],
    [3 * 1024 ** 3, 1024, '3 GiB'],
    [50_000_000, 1000, '50 MB'],
    [1500, 1000, '1.5 kB'],
  ])('%d bytes (base %d) read as %s', (bytes, base, text) => {
    expect(formatByteSize(bytes, base)).toBe(text);
  });
});

describe('sizeOverLimit', () => {
  it.each([
    [50_000_001, 50_000_000, 'file is 50.0 MB, larger than the 50 MB'],
    [73_400_320, 50_000_000, 'file is 73.4 MB, larger than the 50 MB'],
    [64 * 1048576 + 1, 64 * 1048576, 'file is 64.0 MiB, larger than the 64 MiB'],
    [2000, 1024, 'file is 2.0 KiB, larger than the 1 KiB'],
  ])('%d over %d', (size, limit, text) => {
    expect(sizeOverLimit(size, limit)).toBe(text);
  });
});
