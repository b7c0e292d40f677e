import { completenessChecks, type CompletenessIssue } from '../../shared/compendium/checks.ts';
import { leftOutReason, proposeDraft, type CompendiumDraft, type SelectionRule } from '../../shared/compendium/draft.ts';
import type { CompendiumCase } from '../../shared/compendium/case.ts';
import { renderMarkdown } from '../../shared/compendium/markdown.ts';
import { tableOfContents } from '../../shared/compendium/toc.ts';
import type { CaseSource, CompendiumView } from '../../shared/api/types.ts';
import type { ProjectService } from './project-service.ts';
import { renderDocx } from './compendium-docx.ts';

export const CONSENSUS = 'consensus';

export interface CompendiumOptions {
  /**
   * Whose annotations to use for the cases the consensus has no work on (default: the service's
   * current reviewer; the CLI's `--reviewer`). Their work is only read: nothing is written in
   * their name unless they are the service's own reviewer.
   */
  reviewer?: string | null;
}

/** What the consensus keeps of a case besides cached counts and suggestions made for it. */
const BOOKKEEPING = new Set(['spanCount', 'orphanCount', 'labelCounts', 'suggestions']);

/** Whether the consensus has work on a case: spans (placed or awaiting re-anchoring), section tags, a status, metadata, decisions. */
function consensusWorkedOn(service: ProjectService, caseId: string): boolean {
  const rc = service.store.reviewerCase(CONSENSUS, caseId);
  if (!rc) return false;
  return rc.spanCount + rc.orphanCount > 0 || Object.entries(rc).some(([k, v]) => !BOOKKEEPING.has(k) && v !== undefined);
}

/**
 * Whose work a case of the compendium is built from, decided per case: the consensus where it
 * has work on the case; else the current reviewer; else (no current reviewer, e.g. the CLI, or
 * the consensus itself is the current reviewer) the reviewer with the most spans on the case
 * (ties: the first by name); else nobody.
 */
export function caseSource(service: ProjectService, caseId: string, options: CompendiumOptions = {}): CaseSource {
  if (consensusWorkedOn(service, caseId)) return { reviewer: CONSENSUS, why: 'consensus' };
  const current = options.reviewer === undefined ? service.reviewer : options.reviewer;
  if (current && current !== CONSENSUS) return { reviewer: current, why: 'current' };
  let best: string | null = null;
  let most = 0;
  for (const r of service.store.reviewers) {
    if (r === CONSENSUS) continue;
    const n = service.store.reviewerCase(r, caseId)?.spanCount ?? 0;
    if (n > most) [best, most] = [r, n];
  }
  return best ? { reviewer: best, why: 'most-spans' } : { reviewer: null, why: 'none' };
}

type SourcedCase = CompendiumCase & { orphans: number; source: CaseSource };

/** A case as its source reviewer has it: their sections (headings and checks), indicators and metadata. */
async function caseForCompendium(service: ProjectService, caseId: string, source: CaseSource): Promise<SourcedCase> {
  const c = service.caseOf(caseId);
  const who = source.reviewer && service.store.reviewer(source.reviewer) ? source.reviewer : null;
  const spans = who ? await service.spansOf(who, caseId) : [];
  const meta = who ? service.store.reviewerCase(who, caseId)?.meta : undefined;
  return {
    id: caseId,
    title: meta?.title ?? c.title,
    region: meta?.region ?? c.region,
    unit: c.unit,
    text: c.revisions[c.revisions.length - 1]!.text,
    sections: service.sectionsOf(who, c),
    indicators: spans.filter((s) => !s.orphan && s.label === 'indicator').sort((a, b) => a.start - b.start || a.end - b.end),
    orphans: spans.filter((s) => s.orphan).length,
    source,
  };
}

/** Every case of the draft that is in the project, each from its own source. */
async function casesOf(service: ProjectService, draft: CompendiumDraft, options: CompendiumOptions): Promise<Map<string, SourcedCase>> {
  await service.store.refreshReviewers(service.reviewer);
  const cases = new Map<string, SourcedCase>();
  for (const id of draft.parts.flatMap((p) => p.caseIds)) {
    if (service.store.getCase(id) && !cases.has(id)) cases.set(id, await caseForCompendium(service, id, caseSource(service, id, options)));
  }
  return cases;
}

