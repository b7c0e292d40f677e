import { offsetConverter } from '../../text/units.ts';
import { fromFileName, splitPath, toFileName } from '../file-names.ts';
import { fileText } from '../input.ts';
import { isPythonLineBoundary, splitAtLineBreaks, trimLineBreaks } from '../line-breaks.ts';
import type { ExportFile, ParseResult } from '../types.ts';
import { reviewerLayers, spansOf, type ExportView } from '../view.ts';
import { emptyResult, type FormatCodec } from './codec.ts';

/**
 * brat standoff: for each case a `.txt` with its text and a `.ann` with `T1\tlabel start end\tquote`
 * lines and `#1\tAnnotatorNotes T1\tnote` lines, plus `annotation.conf` and `visual.conf`. Each
 * reviewer is a brat collection of its own, `<reviewer>/<case id>.txt|.ann` (brat finds the
 * configuration in the parent directory); with no spans the cases sit at the top.
 *
 * Offsets count characters of the .txt as brat's Python server reads it: Unicode code points.
 *
 * The .ann format is line-oriented and brat checks that the text after the offsets equals the
 * spanned text, fragments joined by one space. So a span that crosses a line break is written as a
 * discontinuous annotation split at the breaks ("T1\tpractice 10 14;15 20\t…"), as brat itself
 * does, and reads back as the one span from the first fragment to the last. A line break is
 * whatever Python's readers end a line at (brat's server reads the .ann with them): \n and \r, and
 * also \v, \f, U+001C–U+001E, NEL, U+2028 and U+2029 — written raw, any of them would cut the
 * line in two. Line breaks at a span's edges belong to no fragment; they are trimmed (a span of
 * nothing but breaks is left out), and each change is reported.
 *
 * Notes are one line in brat: backslash, newline, return and tab are written \\ \n \r \t, the
 * other line breaks \uXXXX (annotation.conf says so too).
 * Fields have no free-text place in brat (attributes take values declared in annotation.conf) and
 * are not exported. Labels are written through the file-name encoding, so "a b" stays one token.
 */

export const bratFormat: FormatCodec = {
  steps: (view) => view.cases.length * reviewerLayers(view).length,

  write(view, progress) {
    const files: ExportFile[] = [
      { path: 'annotation.conf', data: annotationConf(view) },
      { path: 'visual.conf', data: visualConf(view) },
    ];
    for (const reviewer of reviewerLayers(view)) {
      const dir = reviewer === undefined ? '' : `${view.reviewerFile(reviewer)}/`;
      for (const c of view.cases) {
        const text = c.data.text;
        const conv = c.converter();
        const lines: string[] = [];
        let t = 0;
        let n = 0;
        for (const { span } of spansOf(c, reviewer)) {
          const trimmed = trimLineBreaks(text, span.start, span.end, isPythonLineBoundary);
          if (!trimmed) {
            view.warnings.push({ code: 'newline-only', spanId: span.id, caseId: c.data.id, message: `brat: span ${span.id} holds only line breaks; left out` });
            continue;
          }
          if (trimmed.start !== span.start || trimmed.end !== span.end) {
            view.warnings.push({ code: 'newline-trimmed', spanId: span.id, caseId: c.data.id, message: `brat: span ${span.id} ${span.start}–${span.end} written as ${trimmed.start}–${trimmed.end} (line breaks at its edges)` });
          }
          const pieces = trimmed.start === trimmed.end ? [trimmed] : splitAtLineBreaks(text, trimmed.start, trimmed.end, isPythonLineBoundary);
          const offsets = pieces.map((p) => `${conv.toCodePoints(p.start)} ${conv.toCodePoints(p.end)}`).join(';');
          const quote = pieces.map((p) => text.slice(p.start, p.end)).join(' ');
          t++;
          lines.push(`T${t}\t${toFileName(span.label)} ${offsets}\t${quote}`);
          if (span.note !== '') lines.push(`#${++n}\tAnnotatorNotes T${t}\t${escapeNote(span.note)}`);
        }
        const stem = dir + view.caseFile(c.data.id);
        files.push({ path: `${stem}.txt`, data: text }, { path: `${stem}.ann`, data: lines.length > 0 ? `${lines.join('\n')}\n` : '' });
        progress.step();
      }
    }
    return files;
  },

  read(files) {
    const result = emptyResult();
    const byStem = new Map<string, { txt?: ExportFile; ann?: ExportFile }>();
    for (const file of files) {
      const { dir, stem, ext } = splitPath(file.path);
      if (ext !== 'txt' && ext !== 'ann') continue;
      const key = dir === '' ? stem : `${dir}/${stem}`;
      const entry = byStem.get(key) ?? {};
      entry[ext] = file;
      byStem.set(key, entry);
    }
    const seenCases = new Set<string>();
    for (const [key, { txt, ann }] of byStem) {
      if (!txt) {
        result.issues.push({ file: ann!.path, message: 'no .txt beside this .ann; its annotations cannot be placed' });
        continue;
      }
      const { dir, stem } = splitPath(txt.path);
      const caseId = fromFileName(stem) ?? stem;
      const reviewer = dir === '' ? undefined : (fromFileName(dir) ?? dir);
      const text = fileText(txt.data);
      if (!seenCases.has(caseId)) {
        seenCases.add(caseId);
        result.cases.push({ id: caseId, text });
      }
      if (ann) readAnn(fileText(ann.data), text, caseId, reviewer, ann.path, result);
      else result.issues.push({ file: txt.path, message: `no .ann for ${key}.txt; read as a case without spans` });
    }
    return result;
  },
};

