import { fromFileName, toFileName } from '../file-names.ts';
import { fileText } from '../input.ts';
import { isNewline, splitAtLineBreaks, trimLineBreaks } from '../line-breaks.ts';
import type { ExportFile, ParsedSpan, ParseResult } from '../types.ts';
import { compareStrings, reviewerLayers, spansOf, type ExportCase, type ExportSpan, type ExportView } from '../view.ts';
import { emptyResult, type FormatCodec } from './codec.ts';
import { conllToken, decodeConllToken, ESCAPING_RULE } from './conll-tokens.ts';

/**
 * Character-level BIO for sequence labelling (Chinese NER practice: one character a line), in
 * two files per reviewer:
 *
 * `<reviewer>.conll` — casebench's own, one BIO column per label, read back by casebench:
 *
 *   # casebench conll 2
 *   # escaping = …                 ← how characters are written (see conll-tokens.ts)
 *   # reviewer = alice
 *   # columns = char indicator lesson practice …
 *   # case = hc2024-01
 *   覆	B-practice	O	…
 *   盖	I-practice	O	…
 *                                   ← a blank line for each newline of the text (paragraph break)
 *   率	B-practice	B-indicator	…    ← an entity never continues past a blank line
 *                                   ← one blank line ends the case
 *
 * `plain/<reviewer>.conll` — standard CoNLL for readers that know nothing of casebench (NLTK's
 * ConllCorpusReader, the CoNLL-2003 loaders, spaCy's converter): two space-separated columns,
 * the character and one BIO tag, no comment lines, each case opened by a "-DOCSTART- O" line,
 * a blank line at each paragraph break. README.txt lists the cases in file order.
 *
 * A "character" is a Unicode code point: 𠀀 and 😀 are one line each. Whitespace, control
 * characters and line separators are written \uXXXX (the header's escaping line says so): CoNLL
 * readers split fields on whitespace, and Python's readers end lines at U+2028, NEL, U+001C ….
 *
 * Entities end at sentence breaks: a span across a paragraph break is written as one entity per
 * paragraph (B- after the blank line), as a standard reader must read it; casebench reads back
 * one span per paragraph, and the export reports the split.
 *
 * Overlaps: BIO cannot put two spans on one character in one column, and reviewers nest spans
 * (an indicator inside a practice), so the policy is
 *  - one file per reviewer (`all.conll` when there are no spans), so reviewers never collide;
 *  - in casebench's file, one BIO column per label (schema order, then labels only spans use), so
 *    different labels never collide;
 *  - within one reviewer and label, overlapping spans keep the one that starts first (the longer
 *    on a tie); the others are left out and reported as 'overlap-dropped'. Spans that only touch
 *    are both kept: the second starts with B-;
 *  - the plain file has one tag column: of overlapping entities of different labels it keeps the
 *    one that starts first (the longer, then the label first in the schema); the others are
 *    reported as 'overlap-dropped-plain'.
 * Newlines at a span's edges are trimmed; a span of newlines only or of nothing is left out
 * (warned, as every change is).
 *
 * Version 1 files (no escaping line; an entity continued with I- after a blank line) read as before.
 */
const MAGIC = '# casebench conll 2';
const MAGIC_V1 = '# casebench conll 1';
const PLAIN_DIR = 'plain/';

interface Piece {
  start: number;
  end: number;
  label: number;
  span: ExportSpan['span'];
}

export const conllFormat: FormatCodec = {
  steps: (view) => view.cases.length * reviewerLayers(view).length,

  write(view, progress) {
    const labels = view.labels.map((l) => l.id);
    const tags = labels.map((id) => ({ b: `B-${toFileName(id)}`, i: `I-${toFileName(id)}` }));
    const files: ExportFile[] = [];
    const plainFiles: ExportFile[] = [];
    for (const reviewer of reviewerLayers(view)) {
      const out: string[] = [MAGIC, `# escaping = ${ESCAPING_RULE}`];
      if (reviewer !== undefined) out.push(`# reviewer = ${oneLine(reviewer)}`);
      out.push(`# columns = char ${labels.map(toFileName).join(' ')}`);
      const plain: string[] = [];
      for (const c of view.cases) {
        const columns = expressible(view, c, spansOf(c, reviewer), labels);
        out.push(`# case = ${oneLine(c.data.id)}`);
        writeCase(c, columns, tags, out);
        out.push('');
        writePlainCase(view, c, columns, tags, plain);
        progress.step();
      }
      const name = `${view.reviewerFile(reviewer)}.conll`;
      files.push({ path: name, data: `${out.join('\n')}\n` });
      plainFiles.push({ path: PLAIN_DIR + name, data: `${plain.join('\n')}\n` });
    }
    return [...files, ...plainFiles, { path: 'README.txt', data: readme(view) }];
  },

  read(files) {
    const result = emptyResult();
    const seen = new Set<string>();
    // The plain files and the README are for other readers; casebench's own files say it all.
    for (const file of files) if (!file.path.startsWith(PLAIN_DIR) && !file.path.endsWith('README.txt')) readConll(fileText(file.data), file.path, result, seen);
    return result;
  },
};

// oxlint-disable-next-line no-control-regex -- the line breaks Python's readers see include control characters
const oneLine = (s: string) => s.replace(/[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]/g, ' ');

