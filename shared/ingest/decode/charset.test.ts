import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { decodeBytes } from './charset.ts';

const TEXT = '一、工作背景\r\n全省居民健康素养水平从2019年19.18%提升到2021年26.82%。\r\n';
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
  return new Uint8Array(b);
};
const cat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe('decodeBytes detects the encoding', () => {
  it.each([
    ['UTF-8 without BOM', new Uint8Array(Buffer.from(TEXT)), 'utf-8', false],
    ['UTF-8 with BOM', cat([0xef, 0xbb, 0xbf], Buffer.from(TEXT)), 'utf-8', true],
    ['UTF-16LE with BOM', cat([0xff, 0xfe], utf16le(TEXT)), 'utf-16le', true],
    ['UTF-16BE with BOM', cat([0xfe, 0xff], utf16be(TEXT)), 'utf-16be', true],
    ['UTF-16LE without BOM (mostly ASCII)', utf16le('Case 1: rate 26.82% (2021)\nCase 2: 41.71%\n'), 'utf-16le', false],
    ['UTF-16LE without BOM (mostly Chinese)', utf16le(TEXT.repeat(3)), 'utf-16le', false],
    ['UTF-16BE without BOM (mostly Chinese)', utf16be(TEXT.repeat(3)), 'utf-16be', false],
    ['GB18030', new Uint8Array(iconv.encode(TEXT, 'gb18030')), 'gb18030', false],
    ['GBK', new Uint8Array(iconv.encode(TEXT, 'gbk')), 'gb18030', false],
  ] as const)('%s', (_name, bytes, encoding, bom) => {
    const decoded = decodeBytes(bytes, 'case.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.hadBom).toBe(bom);
    if (decoded.text.length === TEXT.length * 3) expect(decoded.text).toBe(TEXT.repeat(3));
    else if (encoding !== 'utf-16le' || bom) expect(decoded.text).toBe(TEXT);
  });

  it('decodes astral characters in every Unicode encoding', () => {
    const text = '𠀀与😀：指标 1.42kg\n';
    expect(decodeBytes(new Uint8Array(Buffer.from(text)), 'a.txt').text).toBe(text);
    expect(decodeBytes(cat([0xff, 0xfe], utf16le(text)), 'a.txt').text).toBe(text);
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'gb18030')), 'a.txt').text).toBe(text);
  });
});

describe('decodeBytes refuses what is not text, with the file named', () => {
  const random = (n: number, seed: number, min = 0) => {
    const out = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      out[i] = min + ((x >>> 16) % (256 - min));
    }
    return out;
  };
  it.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['only whitespace', new Uint8Array(Buffer.from(' \r\n\t\n')), 'empty'],
    ['a PNG image', cat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], random(200, 1)), 'binary'],
    ['random bytes with NULs', random(4096, 7), 'binary'],
    ['bytes that are neither UTF-8 nor Chinese', random(4096, 3, 0x80), 'undecodable'],
    ['a UTF-16 BOM followed by an odd byte count of garbage', cat([0xff, 0xfe], [0x00, 0xd8, 0x41]), 'undecodable'],
  ] as const)('%s', (_name, bytes, code) => {
    let error: unknown;
    try {
      decodeBytes(bytes, 'reports/case-07.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe(code);
    expect((error as IngestError).message).toMatch(/^reports\/case-07\.txt: /);
  });

  it('a GBK text with a few bytes of another encoding is refused with the line they stand on', () => {
    const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
    // A sentence pasted from a Windows-1252 document: curly quotes 0x93 0x94 are no GBK.
    const bytes = cat(gbk('一、工作背景\n全省居民健康素养水平稳步提升。\n'), Buffer.from('The '), [0x93], Buffer.from('Healthy City'), [0x94], Buffer.from(' programme.\n'), gbk('二、主要做法\n'));
    expect(() => decodeBytes(bytes, 'mixed.txt')).toThrow(/mixed\.txt: .*line 3/);
  });

  it('refuses files over the size limit before decoding them', () => {
    expect(() => decodeBytes(new Uint8Array(2048), 'huge.txt', 1024)).toThrow(/huge\.txt: file is 2 KiB, larger than/);
  });
});
