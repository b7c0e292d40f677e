import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const FIXED = '2025-01-01T00:00:00Z';

/**
 * A Word file with its creation and modification dates (docProps/core.xml and the zip entries)
 * fixed, so regenerating the fixtures changes a .docx only when its content changes.
 */
export function stableDocx(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    let data = files[name]!;
    if (name === 'docProps/core.xml') data = strToU8(strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)/g, `$1${FIXED}$2`));
    entries[name] = [data, { mtime: new Date(FIXED) }];
  }
  return zipSync(entries, { level: 6 });
}