/** Per label column, the pieces BIO can show: edge newlines trimmed, overlaps resolved, split at paragraph breaks. */
function expressible(view: ExportView, c: ExportCase, spans: ExportSpan[], labels: string[]): Piece[][] {
  const text = c.data.text;
  return labels.map((label, labelIndex) => {
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
    const kept: Piece[] = [];
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
      reach = cand.end;
      const pieces = splitAtLineBreaks(text, cand.start, cand.end, isNewline);
      if (pieces.length > 1) {
        view.warnings.push({ code: 'split-at-line-break', spanId: cand.span.id, caseId: c.data.id, message: `conll: span ${cand.span.id} crosses ${pieces.length - 1} paragraph break(s); written as ${pieces.length} entities, one per paragraph` });
      }
      for (const p of pieces) kept.push({ ...p, label: labelIndex, span: cand.span });
    }
    return kept;
  });
}

function writeCase(c: ExportCase, columns: Piece[][], tags: { b: string; i: string }[], out: string[]): void {
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
    let line = conllToken(cp);
    for (let k = 0; k < columns.length; k++) {
      const pieces = columns[k]!;
      let n = next[k]!;
      while (n < pieces.length && pieces[n]!.end <= u) n++;
      next[k] = n;
      const piece = pieces[n];
      line += !piece || piece.start > u ? '\tO' : piece.start === u ? `\t${tags[k]!.b}` : `\t${tags[k]!.i}`;
    }
    out.push(line);
    u += cp > 0xffff ? 2 : 1;
  }
}

/** The case in the plain file: one tag a character, entities of different labels resolved. */
function writePlainCase(view: ExportView, c: ExportCase, columns: Piece[][], tags: { b: string; i: string }[], out: string[]): void {
  const all = columns.flat().sort((a, b) => a.start - b.start || b.end - a.end || a.label - b.label || compareStrings(a.span.id, b.span.id));
  const kept: Piece[] = [];
  let reach = 0;
  for (const p of all) {
    if (p.start < reach) {
      view.warnings.push({
        code: 'overlap-dropped-plain',
        spanId: p.span.id,
        caseId: c.data.id,
        message: `conll plain file: span ${p.span.id} (${p.span.label}, ${p.span.reviewer}) overlaps an earlier span of another label; left out of plain/ (casebench's file keeps it)`,
      });
      continue;
    }
    kept.push(p);
    reach = p.end;
  }
  out.push('-DOCSTART- O', '');
  const text = c.data.text;
  let n = 0;
  let blank = true;
  for (let u = 0; u < text.length; ) {
    const cp = text.codePointAt(u)!;
    if (cp === 10) {
      // One blank line ends a sentence; empty paragraphs add none (readers take one as they take many).
      if (!blank) out.push('');
      blank = true;
      u += 1;
      continue;
    }
    while (n < kept.length && kept[n]!.end <= u) n++;
    const piece = kept[n];
    const tag = !piece || piece.start > u ? 'O' : piece.start === u ? tags[piece.label]!.b : tags[piece.label]!.i;
    out.push(`${conllToken(cp)} ${tag}`);
    blank = false;
    u += cp > 0xffff ? 2 : 1;
  }
  if (!blank) out.push('');
}

function readme(view: ExportView): string {
  return [
    'casebench CoNLL export',
    '',
    '<reviewer>.conll        casebench\'s file: a character a line, one BIO column per label (see its header); casebench reads it back.',
    'plain/<reviewer>.conll  standard two-column CoNLL (character, BIO tag) for NLTK, CoNLL-2003 loaders and spaCy:',
    '                        "-DOCSTART- O" opens each case, a blank line ends each paragraph, entities never cross one,',
    '                        and of overlapping entities of different labels the earlier (the longer) is kept.',
    '',
    `Escaping: ${ESCAPING_RULE}`,
    '',
    'Cases, in the order of the -DOCSTART- lines:',
    ...view.cases.map((c, i) => `${i + 1}\t${oneLine(c.data.id)}\t${oneLine(c.data.title)}`),
    '',
  ].join('\n');
}

function readConll(content: string, file: string, result: ParseResult, seen: Set<string>): void {
  const lines = content.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  // The file's final newline ends the last line; it is not an empty line of its own.
  if (content.endsWith('\n')) lines.pop();
  const version = lines[0] === MAGIC_V1 ? 1 : 2;
  if (lines[0] !== MAGIC && lines[0] !== MAGIC_V1) result.issues.push({ file, line: 1, message: `expected "${MAGIC}" on the first line; reading anyway` });
  let reviewer: string | undefined;
  let labels: string[] | null = null;
  let block: { caseId: string; line: number; rows: { line: number; text: string }[] } | null = null;
  const finish = () => {
    if (block && labels) readBlock(block, labels, reviewer, version, file, result, seen);
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
    if (line.startsWith('# ') || (i === 0 && (line === MAGIC || line === MAGIC_V1))) continue;
    if (block) block.rows.push({ line: i + 1, text: line });
    else if (line !== '') result.issues.push({ file, line: i + 1, message: 'a token line before any "# case = …" line' });
  }
  finish();
}

function readBlock(
  block: { caseId: string; rows: { line: number; text: string }[] },
  labels: string[],
  reviewer: string | undefined,
  version: 1 | 2,
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
      // A paragraph break ends every entity (version 1 let them run on).
      if (version === 2) labels.forEach((_, k) => close(k));
      continue;
    }
    const cells = row.text.split('\t');
    const ch = decodeConllToken(cells[0]!);
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
