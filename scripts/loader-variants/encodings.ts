/**
 * Encodings: the seeds' own texts, byte for byte the same characters, in UTF-8 with and without
 * a BOM, UTF-16 LE and BE with and without a BOM, and GB18030. The expected outline is the truth.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { SEEDS } from './paths.ts';
import { truthExpected } from './truth-expected.ts';
import { readAllTruth, type SeedId } from './truth.ts';
import { writeVariant, type Family } from './write.ts';

const ENCODINGS: Array<{ name: string; seed: SeedId; encode: (text: string) => Uint8Array }> = [
  { name: 'utf8', seed: 'news2022', encode: (t) => Buffer.from(t, 'utf8') },
  { name: 'utf8-bom', seed: 'henan2022', encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]) },
  { name: 'utf16le-bom', seed: 'hebei2022', encode: (t) => iconv.encode(t, 'utf-16le', { addBOM: true }) },
  { name: 'utf16le', seed: 'henan2022', encode: (t) => iconv.encode(t, 'utf-16le') },
  { name: 'utf16le', seed: 'counties2022', encode: (t) => iconv.encode(t, 'utf-16le') },
  { name: 'utf16be-bom', seed: 'news2022', encode: (t) => iconv.encode(t, 'utf-16be', { addBOM: true }) },
  { name: 'utf16be', seed: 'news2022', encode: (t) => iconv.encode(t, 'utf-16be') },
  { name: 'utf16be', seed: 'counties2022', encode: (t) => iconv.encode(t, 'utf-16be') },
  { name: 'gb18030', seed: 'hc2024', encode: (t) => iconv.encode(t, 'gb18030') },
  { name: 'gb18030', seed: 'hebei2022', encode: (t) => iconv.encode(t, 'gb18030') },
];

export const encodings: Family = {
  kind: 'encodings',
  generate() {
    const truth = readAllTruth();
    return ENCODINGS.map(({ name: encoding, seed, encode }) => {
      const raw = readFileSync(join(SEEDS, truth[seed].file), 'utf8').replace(/^\ufeff/, '');
      const name = `${seed}-${encoding}`;
      const bytes = encode(raw);
      if (encoding === 'gb18030' && iconv.decode(Buffer.from(bytes), 'gb18030') !== raw) throw new Error(`${name}: GB18030 does not round-trip`);
      return writeVariant(truthExpected(truth[seed], 'encodings', name, `${name}.txt`, `the ${seed} seed's text in ${encoding}`), bytes);
    });
  },
};
