import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FACES } from './compendium-docx-style.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The font table entries of the faces the draft uses: each with its alternative names (macOS,
 * Linux, older Windows) for Word to find a face by when the Windows name is missing, and the
 * character set (GB2312, 86) and family that make a substitute at least a Chinese face of the
 * same kind. `docx` writes an empty font table; this fills it.
 */
export function fontTableEntries(): string {
  return Object.values(FACES)
    .map(
      (f) =>
        `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.alternatives.join(','))}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
}

/** The document with its font table filled in. */
export function withFontTable(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const table = files['word/fontTable.xml'];
  if (!table) return docx;
  const xml = strFromU8(table);
  const entries = fontTableEntries();
  const filled = /<w:fonts\b[^>]*\/>/.test(xml) ? xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`) : xml.replace('</w:fonts>', `${entries}</w:fonts>`);
  files['word/fontTable.xml'] = strToU8(filled);
  return zipSync(files);
}
