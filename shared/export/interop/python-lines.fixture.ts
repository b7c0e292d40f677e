/**
 * Lines as Python reads them. brat's server reads .ann files through codecs readers, whose
 * readline splits like str.splitlines(): at \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, \x85, U+2028
 * and U+2029. Many scripts do the same (`open(f).read().splitlines()`). A file that means one thing
 * per \n must have none of the others raw.
 */
// oxlint-disable-next-line no-control-regex -- these control characters are what it looks for
export const PYTHON_LINE_BOUNDARY = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

export function pythonSplitlines(text: string): string[] {
  const lines = text.split(PYTHON_LINE_BOUNDARY);
  // splitlines() gives no empty line after a final line end.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Python's str.split() with no argument: runs of whitespace (str.isspace) separate fields. */
export function pythonSplit(line: string): string[] {
  // oxlint-disable-next-line no-control-regex -- Python counts U+001C–U+001F as whitespace
  return line.split(/[\s\x1c-\x1f\x85]+/u).filter((f) => f !== '');
}
