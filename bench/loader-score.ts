/**
 * Scoring one loaded document against its expected outline. Cases are matched by their body
 * text, never by position: each expected case carries probes (short keys of its body, unique in
 * the file), and a loaded case that holds most of an expected case's probes, and whose probes
 * mostly come from that case, is that case with both its boundaries right.
 */
import { textKey, type Expected, type ExpectedCase } from '../fixtures/loader/expected.ts';
import type { LoadedCase, LoadedDocument } from '../shared/model/document.ts';

/** Share of an expected case's found probes one loaded case must hold, and of a loaded case's probes that must be the case's. */
export const MATCH_SHARE = 0.8;
/** Below this share of titles right, an input's outline is wrong. */
export const TITLES_RIGHT_FOR_OUTLINE = 0.9;
export const CONFIDENT = 0.7;

export interface CaseResult {
  expected: ExpectedCase;
  /** The loaded case holding most of this case's text, if any. */
  owner: LoadedCase | null;
  /** Both boundaries right: the owner holds this case and nothing else to speak of. */
  matched: boolean;
  titleRight: boolean;
  regionRight: boolean | null;
  partRight: boolean | null;
  lessonsFound: boolean | null;
}

export interface InputScore {
  expectedCases: number;
  loadedCases: number;
  exactCount: boolean;
  /** Loaded cases matched one to one with an expected case. */
  matched: number;
  titlesRight: number;
  regionsRight: number;
  regionsChecked: number;
  partsRight: number;
  partsChecked: number;
  lessonsExpected: number;
  lessonsFound: number;
  /** Cases with no lessons section loaded with one (cases whose boundaries are right). */
  lessonsFalse: number;
  /** Loaded cases that hold no case's text at all (a table of contents, a preface, a fragment). */
  strayCases: number;
  /** Wrong outline: another number of cases, or fewer than 90% of the titles right. */
  wrong: boolean;
  /** Warnings of severity 'warning' (absent severity counts as 'warning'). */
  warnings: number;
  confidence: number;
  /** Wrong, with no warning and a confident loader: a reviewer would not notice. */
  silent: boolean;
  cases: CaseResult[];
}

const isWarning = (w: LoadedDocument['warnings'][number]) => (w.severity ?? 'warning') === 'warning';

/** The sections at the case's top level (the smallest level it has). */
export function topSections(c: LoadedCase): LoadedCase['sections'] {
  if (!c.sections.length) return [];
  const top = Math.min(...c.sections.map((s) => s.level));
  return c.sections.filter((s) => s.level === top);
}

export function scoreDocument(expected: Expected, doc: LoadedDocument): InputScore {
  const loadedKeys = doc.cases.map((c) => textKey(c.text));
  const holderOf = (probe: string) => loadedKeys.findIndex((k) => k.includes(probe));
  // held[l][e]: probes of expected case e found in loaded case l; the last column is text outside the cases.
  const outside = expected.cases.length;
  const held = doc.cases.map(() => Array.from({ length: outside + 1 }, () => 0));
  const found = expected.cases.map(() => 0);
  expected.cases.forEach((e, i) => {
    for (const p of e.probes) {
      const l = holderOf(p);
      if (l >= 0) {
        held[l]![i]!++;
        found[i]!++;
      }
    }
  });
  for (const p of expected.outsideProbes) {
    const l = holderOf(p);
    if (l >= 0) held[l]![outside]!++;
  }
  const heldTotal = held.map((row) => row.reduce((s, x) => s + x, 0));
  const titleKeys = doc.cases.map((c) => textKey(c.title));

  const cases: CaseResult[] = expected.cases.map((e, i) => {
    let owner = -1;
    if (found[i]! > 0) {
      for (let l = 0; l < held.length; l++) if (owner < 0 || held[l]![i]! > held[owner]![i]!) owner = l;
    } else owner = titleKeys.indexOf(textKey(e.title)); // a case too short for probes: found by its title
    const c = owner >= 0 ? doc.cases[owner]! : null;
    const enoughFound = found[i]! >= Math.max(1, Math.ceil(e.probes.length / 2));
    const matched =
      owner >= 0 && (e.probes.length === 0 ? heldTotal[owner] === 0 : enoughFound && held[owner]![i]! >= MATCH_SHARE * found[i]! && held[owner]![i]! >= MATCH_SHARE * heldTotal[owner]!);
    const top = c ? topSections(c) : [];
    return {
      expected: e,
      owner: c,
      matched,
      titleRight: c !== null && textKey(c.title) === textKey(e.title),
      regionRight: e.region === undefined ? null : c !== null && (c.region ?? null) === e.region,
      partRight: e.part === undefined ? null : c !== null && (c.part ?? null) === e.part,
      lessonsFound: e.hasLessons ? top.some((s) => s.kinds.includes('lessons')) : null,
    };
  });

  let lessonsFalse = 0;
  const owners = new Set(cases.filter((r) => r.matched).map((r) => r.owner));
  // Counted on cases whose boundaries are right: a merged case's lessons are another case's, not a misreading.
  for (const r of cases) if (!r.expected.hasLessons && r.matched && topSections(r.owner!).some((s) => s.kinds.includes('lessons'))) lessonsFalse++;
  const count = (f: (r: CaseResult) => boolean | null) => cases.filter((r) => f(r) === true).length;
  const checked = (f: (r: CaseResult) => boolean | null) => cases.filter((r) => f(r) !== null).length;
  const titlesRight = count((r) => r.titleRight);
  const exactCount = doc.cases.length === expected.cases.length;
  const wrong = !exactCount || titlesRight < TITLES_RIGHT_FOR_OUTLINE * expected.cases.length;
  const warnings = doc.warnings.filter(isWarning).length;
  return {
    expectedCases: expected.cases.length,
    loadedCases: doc.cases.length,
    exactCount,
    matched: owners.size,
    titlesRight,
    regionsRight: count((r) => r.regionRight),
    regionsChecked: checked((r) => r.regionRight),
    partsRight: count((r) => r.partRight),
    partsChecked: checked((r) => r.partRight),
    lessonsExpected: checked((r) => r.lessonsFound),
    lessonsFound: count((r) => r.lessonsFound),
    lessonsFalse,
    strayCases: held.filter((row, l) => row.slice(0, outside).every((x) => x === 0) && !cases.some((r) => r.owner === doc.cases[l])).length,
    wrong,
    warnings,
    confidence: doc.confidence,
    silent: wrong && warnings === 0 && doc.confidence >= CONFIDENT,
    cases,
  };
}
