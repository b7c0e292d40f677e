import type { BlockCues } from './block-heading.ts';
import { namesPart } from '../cues.ts';
import { parseNumbering } from '../numbering.ts';
import { titleKey } from '../shapes/title-locator.ts';
import { cycleStarts, kindRank, sectionLevel, type SectionHeadingRef } from './section-cycles.ts';

/** Why a block was taken to start a case: the evidence, kept for the confidence and the warnings. */
export type StartEvidence = 'marker' | 'attribution' | 'dateline' | 'class' | 'cycle' | 'toc';

export interface CaseStart {
  /** Index of the case's first block (its marker or title). */
  index: number;
  evidence: StartEvidence;
  /** No title was found before the case's first section: the case starts at its first heading. */
  untitled?: boolean;
}

export interface StartsFound {
  starts: CaseStart[];
  /** The heading class of section names (工作背景 …), or null. */
  sectionCls: string | null;
  /** The heading class chosen as the case level, when one was. */
  caseCls: string | null;
  /** Blocks that repeat word for word (promotion lines, running heads): never titles. */
  boilerplate: ReadonlySet<number>;
}

const TITLE_CLASSES = /^(?:plain|plain:b|h\d|n:.+|marker|field|bracket)$/;

/**
 * Find where cases start, from every signal at once: case markers of any wording, titles followed
 * by an attribution or a dateline, the heading class whose headings each own a cycle of sections,
 * and the points where the section cycle starts again. Each signal alone fails on some layout;
 * together they agree on the layouts this field uses, and where they do not, the segmenter takes
 * the union and the diagnostics say where a case looks merged or split.
 */
