import type { FlowItem } from './flow.ts';
import { plainLine } from './plain.ts';
import type { Prng } from './prng.ts';

export interface WrapOptions {
  /** Characters per line (an ideograph counts one, like an ASCII letter: PDF extraction counts glyphs). */
  width: number;
  /** A blank line after every line, as some PDF extractions give (the national seed has them). */
  blankBetweenLines?: boolean;
  /** A blank line between paragraphs. */
  blankBetweenParagraphs?: boolean;
  /** Lines per page; page numbers and running headers are injected at each page break. */
  pageLines?: number;
  pageNumber?: (page: number) => string;
  runningHeader?: (page: number) => string | null;
  /** Indent of a paragraph's first line. */
  indent?: string;
}

/** Hard-wrap a flow as text extracted from a printed page would be, with page furniture. */
export function wrapText(items: readonly FlowItem[], options: WrapOptions, rng?: Prng): string {
  const lines: string[] = [];
  for (const item of items) {
    const text = item.role === 'para' || item.role === 'front' ? `${options.indent ?? ''}${item.text}` : plainLine(item, { leaders: true });
    // Table rows keep their tabs; everything else wraps, titles and headings too.
    const wrapped = item.cells ? [text] : wrapLine(text, options.width, rng);
    lines.push(...wrapped);
    if (options.blankBetweenParagraphs) lines.push('');
  }
  const out: string[] = [];
  let page = 1;
  let onPage = 0;
  for (const line of lines) {
    if (options.pageLines && onPage >= options.pageLines && line) {
      out.push('', options.pageNumber?.(page) ?? String(page), '');
      page++;
      onPage = 0;
      const header = options.runningHeader?.(page);
      if (header) out.push(header, '');
    }
    out.push(line);
    if (options.blankBetweenLines && line) out.push('');
    if (line) onPage++;
  }
  if (options.pageLines) out.push('', options.pageNumber?.(page) ?? String(page));
  return `${out.join('\n')}\n`;
}

/**
 * Break a line every `width` characters, never before closing punctuation (a typesetter's
 * kinsoku rule: "。" does not start a line); a random line is one shorter or longer, as real
 * extractions vary with punctuation compression.
 */
export function wrapLine(text: string, width: number, rng?: Prng): string[] {
  const chars = [...text];
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let w = width + (rng && rng.chance(0.15) ? rng.pick([-1, 1]) : 0);
    while (i + w < chars.length && w > 1 && /[。，、；：！？”）》」』,.;:!?)]/.test(chars[i + w]!)) w++;
    out.push(chars.slice(i, i + w).join('').trimEnd());
    i += w;
  }
  return out.length ? out : [''];
}
