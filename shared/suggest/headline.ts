/**
 * A lesson's headline: its lead phrase, as the document wrote it — the first sentence after the
 * enumeration marker ("（二）领导重视是前提。" → "领导重视是前提"). A long first sentence is cut
 * at its first comma when that leaves a phrase ("要有“久久为功”的恒心，持续构建…" keeps both
 * halves, being short), else at MAX_HEADLINE characters.
 */
export const MAX_HEADLINE = 40;
const MIN_PHRASE = 4;
const LEAD_WORD = /^(?:主要|工作|几点)?(?:体会|经验|启示|经验启示|启发)[：:]/;

export function headlineOf(body: string): string {
  let text = body.trimStart().replace(LEAD_WORD, '').trimStart();
  const end = text.search(/[。；;！!？?\n]/);
  if (end >= 0) text = text.slice(0, end);
  text = text.trim().replace(/[，,、：:]+$/, '');
  if (text.length <= MAX_HEADLINE) return text;
  const comma = text.search(/[，,]/);
  if (comma >= MIN_PHRASE && comma <= MAX_HEADLINE) return text.slice(0, comma);
  return text.slice(0, MAX_HEADLINE);
}
