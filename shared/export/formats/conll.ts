import { fromFileName, toFileName } from '../file-names.ts';
import { fileText } from '../input.ts';
import { isNewline, trimLineBreaks } from '../line-breaks.ts';
import type { ParsedSpan, ParseResult } from '../types.ts';
import { compareStrings, reviewerLayers, spansOf, type ExportCase, type ExportSpan, type ExportView } from '../view.ts';
import { emptyResult, type FormatCodec } from './codec.ts';

/**
 * Character-level BIO for sequence labelling (Chinese NER practice: one character a line).
 *
 *   # casebench conll 1
 *   # reviewer = alice
 *   # columns = char indicator lesson practice …
 *   # case = hc2024-01
 *   覆	B-practice	O	…
 *   盖	I-practice	O	…
 *                                   ← a blank line for each newline of the text (paragraph break)
 *   率	I-practice	B-indicator	…
 *                                   ← one blank line ends the case
 *
 * A "character" is a Unicode code point: 𠀀 and 😀 are one line each.
 *
 * Overlaps: BIO cannot put two spans on one character in one column, and reviewers nest spans
 * (an indicator inside a practice), so the policy is
 *  - one file per reviewer (`<reviewer>.conll`; `all.conll` when there are no spans), so reviewers
 *    never collide;
 *  - one BIO column per label (schema order, then labels only spans use), so different labels
 *    never collide;
 *  - within one reviewer and label, overlapping spans keep the one that starts first (the longer
 *    on a tie); the others are left out and reported as 'overlap-dropped' warnings. Spans that only
 *    touch are both kept: the second starts with B-.
 * Newlines are blank lines, so a newline has no tag of its own: a span running across a paragraph
 * break continues with I- after the blank line; newlines at a span's edges are trimmed, a span of
 * newlines only or of nothing is left out (warned, as every change is).
 *
 * Whitespace characters (a space, a tab, U+3000 …) are written as \uXXXX escapes, because CoNLL
 * readers split lines on whitespace; every other character is written as itself, so a token of
 * more than one character is always an escape.
 */
const MAGIC = '# casebench conll 1';
const WHITESPACE = /^\s$/u;

export const conllFormat: FormatCodec = {
  steps: (view) => view.cases.length * reviewerLayers(view).length,

  write(view, progress) {
    const labels = view.labels.map((l) => l.id);
    const tags = labels.map((id) => ({ b: `\tB-${toFileName(id)}`, i: `\tI-${toFileName(id)}` }));
    return reviewerLayers(view).map((reviewer) => {
      const out: string[] = [MAGIC];
      if (reviewer !== undefined) out.push(`# reviewer = ${reviewer.replace(/[\r\n]/g, ' ')}`);
      out.push(`# columns = char ${labels.map(toFileName).join(' ')}`);
      for (const c of view.cases) {
        out.push(`# case = ${c.data.id.replace(/[\r\n]/g, ' ')}`);
        writeCase(c, expressible(view, c, spansOf(c, reviewer), labels), tags, out);
        out.push('');
        progress.step();
      }
      return { path: `${reviewer === undefined ? 'all' : toFileName(reviewer)}.conll`, data: `${out.join('\n')}\n` };
    });
  },

  read(files) {
    const result = emptyResult();
    const seen = new Set<string>();
    for (const file of files) readConll(fileText(file.data), file.path, result, seen);
    return result;
  },
};

/** Per label column, the spans BIO can show: trimmed of edge newlines, overlaps resolved. */
function expressible(view: ExportView, c: ExportCase, spans: ExportSpan[], labels: string[]): { start: number; end: number }[][] {
  const text = c.data.text;
  return labels.map((label) => {
    const candidates: { start: number; end: number; span: ExportSpan['span'] }[] = [];
    for (const { span } of spans) {
      if (span.label !== label) continue;
      const trimmed = trimLineBreaks(text, span.start, span.end, isNewline);
      if (!trimmed || trimmed.start === trimmed.end) {
        view.warnings.push({ code: trimmed ? 'empty-span' : 'newline-only', spanId: span.id, caseId: c.data.id, message: `conll: span ${span.id} has no characters to tag; left out` });
        continue;
      }
      if (trimmed.start !== span.start || trimmed.end !== span.end) {
        view.warnings.push({ code: 'newline-trimmed', spanId: span.id, caseId: c.data.id, message: `conll: span ${span.id} ${span.start}–${span.end} written as ${trimmed.start}–${trimmed.end} (newlines at its edges)` });
      }
      candidates.push({ ...trimmed, span });
    }
    // Earliest start first, the longer first on a tie; then id, so the choice never depends on input order.
    candidates.sort((a, b) => a.start - b.start || b.end - a.end || compareStrings(a.span.id, b.span.id));
    const kept: { start: number; end: number }[] = [];
    let reach = 0;
    for (const cand of candidates) {
      if (cand.start < reach) {
        view.warnings.push({
          code: 'overlap-dropped',
          spanId: cand.span.id,
          caseId: c.data.id,
          message: `conll: span ${cand.span.id} (${label}, ${cand.span.reviewer}) overlaps an earlier ${label} span of the same reviewer; left out`,
        });
        continue;
      }
      kept.push(cand);
      reach = cand.end;
    }
    return kept;
  });
}

