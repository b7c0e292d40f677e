// oxlint-disable-next-line no-restricted-imports -- Node's SHA-1 is the reference the pure one is checked against
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha1 } from './sha1.ts';
import { CASEBENCH_NAMESPACE, REFI_GUID, URL_NAMESPACE, uuidV5 } from './uuid.ts';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('sha1', () => {
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  ])('FIPS 180 vector %j', (input, digest) => {
    expect(hex(sha1(strToU8(input)))).toBe(digest);
  });

  it('agrees with node:crypto on every length around the 64-byte block boundaries (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
    );
  });
});

describe('uuidV5', () => {
  it('matches the RFC 9562 example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('uses a namespace derived as documented', () => {
    expect(uuidV5('urn:casebench', URL_NAMESPACE)).toBe(CASEBENCH_NAMESPACE);
  });

  it('gives valid, version 5, deterministic and distinct GUIDs (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ga = uuidV5(a);
        expect(ga).toMatch(REFI_GUID);
        expect(ga).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(uuidV5(a)).toBe(ga);
        if (a !== b) expect(uuidV5(b)).not.toBe(ga);
      }),
    );
  });

  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});
