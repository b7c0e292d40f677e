/** Base64 of bytes, in chunks (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** A file the person chose, as the import preview sends it. */
export async function fileContent(file: Blob & { name: string }): Promise<{ name: string; content: string }> {
  return { name: file.name, content: toBase64(new Uint8Array(await file.arrayBuffer())) };
}