function readAnn(ann: string, text: string, caseId: string, reviewer: string | undefined, file: string, result: ParseResult): void {
  const conv = offsetConverter(text);
  const byId = new Map<string, { caseId: string; start: number; end: number; label: string; quote: string; reviewer?: string; note?: string }>();
  const notes: { target: string; note: string; line: number }[] = [];
  let skipped = 0;
  ann.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return;
    const [id = '', data = '', ...tail] = content.split('\t');
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data);
      if (!m) {
        result.issues.push({ file, line, message: `malformed text-bound annotation ${JSON.stringify(content)} (expected "T1<tab>label start end<tab>text")` });
        return;
      }
      const fragments = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      const bad = fragments.find(([s, e], k) => e < s || e > conv.codePointLength || (k > 0 && s < fragments[k - 1]![1]));
      if (bad) {
        result.issues.push({ file, line, message: `${id}: fragment ${bad[0]} ${bad[1]} is reversed, out of order or beyond the text (${conv.codePointLength} characters)` });
        return;
      }
      const start = conv.toUtf16(fragments[0]![0]);
      const end = conv.toUtf16(fragments[fragments.length - 1]![1]);
      const label = fromFileName(m[1]!) ?? m[1]!;
      byId.set(id, { caseId, start, end, label, quote: text.slice(start, end), ...(reviewer === undefined ? {} : { reviewer }) });
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (\S+)$/.exec(data);
      if (m) notes.push({ target: m[1]!, note: unescapeNote(tail.join('\t')), line });
    } else {
      skipped++;
    }
  });
  for (const { target, note, line } of notes) {
    const span = byId.get(target);
    if (span) span.note = note;
    else result.issues.push({ file, line, message: `note for ${target}, which is not a text-bound annotation here` });
  }
  if (skipped > 0) result.issues.push({ file, message: `${skipped} relation, event, attribute or normalization line(s) not read: casebench reads text-bound annotations and notes` });
  result.spans.push(...byId.values());
}

const NOTE_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeNote(note: string): string {
  // oxlint-disable-next-line no-control-regex -- the line breaks Python's readers see include control characters
  return note.replace(/[\\\n\r\t\v\f\x1c-\x1e\x85\u2028\u2029]/g, (c) => NOTE_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

function unescapeNote(note: string): string {
  return note.replace(/\\([\\nrt]|u[0-9A-Fa-f]{4})/g, (_, c: string) => (c.length === 5 ? String.fromCharCode(Number.parseInt(c.slice(1), 16)) : { '\\': '\\', n: '\n', r: '\r', t: '\t' }[c]!));
}

function annotationConf(view: ExportView): string {
  return [
    '# casebench labels. Overlapping and crossing spans are allowed: reviewers mark nested facts.',
    '# A span is split into fragments at every line break a Python reader sees (\\n, \\r, \\v, \\f, U+001C-U+001E, U+0085, U+2028, U+2029).',
    '# AnnotatorNotes escape \\\\ \\n \\r \\t, and the other line breaks as \\uXXXX.',
    '[entities]',
    ...view.labels.map((l) => toFileName(l.id)),
    '',
    '[relations]',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    '',
  ].join('\n');
}

function visualConf(view: ExportView): string {
  const named = view.labels.filter((l) => l.def);
  return [
    '[labels]',
    ...named.map((l) => `${toFileName(l.id)} | ${l.def!.name.zh} | ${l.def!.name.en} | ${l.def!.glyph}`),
    '',
    '[drawing]',
    ...named.filter((l) => /^#[0-9a-f]{3,6}$/i.test(l.def!.color)).map((l) => `${toFileName(l.id)}\tbgColor:${l.def!.color}`),
    '',
  ].join('\n');
}