function writeCase(c: ExportCase, columns: { start: number; end: number }[][], tags: { b: string; i: string }[], out: string[]): void {
  const text = c.data.text;
  const next = columns.map(() => 0);
  for (let u = 0; u < text.length; ) {
    const cp = text.codePointAt(u)!;
    if (cp === 10) {
      out.push('');
      u += 1;
      continue;
    }
    // Built by concatenation: a large export writes a million lines, and per-line arrays cost more.
    let line = tokenOf(cp);
    for (let k = 0; k < columns.length; k++) {
      const spans = columns[k]!;
      let n = next[k]!;
      while (n < spans.length && spans[n]!.end <= u) n++;
      next[k] = n;
      const span = spans[n];
      line += !span || span.start > u ? '\tO' : span.start === u ? tags[k]!.b : tags[k]!.i;
    }
    out.push(line);
    u += cp > 0xffff ? 2 : 1;
  }
}

const tokens = new Map<number, string>();

/** The character as written in the char column: itself, or \uXXXX for whitespace. */
function tokenOf(cp: number): string {
  let token = tokens.get(cp);
  if (token === undefined) {
    const ch = String.fromCodePoint(cp);
    token = WHITESPACE.test(ch) ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}` : ch;
    tokens.set(cp, token);
  }
  return token;
}

function readConll(content: string, file: string, result: ParseResult, seen: Set<string>): void {
  const lines = content.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  // The file's final newline ends the last line; it is not an empty line of its own.
  if (content.endsWith('\n')) lines.pop();
  if (lines[0] !== MAGIC) result.issues.push({ file, line: 1, message: `expected "${MAGIC}" on the first line; reading anyway` });
  let reviewer: string | undefined;
  let labels: string[] | null = null;
  let block: { caseId: string; line: number; rows: { line: number; text: string }[] } | null = null;
  const finish = () => {
    if (block && labels) readBlock(block, labels, reviewer, file, result, seen);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const comment = /^# (\w+) = (.*)$/.exec(line);
    if (comment) {
      const [, key, value] = comment;
      if (key === 'reviewer') reviewer = value;
      else if (key === 'columns') {
        const names = value!.split(' ');
        if (names[0] !== 'char') result.issues.push({ file, line: i + 1, message: 'the first column must be "char"' });
        labels = names.slice(1).map((n) => fromFileName(n) ?? n);
      } else if (key === 'case') {
        finish();
        if (!labels) result.issues.push({ file, line: i + 1, message: 'a case before the "# columns = …" line; it is skipped' });
        block = { caseId: value!, line: i + 1, rows: [] };
      }
      continue;
    }
    if (line.startsWith('# ') || (i === 0 && line === MAGIC)) continue;
    if (block) block.rows.push({ line: i + 1, text: line });
    else if (line !== '') result.issues.push({ file, line: i + 1, message: 'a token line before any "# case = …" line' });
  }
  finish();
}

function readBlock(
  block: { caseId: string; rows: { line: number; text: string }[] },
  labels: string[],
  reviewer: string | undefined,
  file: string,
  result: ParseResult,
  seen: Set<string>,
): void {
  const rows = block.rows;
  // The last line of a case's block is the blank line that ends it (absent at the end of a file).
  if (rows.length > 0 && rows[rows.length - 1]!.text === '') rows.pop();
  let text = '';
  const open: ({ start: number; end: number } | null)[] = labels.map(() => null);
  const spans: ParsedSpan[] = [];
  const close = (k: number) => {
    const span = open[k];
    if (span) spans.push({ caseId: block.caseId, start: span.start, end: span.end, label: labels[k]!, quote: '', ...(reviewer === undefined ? {} : { reviewer }) });
    open[k] = null;
  };
  for (const row of rows) {
    if (row.text === '') {
      text += '\n';
      continue;
    }
    const cells = row.text.split('\t');
    const ch = decodeToken(cells[0]!);
    if (ch === null || cells.length !== labels.length + 1) {
      result.issues.push({ file, line: row.line, message: ch === null ? `not one character or a \\uXXXX escape: ${JSON.stringify(cells[0])}` : `expected ${labels.length + 1} tab-separated columns, found ${cells.length}` });
      return;
    }
    const at = text.length;
    text += ch;
    for (let k = 0; k < labels.length; k++) {
      const tag = cells[k + 1]!;
      const kind = tag === 'O' ? 'O' : tag.startsWith('B-') ? 'B' : tag.startsWith('I-') ? 'I' : null;
      if (kind === null) {
        result.issues.push({ file, line: row.line, message: `tag ${JSON.stringify(tag)} is not O, B-… or I-…` });
        return;
      }
      if (kind === 'O') close(k);
      else if (kind === 'B' || !open[k]) {
        // An I- with nothing open is read as a B- (the lenient IOB1 reading).
        close(k);
        open[k] = { start: at, end: text.length };
      } else open[k]!.end = text.length;
    }
  }
  labels.forEach((_, k) => close(k));
  for (const span of spans) span.quote = text.slice(span.start, span.end);
  if (!seen.has(block.caseId)) {
    seen.add(block.caseId);
    result.cases.push({ id: block.caseId, text });
  }
  result.spans.push(...spans);
}

function decodeToken(token: string): string | null {
  const cps = [...token];
  if (cps.length === 1) return token;
  const m = /^\\u([0-9A-F]{4,6})$/.exec(token);
  if (!m) return null;
  const cp = Number.parseInt(m[1]!, 16);
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : null;
}
