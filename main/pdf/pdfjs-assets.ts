import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

/**
 * Where pdfjs-dist's CMaps (needed for Chinese PDFs whose fonts use Adobe's CJK encodings) and
 * standard fonts (the 14 base fonts, for PDFs that do not embed them) are on disk, so nothing is
 * ever fetched over the network. In a packaged Electron app they are unpacked from the asar
 * archive (electron-builder.yml: asarUnpack), and read from there.
 */
export function pdfjsAssetDirs(): { cMapDir: string; standardFontDir: string } {
  const require = createRequire(import.meta.url);
  const root = unpacked(dirname(require.resolve('pdfjs-dist/package.json')));
  // pdfjs appends file names to these, so they must end with a separator.
  return { cMapDir: join(root, 'cmaps') + sep, standardFontDir: join(root, 'standard_fonts') + sep };
}

/** A path inside the app's asar archive, as electron-builder's asarUnpack puts it beside it. */
export function unpacked(path: string, separator: string = sep): string {
  return path.replace(`${separator}app.asar${separator}`, `${separator}app.asar.unpacked${separator}`);
}