export function findCaseStarts(cues: readonly BlockCues[], texts: readonly string[]): StartsFound {
  const boilerplate = repeatedLines(cues, texts);
  const section = sectionLevel(cues, new Set(['marker']));
  const sectionCls = section?.cls ?? null;
  const starts = new Map<number, CaseStart>();
  const add = (index: number, evidence: StartEvidence, untitled = false) => {
    if (!starts.has(index)) starts.set(index, { index, evidence, ...(untitled ? { untitled } : {}) });
  };

  // Headings of the section class are the cases' own headings, never their titles, unless that
  // class is just short plain lines (sections named without numbering, titles alike).
  const sectionStyled = sectionCls !== null && !sectionCls.startsWith('plain');
  const titleLike = (i: number) => {
    const h = cues[i]?.heading;
    return !!h && !h.kinds && !(sectionStyled && h.cls === sectionCls) && TITLE_CLASSES.test(h.cls) && !boilerplate.has(i);
  };

  // Markers: "案例1", "典型案例01｜…", "第二批……典型经验案例三".
  cues.forEach((c, i) => {
    if (c.heading?.cls === 'marker') add(i, 'marker');
  });
  const afterMarker = (i: number) => {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) if (cues[j]!.heading?.cls === 'marker') return true;
    return false;
  };

  // A title followed by who it is from ("——鹤壁市", "来源：…") or by a news dateline.
  cues.forEach((c, i) => {
    if (!(c.attribution || c.dateline) || i === 0) return;
    let t = i - 1;
    if (cues[t]?.subtitle && t > 0) t--;
    if (!titleLike(t)) return;
    // A title wrapped over two short blocks.
    while (t > 0 && titleLike(t - 1) && cues[t - 1]!.heading!.cls.startsWith('plain') && wrapsInto(texts[t - 1]!, texts[t]!)) t--;
    if (!afterMarker(t)) add(t, c.attribution ? 'attribution' : 'dateline');
  });

  // Cases signed at their end ("——鹤壁市" after the text): the title after each signature starts
  // a case, and so does the first signed case's title. Only where the layout repeats.
  const signed = signedCaseTitles(cues, titleLike);
  for (const t of signed) if (!afterMarker(t)) add(t, 'attribution');

  // A list of the cases (a table of contents without page numbers, an attachment's list):
  // each entry found again later as a heading starts a case.
  for (const i of listedTitles(cues, texts)) if (!afterMarker(i)) add(i, 'toc');

  // The case level: a heading class whose headings each own a cycle of sections.
  const caseCls = section ? caseClass(cues, section.cls, section.headings, boilerplate) : null;
  if (caseCls) {
    // A heading of the class before its first confirmed one is the document's own (its title),
    // unless what it heads is numbered like a case (一、二、… in the section style: a case told
    // under narrative headings).
    const firstConfirmed = Math.min(...caseCls.confirmed);
    const at = cues.flatMap((c, i) => (c.heading?.cls === caseCls.cls && !c.heading.kinds ? [i] : []));
    // A case with no sections of its own between two confirmed ones is one too when the cases'
    // numbering says so (3．… 4．… 5．…), though the class is also used for points inside cases.
    const confirmedAt = [...caseCls.confirmed].sort((a, b) => a - b);
    const value = (i: number) => cues[i]!.heading!.value;
    /** The values of the confirmed headings just before and after block i (undefined: none there). */
    const around = (i: number) => {
      const k = confirmedAt.findIndex((c) => c > i);
      const prev = k === -1 ? confirmedAt.at(-1) : confirmedAt[k - 1];
      const next = k === -1 ? undefined : confirmedAt[k];
      return { prev: prev === undefined ? undefined : value(prev), next: next === undefined ? undefined : value(next) };
    };
    // A case with no sections of its own between two confirmed ones is one too when the cases'
    // numbering says so (3．… 4．… 5．…), though the class is also used for points inside cases.
    const numberedBetween = (i: number) => {
      const v = value(i);
      const { prev, next } = around(i);
      return v !== null && prev != null && prev + 1 === v && next === v + 1;
    };
    // A class that stands over the case class wherever it stands (第三章 over 第一节): a part,
    // under which the cases' numbering starts again. Worked out once a class.
    const overCasesByClass = new Map<string, boolean>();
    const overCases = (cls: string) => {
      let over = overCasesByClass.get(cls);
      if (over === undefined) {
        const of = cues.flatMap((c, j) => (c.heading?.cls === cls ? [j] : []));
        over = of.length >= 2 && of.filter((j) => cues[j + 1]?.heading?.cls === caseCls.cls).length >= of.length * 0.8;
        overCasesByClass.set(cls, over);
      }
      return over;
    };
    const underPart = (i: number) => {
      const h = cues[i - 1]?.heading;
      return !!h && !h.kinds && h.cls !== caseCls.cls && h.cls !== section!.cls && overCases(h.cls);
    };
    // Taking the class whole: a numbered heading that breaks the cases' numbering (a "2." point
    // inside case 1, before case "2．") is a point of a case, not a case.
    const fitsNumbering = (i: number) => {
      const v = value(i);
      if (v === null || (v === 1 && underPart(i))) return true;
      const { prev, next } = around(i);
      return (prev == null || prev + 1 === v) && (next == null || next === v + 1);
    };
    at.forEach((i, k) => {
      const whole = caseCls.all && (i >= firstConfirmed || numberedLikeACase(cues, i, at[k + 1] ?? cues.length, section!.cls)) && fitsNumbering(i);
      const confirmed = caseCls.confirmed.has(i) || whole || numberedBetween(i);
      if (confirmed && !afterMarker(i)) add(i, 'class');
    });
  }

  // No sections anywhere: a class of headings each over a paragraph of text is a list of cases
  // ("1．甲市：……" then its paragraph), as headlines are on a news page.
  if (!section) for (const i of headlineStarts(cues, texts, boilerplate)) if (!afterMarker(i)) add(i, 'class');

  // Where the cycle of sections starts again, the title is just before the new cycle.
  if (section) {
    const cycles = cycleStarts(section.headings);
    cycles.forEach(({ at: k, by }, n) => {
      const first = section.headings[k]!.index;
      const lower = n === 0 ? -1 : section.headings[k - 1]!.index;
      if ([...starts.keys()].some((s) => s > lower && s <= first)) return;
      // A case that opens with a few paragraphs before its first section: its title further up
      // counts when it is of the class the other cases' titles are (“4．上海市：……” among 3．, 5．).
      const titleClasses = new Set([...starts.keys()].map((s) => cues[s]!.heading?.cls).filter((c) => c && c !== 'marker' && !c.startsWith('plain')));
      let title = titleBefore(cues, texts, first, lower, titleLike);
      if (title === null) {
        const further = titleBefore(cues, texts, first, lower, titleLike, 6);
        if (further !== null && titleClasses.has(cues[further]!.heading?.cls)) title = further;
      }
      // The first cycle needs a title to start a case: text before it may simply be front matter.
      // A numbering that starts over with no title before it is a list of points, not a case.
      if (title !== null) add(title, 'cycle');
      else if (n > 0 && by === 'kind') add(first, 'cycle', true);
    });
  }

  const sorted = [...starts.values()].sort((a, b) => a.index - b.index);
  return { starts: sorted, sectionCls, caseCls: caseCls?.cls ?? null, boilerplate };
}

