import { diffArrays, diffChars, type Change } from 'diff';
import { alignSegments } from './segment-align.ts';
import { SEGMENT_LEVELS, splitAfter } from './segments.ts';
import { StepMap, type ChangedRange } from './step-map.ts';

/**
 * The position map from one revision of a case text to the next.
 *
 * A character diff of a whole case is too slow (Myers is O(N·D): hundreds of milliseconds for a
 * 10,000-character case with a few hundred typo fixes), so the diff works in levels. The common
 * prefix and suffix are trimmed; the rest is diffed paragraph by paragraph; changed paragraphs
 * are paired with their new versions (segment-align.ts) and each pair is diffed sentence by
 * sentence, then clause by clause. A pair that differs by a few edits is diffed character by
 * character at once, and so is a pair of clauses.
 * When a character diff would cost too much (edit script too long, or time budget spent) its
 * stretch is marked replaced wholesale and `complete` is false: positions in it are then unknown,
 * and the re-anchorer falls back to finding quotes by their text.
 */

export interface DiffOptions {
  /** Time budget for the whole diff, in ms; stretches still undiffed when it runs out are replaced wholesale. Default 200. */
  timeoutMs?: number;
  /**
   * Longest edit script (in code points) to look for in one pair of segments. Default: half the
   * pair's size, since a pair that differs more than that is better treated as rewritten.
   */
  maxEditLength?: number;
}

export interface TextDiff {
  map: StepMap;
  /** False when some stretch was replaced wholesale because its character diff was given up. */
  complete: boolean;
}

const DEFAULT_TIMEOUT_MS = 200;
/** Edits a character diff looks for (at most a quarter of the pair's size) before the pair is cut into smaller segments instead. */
const QUICK_EDIT_LENGTH = 32;

export function diffTexts(oldText: string, newText: string, opts: DiffOptions = {}): TextDiff {
  if (oldText === newText) return { map: StepMap.empty, complete: true };
  // The trimmed prefix and suffix end and start at paragraph boundaries: a deleted paragraph
  // "（一）…\n" before one that also starts with "（" must be diffed as that paragraph, not as
  // "一）…\n（" slid one character along. (Cutting after a "\n" never splits a surrogate pair.)
  const prefix = paragraphStartAtOrBefore(oldText, commonPrefix(oldText, newText));
  const suffix = oldText.length - paragraphStartAtOrAfter(oldText, oldText.length - commonSuffix(oldText, newText, prefix));
  const diff = new LevelledDiff(opts);
  diff.diffLevel(oldText.slice(prefix, oldText.length - suffix), newText.slice(prefix, newText.length - suffix), prefix, 0);
  return { map: new StepMap(diff.ranges), complete: diff.complete };
}

class LevelledDiff {
  readonly ranges: ChangedRange[] = [];
  complete = true;
  private readonly deadline: number;

