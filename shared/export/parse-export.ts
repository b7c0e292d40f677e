import { FORMAT_IDS, formatById, type FormatId } from './catalog.ts';
import { CODECS, type ParseOptions } from './formats/index.ts';
import type { ExportFile, ParseResult } from './types.ts';
import { offsetProblem } from './view.ts';

/**
 * Reads files of an export back: cases, and spans with offsets in UTF-16 code units whatever the
 * format counts. Never throws; every problem is an issue, and what is sound is still returned.
 * Spans whose offsets do not fit their case text are dropped with an issue; a quote that differs
 * from the text at its offsets is kept, with an issue, for the caller to decide.
 */
export function parseExport(format: FormatId, files: readonly ExportFile[], options: ParseOptions = {}): ParseResult {
  const info = formatById(format);
  if (!info) return { cases: [], spans: [], issues: [{ message: `unknown format ${JSON.stringify(format)}; known formats: ${FORMAT_IDS.join(', ')}` }] };
  let result: ParseResult;
  try {
    result = CODECS[info.id].read(files, options);
  } catch (error) {
    // Readers validate their input; this is the net under a reader bug, so one bad file cannot crash the app.
    return { cases: [], spans: [], issues: [{ message: `could not read the ${info.label} export: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return checkAgainstTexts(result);
}

function checkAgainstTexts(result: ParseResult): ParseResult {
  const texts = new Map<string, string>();
  for (const c of result.cases) if (c.text !== undefined) texts.set(c.id, c.text);
  const spans = result.spans.filter((span) => {
    const text = texts.get(span.caseId);
    if (text === undefined) return true;
    const name = `${span.id === undefined ? 'span' : `span ${span.id}`} in case ${span.caseId} (${span.start}–${span.end})`;
    const problem = offsetProblem(text, span.start, span.end);
    if (problem) {
      result.issues.push({ message: `${name} ${problem}; left out` });
      return false;
    }
    const actual = text.slice(span.start, span.end);
    if (span.quote !== actual) result.issues.push({ message: `${name}: quote ${JSON.stringify(span.quote)} differs from the text there ${JSON.stringify(actual)}` });
    return true;
  });
  return { ...result, spans };
}
