import type { MappedString } from '../mapped-string.ts';
import type { InputDecoder } from './input-decoder.ts';
import { indentOf, splitRawLines, stripHtmlAndInvisibles, type SourceLine } from './source-line.ts';

/**
 * Markdown-like text from document converters. Heading levels and bold markers are used
 * inconsistently by converters, so they are kept only as hints for the shape and section
 * detectors, never trusted as structure on their own.
 */
export const markdownDecoder: InputDecoder = {
  kind: 'markdown',
  fit(file, text) {
    if (/\.(md|markdown)$/i.test(file)) return 10;
    const sample = text.slice(0, 200_000);
    const headings = sample.match(/^#{1,6}\s+\S/gm)?.length ?? 0;
    const bold = sample.match(/\*\*[^*\n]+\*\*/g)?.length ?? 0;
    return headings >= 3 || (headings >= 1 && bold >= 3) ? 5 : 0;
  },
  lines: (text) => splitRawLines(text).map(markdownLine),
};

function markdownLine(raw: MappedString): SourceLine {
  let line = stripHtmlAndInvisibles(raw);
  const indent = indentOf(line.text);
  line = line.trim();
  // A thematic break (---, ***, ___) carries no text.
  if (/^([-*_])(\s*\1){2,}$/.test(line.text)) return { text: line.slice(0, 0), indent };
  let mdHeading: number | undefined;
  const heading = /^(#{1,6})\s*/.exec(line.text);
  if (heading) {
    mdHeading = heading[1]!.length;
    line = line.slice(heading[0].length).replace(/\s#+$/g, '');
  }
  if (line.text.startsWith('> ')) line = line.slice(2);
  let boldLead: string | undefined;
  const lead = /^(\*\*|__)(.+?)\1/.exec(line.text);
  if (lead) boldLead = lead[2]!.trim();
  if (line.text.includes('**') || line.text.includes('__')) line = line.replace(/\*\*|__/g, '');
  // A whole line in italics (*石家庄市卫生健康委员会*, _来源：…_): the markers carry no text.
  const italic = /^([*_])([^*_].*?)\1$/.exec(line.text);
  if (italic) line = line.slice(1, line.text.length - 1);
  line = line.trim();
  return { text: line, indent, ...(mdHeading ? { mdHeading } : {}), ...(boldLead ? { boldLead } : {}) };
}
