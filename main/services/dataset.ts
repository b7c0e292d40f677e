import type { Dataset, DatasetCase } from '../../shared/model/dataset.ts';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import type { ReviewStatus } from '../../shared/model/review.ts';
import type { ProjectService } from './project-service.ts';

/**
 * The project as one plain Dataset for the exports: current text of every case, every
 * reviewer's spans carried to it, sections, metadata and statuses. Orphans are listed apart.
 */
export async function buildDataset(service: ProjectService, reviewers?: readonly string[]): Promise<Dataset> {
  const store = service.store;
  await store.refreshReviewers(service.reviewer);
  const who = reviewers?.length ? store.reviewers.filter((r) => reviewers.includes(r)) : store.reviewers;
  const cases: DatasetCase[] = [];
  const spans: SpanAnnotation[] = [];
  const orphans: SpanAnnotation[] = [];
  for (const id of store.caseIds) {
    const detail = await service.handlers.getCase({ caseId: id, reviewers: [...who] });
    const status: Record<string, ReviewStatus> = {};
    for (const r of who) status[r] = store.reviewerCase(r, id)?.status ?? 'todo';
    cases.push({
      id,
      documentId: detail.summary.documentId,
      ordinal: detail.summary.ordinal,
      title: detail.summary.title,
      region: detail.summary.region,
      part: detail.summary.part,
      text: detail.text,
      revision: detail.revision,
      sections: detail.sections,
      meta: detail.meta,
      status,
    });
    spans.push(...detail.spans);
    orphans.push(...detail.orphans);
  }
  return {
    project: { name: store.info.name, exportedAt: new Date().toISOString() },
    schema: store.schema,
    documents: store.documents.map((d) => ({ id: d.id, file: d.file, title: d.title, format: d.format, issuer: d.issuer, year: d.year, kind: d.kind })),
    cases,
    spans,
    orphans,
  };
}
