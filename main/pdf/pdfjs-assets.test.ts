import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfjsAssetDirs, unpacked } from './pdfjs-assets.ts';

describe('pdfjsAssetDirs', () => {
  it('points at the CMaps and standard fonts the package ships (no network)', () => {
    const { cMapDir, standardFontDir } = pdfjsAssetDirs();
    expect(existsSync(join(cMapDir, 'UniGB-UCS2-H.bcmap'))).toBe(true);
    expect(existsSync(join(standardFontDir, 'FoxitSerif.pfb'))).toBe(true);
    expect(cMapDir.endsWith('/') || cMapDir.endsWith('\\')).toBe(true);
  });

  it.each([
    ['/opt/casebench/resources/app.asar/node_modules/pdfjs-dist', '/', '/opt/casebench/resources/app.asar.unpacked/node_modules/pdfjs-dist'],
    ['C:\\casebench\\resources\\app.asar\\node_modules\\pdfjs-dist', '\\', 'C:\\casebench\\resources\\app.asar.unpacked\\node_modules\\pdfjs-dist'],
    ['/work/main/node_modules/pdfjs-dist', '/', '/work/main/node_modules/pdfjs-dist'],
  ])('reads %s from outside the archive', (path, separator, expected) => {
    expect(unpacked(path, separator)).toBe(expected);
  });
});