/**
 * Titles of cases that end with who they are from: a title over text, the text, then an
 * attribution; the next title follows the attribution. Empty unless two signatures or more
 * stand so.
 */
function signedCaseTitles(cues: readonly BlockCues[], titleLike: (i: number) => boolean): number[] {
  const opensCase = (t: number) => titleLike(t) && !!(cues[t + 1]?.body || cues[t + 1]?.heading?.kinds);
  const signatures: number[] = [];
  cues.forEach((c, i) => {
    if (c.attribution && i > 0 && cues[i - 1]!.body) signatures.push(i);
  });
  const titles = signatures.filter((i) => opensCase(i + 1)).map((i) => i + 1);
  if (titles.length < 2) return [];
  // The first signed case's title: the nearest title over text before its signature.
  for (let t = signatures[0]! - 1; t >= 0; t--) {
    if (cues[t]!.attribution) break;
    if (opensCase(t)) {
      titles.unshift(t);
      break;
    }
  }
  return titles;
}

/**
 * Headings of one class (numbered, styled or marked; not plain lines, which the newspaper reading
 * judges) of which at least three, and nearly all, stand over a paragraph of text.
 */
function headlineStarts(cues: readonly BlockCues[], texts: readonly string[], boilerplate: ReadonlySet<number>): number[] {
  const byClass = new Map<string, number[]>();
  cues.forEach((c, i) => {
    const h = c.heading;
    if (!h || h.kinds || h.cls.startsWith('plain') || h.cls === 'marker' || boilerplate.has(i)) return;
    (byClass.get(h.cls) ?? byClass.set(h.cls, []).get(h.cls)!).push(i);
  });
  let best: number[] = [];
  for (const at of byClass.values()) {
    const over = at.filter((i) => cues[i + 1]?.body && (texts[i + 1]?.length ?? 0) > 40);
    if (over.length >= 3 && over.length >= at.length * 0.8 && over.length > best.length) best = at;
  }
  return best;
}

/** Headings of the section style numbered from 1 under a heading, with no list among them. */
function numberedLikeACase(cues: readonly BlockCues[], from: number, to: number, sectionCls: string): boolean {
  const values: number[] = [];
  for (let i = from + 1; i < to; i++) {
    const h = cues[i]!.heading;
    if (h?.cls === sectionCls && h.value !== null) values.push(h.value);
  }
  return values.length >= 2 && values[0] === 1 && values[1] === 2;
}

/**
 * The heading class that is the case level: each of its headings is followed, before the next
 * one, by section names of the section class (or by an attribution). `all` when nearly every
 * heading of the class is confirmed, so the few cases without sections are taken too.
 */
