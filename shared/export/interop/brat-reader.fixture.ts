import { pythonSplitlines } from './python-lines.fixture.ts';

/**
 * A brat-style reader of a standoff .ann file beside its .txt, as brat's server checks one
 * (annotation.py): the file is read line by line as Python reads lines; every line is a
 * text-bound annotation "T1<tab>Type start end[;start end…]<tab>text", a note
 * "#1<tab>AnnotatorNotes T1<tab>note", or another kind brat knows (R, E, A, M, N, *), else it is
 * an error; offsets count characters (code points) of the .txt; the text after the offsets must
 * be the fragments' text joined by one space (brat's DISCONT_SEP).
 */
export interface BratSpan {
  id: string;
  type: string;
  /** Fragments in code points, as written. */
  fragments: [number, number][];
  text: string;
}

export interface BratRead {
  spans: BratSpan[];
  notes: { id: string; target: string; note: string }[];
  errors: string[];
}

export function readBratAnn(ann: string, txt: string): BratRead {
  const chars = Array.from(txt);
  const out: BratRead = { spans: [], notes: [], errors: [] };
  pythonSplitlines(ann).forEach((raw, i) => {
    const line = raw.replace(/\s+$/u, '');
    if (line === '') return;
    const where = `line ${i + 1}`;
    const tab = line.indexOf('\t');
    if (tab < 0) {
      out.errors.push(`${where}: no tab after the id: ${JSON.stringify(line)}`);
      return;
    }
    const id = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    if (/^T\d+$/.test(id)) {
      const tab2 = rest.indexOf('\t');
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(tab2 < 0 ? rest : rest.slice(0, tab2));
      if (!m || tab2 < 0) {
        out.errors.push(`${where}: malformed text-bound annotation ${JSON.stringify(line)}`);
        return;
      }
      const fragments = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      if (fragments.some(([s, e]) => s > e || e > chars.length)) {
        out.errors.push(`${where}: ${id} has offsets outside the text`);
        return;
      }
      const expected = fragments.map(([s, e]) => chars.slice(s, e).join('')).join(' ');
      const text = rest.slice(tab2 + 1);
      if (text !== expected) out.errors.push(`${where}: ${id} text ${JSON.stringify(text)} does not match marked span(s) ${JSON.stringify(expected)}`);
      else out.spans.push({ id, type: m[1]!, fragments, text });
    } else if (/^#\d+$/.test(id)) {
      const m = /^AnnotatorNotes (T\d+)\t(.*)$/s.exec(rest);
      if (!m) out.errors.push(`${where}: malformed note ${JSON.stringify(line)}`);
      else out.notes.push({ id, target: m[1]!, note: m[2]! });
    } else if (!/^[REAMN*]\d*$/.test(id)) {
      out.errors.push(`${where}: not an annotation line: ${JSON.stringify(line)}`);
    }
  });
  for (const n of out.notes) if (!out.spans.some((s) => s.id === n.target)) out.errors.push(`${n.id}: note on ${n.target}, which is not here`);
  return out;
}
