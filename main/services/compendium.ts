import { completenessChecks, type CompletenessIssue } from '../../shared/compendium/checks.ts';
import { proposeDraft, type SelectionRule } from '../../shared/compendium/draft.ts';
import { renderMarkdown, type CompendiumCase } from '../../shared/compendium/markdown.ts';
import { tableOfContents } from '../../shared/compendium/toc.ts';
import type { CompendiumView } from '../../shared/api/types.ts';
import { ranking } from './scoring.ts';
import type { ProjectService } from './project-service.ts';
import { renderDocx } from './compendium-docx.ts';

export const CONSENSUS = 'consensus';


/** The annotations an editor works from: the consensus where it exists, else the current reviewer's. */
export function sourceReviewer(service: ProjectService): string | null {
  return service.store.reviewers.includes(CONSENSUS) ? CONSENSUS : service.reviewer;
}

async function caseForCompendium(service: ProjectService, caseId: string, source: string | null): Promise<CompendiumCase & { orphans: number }> {
  const detail = await service.handlers.getCase({ caseId, reviewers: source ? [source] : [] });
  return {
    id: caseId,
    title: detail.summary.title,
    region: detail.summary.region,
    text: detail.text,
    sections: detail.sections,
    indicators: detail.spans.filter((s) => s.label === 'indicator'),
    orphans: detail.orphans.length,
  };
}

export async function compendiumView(service: ProjectService): Promise<CompendiumView> {
  const draft = await service.store.compendium();
  const source = sourceReviewer(service);
  if (!draft) return { draft: null, toc: [], checks: {}, source };
  const checks: Record<string, CompletenessIssue[]> = {};
  for (const id of draft.parts.flatMap((p) => p.caseIds)) {
    if (!service.store.getCase(id)) continue;
    const c = await caseForCompendium(service, id, source);
    checks[id] = completenessChecks({ title: c.title, region: c.region, sections: c.sections, spans: c.indicators, orphans: c.orphans });
  }
  const titleOf = (id: string) => {
    const c = service.store.getCase(id);
    return c ? (c.region ? `${c.region}：${c.title}` : c.title) : id;
  };
  return { draft, toc: tableOfContents(draft, titleOf), checks, source };
}

export async function proposeCompendium(service: ProjectService, title: string, rule: SelectionRule): Promise<CompendiumView> {
  const rows = ranking(service.store, {});
  const draft = proposeDraft(
    title,
    rows.map((r) => ({ caseId: r.caseId, part: r.part, score: r.score, rank: r.rank, recommendations: r.recommendations })),
    rule,
  );
  await service.store.setCompendium(draft);
  return compendiumView(service);
}

/** The draft rendered as a file: DOCX for Word and WPS, or Markdown. */
export async function renderCompendium(service: ProjectService, format: 'docx' | 'md'): Promise<Uint8Array | string> {
  const draft = await service.store.compendium();
  if (!draft) throw new Error('there is no compendium draft yet: propose or build one first');
  const source = sourceReviewer(service);
  const cases = new Map<string, CompendiumCase>();
  for (const id of draft.parts.flatMap((p) => p.caseIds)) if (service.store.getCase(id)) cases.set(id, await caseForCompendium(service, id, source));
  return format === 'docx' ? renderDocx(draft, cases) : renderMarkdown(draft, cases);
}