function caseClass(cues: readonly BlockCues[], sectionCls: string, sections: readonly SectionHeadingRef[], boilerplate: ReadonlySet<number>): { cls: string; confirmed: Set<number>; all: boolean } | null {
  const byClass = new Map<string, number[]>();
  cues.forEach((c, i) => {
    const h = c.heading;
    if (!h || h.cls === sectionCls || h.cls === 'marker' || h.cls.startsWith('plain') || boilerplate.has(i)) return;
    (byClass.get(h.cls) ?? byClass.set(h.cls, []).get(h.cls)!).push(i);
  });
  let best: { cls: string; confirmed: Set<number>; all: boolean; score: number } | null = null;
  for (const [cls, at] of byClass) {
    if (at.length < 2) continue;
    const named = at.filter((i) => cues[i]!.heading!.kinds).length;
    if (named / at.length > 0.3) continue; // a class of section names is not the case level
    const confirmed = new Set<number>();
    at.forEach((i, k) => {
      const end = at[k + 1] ?? cues.length;
      const inside = sections.filter((s) => s.index > i && s.index < end && s.kinds);
      const kinds = new Set(inside.flatMap((s) => s.kinds ?? []));
      // The sections are this heading's own only when no other heading stands between them
      // (a part heading over a case heading over its sections confirms the case, not the part).
      const own = inside.length > 0 && !cues.slice(i + 1, inside[0]!.index).some((c) => c.heading && c.heading.cls !== 'marker');
      // And they open a case: its first section comes first in a case (背景 or 做法, numbered 1),
      // not the 三、成效 a subheading of the case before leads into.
      const opens = inside.length > 0 && (inside[0]!.value === null || inside[0]!.value <= 1) && kindRank(inside[0]!.kinds ?? []) <= 2;
      if ((kinds.size >= 2 && own && opens) || cues[i + 1]?.attribution) confirmed.add(i);
    });
    if (confirmed.size < 2) continue;
    const score = confirmed.size / at.length;
    if (score < 0.4) continue;
    if (!best || confirmed.size > best.confirmed.size || (confirmed.size === best.confirmed.size && score > best.score)) best = { cls, confirmed, all: score >= 0.75, score };
  }
  return best && { cls: best.cls, confirmed: best.confirmed, all: best.all };
}

/**
 * The title of a case whose first section heading is at `first`: the nearest title-like block
 * before it, over the case's attribution and at most two opening paragraphs, extended back over a
 * title wrapped into several blocks and a reporting-unit line. Null when there is none after `lower`.
 */
function titleBefore(cues: readonly BlockCues[], texts: readonly string[], first: number, lower: number, titleLike: (i: number) => boolean, maxOpening = 2): number | null {
  let bodySkipped = 0;
  for (let j = first - 1; j > lower; j--) {
    const c = cues[j]!;
    if (c.attribution || c.dateline || c.subtitle) continue;
    if (titleLike(j)) {
      let t = j;
      while (t - 1 > lower && titleLike(t - 1) && cues[t - 1]!.heading!.cls === cues[j]!.heading!.cls && wrapsInto(texts[t - 1]!, texts[t]!)) t--;
      if (t - 1 > lower && cues[t - 1]!.heading?.cls === 'marker') t--;
      return t;
    }
    if (c.heading) return null; // another heading of the case before: no title of its own here
    if (++bodySkipped > maxOpening) return null;
  }
  return null;
}

/**
 * Short blocks that stand word for word more than once, spread through the text: promotion lines,
 * running heads, "往期推荐". A copy in a list (a table of contents: three or more headings in a
 * row) does not count: a title is listed once and stands once in the body.
 */
