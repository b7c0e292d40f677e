import { agreedMeta, type CaseReview, type ExportDataset, type ProjectCase } from '../../shared/export/index.ts';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import type { ReviewStatus } from '../../shared/model/review.ts';
import type { ProjectService } from './project-service.ts';

/**
 * The project as one plain dataset for the exports: the current text of every case, every
 * selected reviewer's spans carried to it (orphans listed apart), and their other layers per
 * case — status, section tags, metadata and tags, scores — with the rubric, the label schema and
 * each case's revision history. It does not depend on who is annotating in this window: the CLI,
 * the desktop app and serve mode build the same dataset from the same project.
 *
 * A case's own fields are as loaded, except title, region and part (category), which follow the
 * reviewers where they all agree; its `meta` is what they agree on (tags: any reviewer's).
 */
export async function buildDataset(service: ProjectService, reviewers?: readonly string[]): Promise<ExportDataset> {
  const store = service.store;
  await store.refreshReviewers(service.reviewer);
  const who = reviewers?.length ? store.reviewers.filter((r) => reviewers.includes(r)) : store.reviewers;
  const cases: ProjectCase[] = [];
  const spans: SpanAnnotation[] = [];
  const orphans: SpanAnnotation[] = [];
  for (const id of store.caseIds) {
    const c = service.caseOf(id);
    const latest = c.revisions[c.revisions.length - 1]!;
    const status: Record<string, ReviewStatus> = {};
    const reviews: Record<string, CaseReview> = {};
    const placed: SpanAnnotation[] = [];
    for (const r of who) {
      for (const s of await service.spansOf(r, id)) (s.orphan ? orphans : placed).push(s);
      const rc = store.reviewerCase(r, id);
      status[r] = rc?.status ?? 'todo';
      if (!rc || !(rc.status || rc.sections || rc.meta || rc.score)) continue;
      const review: CaseReview = { status: status[r] };
      if (rc.sections) review.sections = service.sectionsOf(r, c);
      if (rc.meta) review.meta = rc.meta;
      if (rc.score) review.score = rc.score;
      reviews[r] = review;
    }
    placed.sort((a, b) => a.start - b.start || a.end - b.end);
    spans.push(...placed);
    const meta = agreedMeta(Object.values(reviews).map((r) => r.meta));
    cases.push({
      id,
      documentId: c.documentId,
      ordinal: c.ordinal,
      title: meta.title ?? c.title,
      region: meta.region ?? c.region,
      part: meta.category ?? c.part,
      text: latest.text,
      revision: latest.revision,
      sections: service.sectionsOf(null, c),
      meta,
      status,
      reviews,
      revisions: c.revisions.map((r) => ({ revision: r.revision, createdAt: r.createdAt, author: r.author, note: r.note, length: r.text.length })),
    });
  }
  return {
    project: { name: store.info.name, exportedAt: new Date().toISOString() },
    schema: store.schema,
    rubric: store.rubric,
    documents: store.documents.map((d) => ({ id: d.id, file: d.file, title: d.title, format: d.format, issuer: d.issuer, year: d.year, kind: d.kind })),
    cases,
    spans,
    orphans,
  };
}