/** The draft as it is exported: cases no longer in the project left out, and parts left empty skipped (numbering follows). */
export function exportedDraft(draft: CompendiumDraft, has: (caseId: string) => boolean): CompendiumDraft {
  return { ...draft, parts: draft.parts.map((p) => ({ ...p, caseIds: p.caseIds.filter(has) })).filter((p) => p.caseIds.length > 0) };
}

/** Each case's place among the project's texts (documents in order, cases in document order). */
function sourceOrder(service: ProjectService): Map<string, number> {
  return new Map(service.store.caseIds.map((id, i) => [id, i]));
}

/** Part names in the order the project's texts first give them. */
function partsInSourceOrder(service: ProjectService): string[] {
  const names: string[] = [];
  for (const id of service.store.caseIds) {
    const part = service.caseOf(id).part ?? '其他';
    if (!names.includes(part)) names.push(part);
  }
  return names;
}

/** The cases the committee looked at (scored or recommended) that the draft leaves out, and why. */
async function leftOut(service: ProjectService, draft: CompendiumDraft): Promise<CompendiumView['leftOut']> {
  if (!draft.rule) return [];
  const rule = draft.rule;
  const inDraft = new Set(draft.parts.flatMap((p) => p.caseIds));
  const order = sourceOrder(service);
  const rows = await service.handlers.ranking({});
  return rows
    .filter((r) => !inDraft.has(r.caseId) && (r.score !== null || Object.values(r.recommendations).some((n) => n > 0)))
    .map((r) => ({ caseId: r.caseId, reason: leftOutReason({ ...r, order: order.get(r.caseId) ?? 0 }, rule) ?? { code: 'removed' as const } }));
}

export async function compendiumView(service: ProjectService, options: CompendiumOptions = {}): Promise<CompendiumView> {
  const draft = await service.store.compendium();
  if (!draft) return { draft: null, toc: [], checks: {}, sources: {}, leftOut: [], partOrder: partsInSourceOrder(service) };
  const cases = await casesOf(service, draft, options);
  const checks: Record<string, CompletenessIssue[]> = {};
  const sources: Record<string, CaseSource> = {};
  for (const [id, c] of cases) {
    checks[id] = completenessChecks({ title: c.title, region: c.region, sections: c.sections, spans: c.indicators, orphans: c.orphans });
    sources[id] = c.source;
  }
  const toc = tableOfContents(exportedDraft(draft, (id) => cases.has(id)), (id) => cases.get(id)!.title);
  return { draft, toc, checks, sources, leftOut: await leftOut(service, draft), partOrder: partsInSourceOrder(service) };
}

export async function proposeCompendium(service: ProjectService, title: string, rule: SelectionRule, options: CompendiumOptions = {}): Promise<CompendiumView> {
  // Through the handler (not scoring.ts, which imports CONSENSUS from here): it also picks up teammates' latest scores.
  const rows = await service.handlers.ranking({});
  const order = sourceOrder(service);
  const previous = await service.store.compendium();
  const draft = proposeDraft(
    title,
    rows.map((r) => ({ caseId: r.caseId, part: r.part, score: r.score, rank: r.rank, recommendations: r.recommendations, order: order.get(r.caseId) ?? 0 })),
    rule,
  );
  // What the editor wrote for the book stays with it when the selection is proposed again.
  if (previous?.preface) draft.preface = previous.preface;
  if (previous?.issuer) draft.issuer = previous.issuer;
  await service.store.setCompendium(draft);
  return compendiumView(service, options);
}

/** The draft as it is exported (empty parts left out) and its cases, each from its own source. */
export async function compendiumCases(service: ProjectService, options: CompendiumOptions = {}): Promise<{ draft: CompendiumDraft; cases: Map<string, SourcedCase> }> {
  const draft = await service.store.compendium();
  if (!draft) throw new Error('there is no compendium draft yet: propose or build one first');
  const cases = await casesOf(service, draft, options);
  return { draft: exportedDraft(draft, (id) => cases.has(id)), cases };
}

/** The draft rendered as a file: DOCX for Word and WPS, or Markdown. Empty parts are not exported. */
export async function renderCompendium(service: ProjectService, format: 'docx' | 'md', options: CompendiumOptions = {}): Promise<Uint8Array | string> {
  const { draft, cases } = await compendiumCases(service, options);
  return format === 'docx' ? renderDocx(draft, cases) : renderMarkdown(draft, cases);
}