  constructor(private readonly opts: DiffOptions) {
    this.deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  /**
   * Diffs `oldPart` (at `oldPos` of the old text) against its new version, cutting it at `level`
   * and below. `quick` says whether a quick character diff is still worth trying.
   */
  diffLevel(oldPart: string, newPart: string, oldPos: number, level: number, quick = true): void {
    if (!oldPart || !newPart) return this.replace(oldPos, oldPart.length, newPart.length);
    if (level >= SEGMENT_LEVELS.length) return this.diffCharacters(oldPart, newPart, oldPos);
    // Few changes: a character diff is cheap, and pairing segments would cost more than it saves.
    if (quick && this.tryQuick(oldPart, newPart, oldPos)) return;
    const marks = SEGMENT_LEVELS[level]!;
    const oldSegs = splitAfter(oldPart, marks);
    const newSegs = splitAfter(newPart, marks);
    if (oldSegs.length === 1 && newSegs.length === 1) return this.diffLevel(oldPart, newPart, oldPos, level + 1, false);
    const changes = diffArrays(oldSegs, newSegs, { timeout: this.remaining() });
    if (!changes) {
      this.complete = false;
      return this.replace(oldPos, oldPart.length, newPart.length);
    }
    let removed: string[] = [];
    let added: string[] = [];
    const flush = () => {
      if (removed.length || added.length) oldPos = this.diffHunk(removed, added, oldPos, level);
      removed = [];
      added = [];
    };
    for (const c of changes) {
      if (c.removed) removed.push(...c.value);
      else if (c.added) added.push(...c.value);
      else {
        flush();
        for (const seg of c.value) oldPos += seg.length;
      }
    }
    flush();
  }

  /** A run of changed segments: pair them up and diff each pair a level down. Returns the old position after the run. */
  private diffHunk(removed: readonly string[], added: readonly string[], oldPos: number, level: number): number {
    let ri = 0;
    let ai = 0;
    // Typo fixes all over a case change every paragraph but pair them in order: while the pair
    // in order differs by a few edits, take it without the cost of aligning.
    while (ri < removed.length && ai < added.length && this.tryQuick(removed[ri]!, added[ai]!, oldPos)) {
      oldPos += removed[ri++]!.length;
      ai++;
    }
    // Segments with no counterpart gather into one replaced range until the next pair.
    let pendingOld = 0;
    let pendingNew = 0;
    for (const g of alignSegments(removed.slice(ri), added.slice(ai))) {
      const oldPart = removed.slice(ri, ri + g.removed).join('');
      const newPart = added.slice(ai, ai + g.added).join('');
      ri += g.removed;
      ai += g.added;
      if (!g.similar) {
        pendingOld += oldPart.length;
        pendingNew += newPart.length;
        continue;
      }
      this.replace(oldPos, pendingOld, pendingNew);
      oldPos += pendingOld;
      pendingOld = pendingNew = 0;
      this.diffLevel(oldPart, newPart, oldPos, level + 1);
      oldPos += oldPart.length;
    }
    this.replace(oldPos, pendingOld, pendingNew);
    return oldPos + pendingOld;
  }

  private diffCharacters(oldPart: string, newPart: string, oldPos: number): void {
    const maxEditLength = this.opts.maxEditLength ?? Math.ceil((oldPart.length + newPart.length) / 2);
    if (!this.tryCharacters(oldPart, newPart, oldPos, maxEditLength)) {
      this.complete = false;
      this.replace(oldPos, oldPart.length, newPart.length);
    }
  }

  /** A character diff that succeeds only if the two differ by a few edits (and by a quarter of their size at most). */
  private tryQuick(oldPart: string, newPart: string, oldPos: number): boolean {
    const maxEditLength = Math.min(QUICK_EDIT_LENGTH, Math.floor((oldPart.length + newPart.length) / 4), this.opts.maxEditLength ?? Number.POSITIVE_INFINITY);
    return this.tryCharacters(oldPart, newPart, oldPos, maxEditLength);
  }

  /** A character diff looking for at most `maxEditLength` edits; false (and nothing recorded) when it gives up. */
  private tryCharacters(oldPart: string, newPart: string, oldPos: number, maxEditLength: number): boolean {
    const remaining = this.remaining();
    const changes: Change[] | undefined = remaining > 0 ? diffChars(oldPart, newPart, { maxEditLength, timeout: remaining }) : undefined;
    if (!changes) return false;
    // diffChars tokenises by code point; .value.length gives the UTF-16 size.
    let delOld = 0;
    let insNew = 0;
    for (const c of changes) {
      if (c.removed) delOld += c.value.length;
      else if (c.added) insNew += c.value.length;
      else {
        this.replace(oldPos, delOld, insNew);
        oldPos += delOld + c.value.length;
        delOld = insNew = 0;
      }
    }
    this.replace(oldPos, delOld, insNew);
    return true;
  }

  private replace(oldStart: number, oldSize: number, newSize: number): void {
    if (oldSize || newSize) this.ranges.push({ oldStart, oldSize, newSize });
  }

  private remaining(): number {
    return Math.max(0, this.deadline - Date.now());
  }
}

/** The start of the paragraph holding `pos` (just after the "\n" before it, or 0). */
function paragraphStartAtOrBefore(text: string, pos: number): number {
  return pos === 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
}

/** The first paragraph start at or after `pos` (just after a "\n", or the end of the text). */
function paragraphStartAtOrAfter(text: string, pos: number): number {
  if (pos === 0 || text.charCodeAt(pos - 1) === 10) return pos;
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the common suffix that does not overlap the prefix. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
