/** The first few thousand characters of the text as the loader reads it (simplified, furniture gone). */
export function openingOf(paragraphs: readonly { text: { text: string } }[]): string {
  let out = '';
  for (const p of paragraphs) {
    if (out.length >= 4000) break;
    out += p.text.text + '\n';
  }
  return out;
}
