import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import type { Stats } from '../../../shared/api/types.ts';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/model/review.ts';
import { countSpans } from '../../store/project-store.ts';
import type { ProjectService } from '../project-service.ts';

type ExportMethods = 'startExport' | 'exportStatus' | 'stats' | 'search';

/**
 * Exports and what reads the whole project: datasets (export-jobs.ts writes each under
 * exports/, temporary then renamed, never over another), the counts, and search. Nothing here
 * writes a shared file.
 */
export function exportHandlers(service: ProjectService): Pick<ProjectHandlers, ExportMethods> {
  const store = service.store;
  return {
    startExport: async ({ format, reviewers }: ParsedInputOf<'startExport'>) => service.exports.start(format, reviewers),
    exportStatus: async ({ jobId }: ParsedInputOf<'exportStatus'>) => service.exports.status(jobId),
    stats: async () => stats(service),
    search: async ({ query, limit, documentId }: ParsedInputOf<'search'>) => {
      const ids = documentId ? new Set(store.documents.find((d) => d.id === documentId)?.caseIds ?? []) : undefined;
      return service.search().search(query, { limit: limit ?? 200, ...(ids ? { caseIds: ids } : {}) });
    },
  };
}

async function stats(service: ProjectService): Promise<Stats> {
  const store = service.store;
  await store.refreshReviewers(service.reviewer);
  const zero = () => Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  const out: Stats = { cases: 0, spans: 0, orphans: 0, byLabel: {}, byReviewer: {}, byStatus: zero(), byCase: [] };
  for (const id of store.caseIds) {
    const c = service.caseOf(id);
    out.cases++;
    const row = { caseId: id, title: c.title, spans: 0, byLabel: {} as Record<string, number> };
    for (const r of store.reviewers) {
      const rc = store.reviewerCase(r, id);
      const by = (out.byReviewer[r] ??= { spans: 0, cases: 0, status: zero() });
      const status = rc?.status ?? 'todo';
      by.status[status]++;
      out.byStatus[status]++;
      // Cached counts, unless the shard's spans are behind the case's text (another reviewer's,
      // carried forward lazily): then the spans as re-anchored, orphans included.
      const counts = store.currentCounts(r, id) ?? countSpans(await service.spansOf(r, id));
      out.orphans += counts.orphanCount;
      if (!counts.spanCount) continue;
      by.cases++;
      by.spans += counts.spanCount;
      row.spans += counts.spanCount;
      out.spans += counts.spanCount;
      for (const [l, n] of Object.entries(counts.labelCounts)) {
        row.byLabel[l] = (row.byLabel[l] ?? 0) + n;
        out.byLabel[l] = (out.byLabel[l] ?? 0) + n;
      }
    }
    out.byCase.push(row);
  }
  return out;
}
