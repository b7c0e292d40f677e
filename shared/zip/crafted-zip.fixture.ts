/**
 * A zip whose central directory claims another expanded size for an entry: what a crafted file
 * does to make a reader allocate what it says.
 */
export function claimOriginalSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength)) === name) view.setUint32(at + 24, size, true);
  }
  return out;
}
