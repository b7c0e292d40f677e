import type { FlowItem } from './flow.ts';

export interface PlainOptions {
  /** A blank line between paragraphs, as most converters write. */
  blank?: boolean;
  /** What a body paragraph starts with: nothing, two ideographic spaces, four spaces. */
  indent?: string;
  /** Dot leaders and page numbers in table-of-contents entries. */
  leaders?: boolean;
}

/** A flow as plain text, one logical paragraph per line. */
export function plainLines(items: readonly FlowItem[], options: PlainOptions = {}): string[] {
  const out: string[] = [];
  for (const item of items) {
    out.push(plainLine(item, options));
    if (options.blank) out.push('');
  }
  return out;
}

export function plainLine(item: FlowItem, options: PlainOptions = {}): string {
  if (item.cells) return item.cells.join('\t');
  if (item.role === 'toc-entry' && options.leaders) return `${item.text} ${'.'.repeat(Math.max(6, 40 - item.text.length * 2))} ${item.page ?? ''}`.trimEnd();
  if ((item.role === 'para' || item.role === 'front') && options.indent) return `${options.indent}${item.text}`;
  return item.text;
}

export const plainText = (items: readonly FlowItem[], options: PlainOptions = {}) => `${plainLines(items, options).join('\n')}\n`;
