import type { LoadedCase, Warning } from '../model/document.ts';
import type { OutlineChoice } from './segment/choose-outline.ts';
import { titleKey } from './shapes/title-locator.ts';
import type { TableOfContents } from './toc.ts';

/**
 * What a reviewer should check in an outline, said where it concerns: the loader is never
 * silently wrong. Each check looks for the mark a wrong outline leaves:
 * - a table-of-contents entry no case carries (a case lost or merged), or a count that differs;
 * - a case whose sections start over (two cases merged), or far longer than its siblings;
 * - text after the first case that no case holds;
 * - markup left in the text (a web page read badly);
 * - cases without sections where their siblings have them, cut titles, empty cases;
 * - another reading of the document that is almost as good and finds a different count.
 */
export function outlineWarnings(choice: OutlineChoice, cases: readonly LoadedCase[], toc: TableOfContents | null, tocLines: ReadonlyArray<{ start: number; end: number }>): Warning[] {
  const out: Warning[] = [];
  // Sections that say what they are about (工作背景 …); numbered points of no kind are no sections
  // a case lacks when its siblings have them.
  const named = (c: LoadedCase) => c.sections.some((s) => s.kinds.some((k) => k !== 'other'));
  const structured = cases.filter(named).length / Math.max(1, cases.length) >= 0.5;

  if (toc) {
    const entries = toc.entries.filter((e) => e.kind === 'case');
    const keys = cases.map((c) => titleKey(c.title));
    entries.forEach((e, k) => {
      const key = titleKey(e.title);
      const bare = titleKey(e.title.replace(/^[^：:]{2,16}[：:]/, ''));
      const found = keys.some((t) => t && (t === key || t === bare || key.includes(t) || t.includes(bare)));
      if (!found) out.push({ code: 'toc-entry-missing', message: `the table of contents lists "${e.title}" but no case has that title: a case may be missing or merged into another`, ...(tocLines[k] ? { at: tocLines[k] } : {}) });
    });
    if (entries.length && entries.length !== cases.length) {
      out.push({ code: 'count-mismatch', message: `the table of contents lists ${entries.length} cases; ${cases.length} were found` });
    }
  }

  choice.quality.cases.forEach((reading, i) => {
    const c = cases[i];
    const draft = choice.drafts[i];
    if (!c || !draft) return;
    if (reading.cycles > 1) {
      const at = draft.body[reading.restarts[0]!]?.text;
      out.push({ code: 'section-cycle-restart', caseId: c.id, message: `case ${c.id} "${c.title}": its sections start over (${reading.cycles} cycles of 背景…经验): it may be two cases merged`, ...(at ? { at: { start: at.rawStart, end: at.rawEnd } } : {}) });
    }
  });

  const lengths = cases.map((c) => c.text.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  if (cases.length >= 3) {
    for (const c of cases) {
      if (c.text.length > Math.max(3 * median, 4000)) out.push({ code: 'case-too-long', caseId: c.id, message: `case ${c.id} "${c.title}" is ${Math.round(c.text.length / Math.max(1, median))} times as long as a typical case here: it may hold several`, at: c.sourceRange });
    }
  } else if (cases.length === 1 && !oneWellFormedCase(choice) && (cases[0]!.text.length > 12_000 || (choice.splitter.shape === 'plain' && cases[0]!.text.length > 3000))) {
    out.push({ code: 'one-long-case', caseId: cases[0]!.id, message: `the whole document (${cases[0]!.text.length} characters) was loaded as one case: no case structure was found`, at: cases[0]!.sourceRange });
  }

  if (choice.quality.unplaced > 300) {
    out.push({ code: 'unplaced-text', message: `${choice.quality.unplaced} characters of text after the first case belong to no case: a case may be missing` });
  }

  for (const c of cases) {
    const residue = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>|&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});|\{[^{}]*:[^{}]*;[^{}]*\}|function\s*\(|var\s+\w+\s*=/.exec(c.text);
    if (residue) out.push({ code: 'markup-residue', caseId: c.id, message: `case ${c.id} "${c.title}" still holds markup ("${residue[0].slice(0, 30)}"): the file may have been read as the wrong kind` });
  }

  for (const c of cases) {
    if (structured && !named(c)) out.push({ code: 'no-sections', caseId: c.id, message: `case ${c.id} "${c.title}" has no section headings (背景, 做法, 成效 …), though the others do: it may be a piece of another case`, at: c.sourceRange });
    if (/[的和与、，,（(“：:]$/.test(c.title) || c.title.length > 60) out.push({ code: 'title-cut', caseId: c.id, message: `case ${c.id}: title "${c.title}" looks cut or run on` });
    if (!c.title.trim() || choice.drafts[cases.indexOf(c)]?.titleGuessed) out.push({ code: 'title-missing', caseId: c.id, message: `case ${c.id} has no title of its own${c.title ? `; it is named after its first words ("${c.title}")` : ''}`, at: c.sourceRange });
    if (!c.text.trim()) out.push({ code: 'empty-case', caseId: c.id, message: `case ${c.id} "${c.title}" has no text` });
  }

  // Two cases of one title: one of them took the other's (a title glued on, a case cut in two).
  const seen = new Map<string, string>();
  for (const c of cases) {
    const key = c.title.replace(/\s+/g, '');
    if (!key) continue;
    const first = seen.get(key);
    if (first) out.push({ code: 'duplicate-title', caseId: c.id, message: `cases ${first} and ${c.id} have the same title "${c.title}": one of them may have taken the other's`, at: c.sourceRange });
    else seen.set(key, c.id);
  }

  const other = choice.runnerUp;
  if (other && other.cases !== cases.length && other.score >= choice.score - 0.03 && other.cases > 1) {
    out.push({ code: 'ambiguous-outline', message: `read another way (${other.splitter.shape}), the document has ${other.cases} cases instead of ${cases.length}: check the outline`, severity: 'warning' });
  }
  return out;
}

/**
 * A single case the headings found with its title and one cycle of sections (背景 … 经验): a
 * long case, not a text whose structure was missed.
 */
function oneWellFormedCase(choice: OutlineChoice): boolean {
  const reading = choice.quality.cases[0];
  return choice.splitter.shape !== 'plain' && !!reading && reading.kinds >= 3 && reading.cycles === 1 && reading.titleOk && !choice.drafts[0]?.titleGuessed;
}

/**
 * How sure the loader is: the share of the text in well-formed cases, lowered when a table of
 * contents is not met, when another reading comes close, and when there is anything to check.
 */
export function outlineConfidence(choice: OutlineChoice, warnings: readonly Warning[]): number {
  let c = choice.quality.score;
  if (choice.expected !== null && choice.expected !== choice.drafts.length) c *= 0.7;
  if (choice.runnerUp && choice.runnerUp.cases !== choice.drafts.length) c *= Math.min(1, 0.8 + 4 * Math.max(0, choice.score - choice.runnerUp.score));
  if (warnings.some((w) => (w.severity ?? 'warning') === 'warning')) c = Math.min(c, 0.6);
  return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100;
}