function repeatedLines(cues: readonly BlockCues[], texts: readonly string[]): Set<number> {
  const listed = listRuns(cues);
  const seen = new Map<string, number[]>();
  texts.forEach((t, i) => {
    if (t.length > 40 || !cues[i]!.heading || cues[i]!.heading!.kinds || cues[i]!.heading!.cls === 'marker' || listed.has(i)) return;
    const key = t.replace(/\s+/g, '');
    (seen.get(key) ?? seen.set(key, []).get(key)!).push(i);
  });
  const out = new Set<number>();
  for (const at of seen.values()) if (at.length >= 2) for (const i of at) out.add(i);
  return out;
}

/**
 * Headings after a list that repeat its entries: the list's titles standing in the body. An
 * entry matches a heading with the same words, with or without its number or region ("1．",
 * "上海市：").
 */
function listedTitles(cues: readonly BlockCues[], texts: readonly string[]): number[] {
  const runs = listRuns(cues);
  if (!runs.size) return [];
  // Each entry, by its keys, with where its list ends: a title stands after its own list.
  const entries = new Map<string, { at: number; end: number }>();
  const members = [...runs].sort((a, b) => a - b);
  let end = -1;
  for (let k = members.length - 1; k >= 0; k--) {
    const i = members[k]!;
    if (!runs.has(i + 1)) end = i;
    // Entries that name parts ("一、重点人群篇") list parts, not cases.
    if (namesPart(cues[i]!.heading!.text)) continue;
    for (const key of entryKeys(texts[i]!)) if (key.length >= 6) entries.set(key, { at: i, end }); // the earliest list wins
  }
  const out: number[] = [];
  const used = new Set<number>();
  for (let i = members[0]! + 1; i < cues.length; i++) {
    if (runs.has(i) || !cues[i]!.heading || cues[i]!.heading!.kinds) continue;
    const entry = entryKeys(texts[i]!).map((k) => entries.get(k)).find((e) => e !== undefined && e.end < i && !used.has(e.at));
    if (entry) {
      used.add(entry.at);
      out.push(i);
    }
  }
  return out.length >= 2 ? out : [];
}

/** The title's words, without its number, and without its region prefix ("上海市：…"). */
function entryKeys(text: string): string[] {
  const n = parseNumbering(text);
  const words = n ? text.slice(n.marker.length) : text;
  const keys = [titleKey(words)];
  const colon = /^[^：:]{2,16}[：:]\s*(.+)$/.exec(words.trim());
  if (colon) keys.push(titleKey(colon[1]!));
  return keys;
}

/** Blocks in runs of three or more headings with no text between them: lists and tables of contents. */
export function listRuns(cues: readonly BlockCues[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= 3) for (const i of run) out.add(i);
    run = [];
  };
  let seen = new Set<string>();
  cues.forEach((c, i) => {
    if (!c.heading || c.heading.kinds) {
      close();
      seen = new Set();
      return;
    }
    // A heading that repeats one of the run is the body beginning right after the list (a part
    // divider, then the first case's title): the list ends before it.
    const key = c.heading.text.replace(/\s+/g, '');
    if (seen.has(key)) {
      close();
      seen = new Set();
      // A part heading just before (健康影响因素篇 over the first case's title) begins the body too.
      const prev = i - 1;
      if (out.has(prev) && cues[prev]!.heading && namesPart(cues[prev]!.heading!.text)) out.delete(prev);
    }
    seen.add(key);
    run.push(i);
  });
  close();
  return out;
}

/**
 * A title wrapped over two blocks: its first line runs clearly longer than the next (or stops on
 * a word no title ends with), and the two make a title's length. A series name or a document's
 * title over a case title ("基层传真", "……案例汇编") is no longer than it.
 */
export function wrapsInto(first: string, next: string): boolean {
  if (first.length < 8 || first.length + next.length > 80) return false;
  // The first line of a wrapped title runs clearly longer, or stops where no title ends.
  return first.length >= next.length * 1.3 || /[的和与及、“《（(]$/.test(first);
}
