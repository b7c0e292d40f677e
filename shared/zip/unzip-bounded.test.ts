import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipBounded, ZipTooLargeError, type ZipLimits } from './unzip-bounded.ts';

const small: ZipLimits = { maxBytes: 1000, maxRatio: 10, ratioGraceBytes: 100 };
const text = (n: number) => strToU8('甲乙丙丁戊己庚辛'.repeat(Math.ceil(n / 24)).slice(0, Math.ceil(n / 3)));
const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24);
const all = () => true;

describe('unzipBounded', () => {
  it.each<[string, Record<string, Uint8Array>, (name: string) => boolean, RegExp | null]>([
    ['entries within the limits are read', { 'a.xml': random(400), 'b.xml': random(400) }, all, null],
    ['the total of the entries read counts', { 'a.xml': random(600), 'b.xml': random(600) }, all, /its entries expand to 1\.2 KiB together, more than the 1000 bytes/],
    ['one entry over the total', { 'a.xml': random(1200) }, all, /a\.xml expands to 1\.2 KiB, more than/],
    ['entries not read do not count', { 'a.xml': random(600), 'big.bin': random(5000) }, (n) => n === 'a.xml', null],
    ['an entry that expands too many times', { 'a.xml': new Uint8Array(900) }, all, /a\.xml expands \d+ times \(.* to 900 bytes\), more than the 10 times/],
    ['a small entry is not held to the ratio', { 'a.xml': new Uint8Array(90) }, all, null],
  ])('%s', (_what, entries, wanted, refused) => {
    const zip = zipSync(entries);
    if (!refused) {
      const read = unzipBounded(zip, wanted, 'a test file', small);
      expect(Object.keys(read).sort()).toEqual(Object.keys(entries).filter(wanted).sort());
      for (const [name, data] of Object.entries(read)) expect(data).toEqual(entries[name]);
      return;
    }
    expect(() => unzipBounded(zip, wanted, 'a test file', small)).toThrow(ZipTooLargeError);
    expect(() => unzipBounded(zip, wanted, 'a test file', small)).toThrow(refused);
  });

  it('keeps Chinese text exactly (stored or deflated)', () => {
    const data = text(300);
    for (const level of [0, 6] as const) expect(unzipBounded(zipSync({ 'x.txt': data }, { level }), all, 'x')['x.txt']).toEqual(data);
  });
});
