/**
 * How the levelled diff cuts text: into paragraphs, then sentences, then clauses. Each segment
 * keeps its closing mark, so joining the segments gives the text back, and no cut ever falls
 * inside a surrogate pair (the marks are all in the BMP).
 */

/** Closing marks of each level, coarsest first. */
export const SEGMENT_LEVELS = ['\n', '。！？；!?;', '，、：,:'] as const;

/** `text` cut after each occurrence of any of `marks`. */
export function splitAfter(text: string, marks: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (marks.includes(text[i]!)) {
      out.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

/** Lines with their "\n" kept. */
export function splitParagraphs(text: string): string[] {
  return splitAfter(text, '\n');
}
