import { letterSpaced, type Line } from './lines.ts';
import type { Glyph } from './page-glyphs.ts';

/**
 * A piece of a block's text and the glyphs it was read from: one glyph's character, a table of
 * contents' dot leader (one "……" for all its dots), or a separator the reader inserted (a
 * space between words, a tab between cells) with no glyphs.
 */
export interface Piece {
  text: string;
  glyphs: readonly Glyph[];
}

const LATIN_END = /[A-Za-z0-9,.;:!?%)\]'"’”]$/;
const LATIN_START = /^[A-Za-z0-9(['"‘“]/;

/** What goes between the end of one line and the start of the next when they are one paragraph. */
export function lineJoin(prev: string, next: string): string {
  // Chinese is written without spaces, and a hyphen at a line end was typed there (市级-区级).
  if (prev.endsWith('-')) return '';
  return LATIN_END.test(prev) && LATIN_START.test(next) ? ' ' : '';
}

/** The text of lines read as one block: glyphs in order, a space between fragments, lines joined. */
export function composeLines(lines: readonly Line[]): Piece[] {
  const pieces: Piece[] = [];
  let last = '';
  for (const line of lines) {
    const spaced = letterSpaced(line);
    line.fragments.forEach((f, j) => {
      f.glyphs.forEach((g, k) => {
        const text = g.space ? ' ' : g.text;
        if (k === 0) {
          if (j > 0 && !spaced) pieces.push({ text: ' ', glyphs: [] });
          else if (pieces.length) {
            const sep = lineJoin(last, text);
            if (sep) pieces.push({ text: sep, glyphs: [] });
          }
        }
        pieces.push({ text, glyphs: [g] });
        last = text;
      });
    });
  }
  return pieces;
}

const LEADER_CHAR = /^[.．。…·⋯‧_\-—–\s]$/u;

/**
 * A table-of-contents entry ends in a dot leader and a page number ("title....12"), or in a page
 * number set apart at the right. The leader becomes one "……" (what the loader's TOC reader and a
 * person expect), mapped to all the dots it replaces.
 */
export function normaliseLeader(pieces: Piece[]): Piece[] {
  let end = pieces.length;
  while (end > 0 && /^\s$/.test(pieces[end - 1]!.text)) end--;
  let digits = end;
  while (digits > 0 && /^\d$/.test(pieces[digits - 1]!.text)) digits--;
  if (digits === end || end - digits > 4) return pieces;
  let lead = digits;
  let dots = 0;
  while (lead > 0 && LEADER_CHAR.test(pieces[lead - 1]!.text)) {
    if (!/^\s$/.test(pieces[lead - 1]!.text)) dots++;
    lead--;
  }
  if (dots < 3 || lead === 0) return pieces;
  const leader: Piece = { text: '……', glyphs: pieces.slice(lead, digits).flatMap((p) => p.glyphs) };
  return [...pieces.slice(0, lead), leader, ...pieces.slice(digits, end)];
}

/** The line's text ends in a dot leader and a page number. */
export function endsWithLeader(text: string): boolean {
  return /[.．。…·⋯‧_]{3,}\s*\d{1,4}\s*$/u.test(text);
}
