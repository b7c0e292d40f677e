import type { ParsedInputOf } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ReanchorReport } from '../../../shared/api/types.ts';
import { findSections } from '../../../shared/ingest/sections.ts';
import { MappedString } from '../../../shared/ingest/mapped-string.ts';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { CaseRecord, RevisionRecord } from '../../store/file-kinds.ts';
import { hashText } from '../../store/file-stamp.ts';
import type { ProjectService } from '../project-service.ts';

/** The case on disk is not the one the revision was made on: another writer stored a revision meanwhile. */
class RevisedMeanwhile extends Error {
  constructor(readonly latest: RevisionRecord) {
    super('revised meanwhile');
  }
}

/** How often a revision without a base is made again on a newer text before giving up. */
const ATTEMPTS = 4;

const counts = () => ({ unchanged: 0, moved: 0, refound: 0, orphaned: 0 });

/**
 * Store a new revision of a case text and re-anchor every reviewer's spans to it. The report
 * counts all reviewers; only the current reviewer's shard is rewritten now (one writer per
 * file), the others follow when their own workbench next reads them, with the same result.
 *
 * Two writers on one folder: the text is first kept in a revision file of its own (never
 * replaced, named by number, writer and hash: see revision-files.ts), then appended to the
 * case's chain under the case file's lock with a check that the case is still at the revision
 * it was made on. When it is not, a revision made on a given base (`baseRevision`, what the
 * editor saw) is refused as a conflict — its text stays in its file, listed as a revision
 * conflict for a person to resolve; one without a base is made again on the newer text.
 */
export async function reviseCase(service: ProjectService, { caseId, text, note, baseRevision }: ParsedInputOf<'reviseText'>, by?: string): Promise<ReanchorReport> {
  const store = service.store;
  await store.refreshReviewers(service.reviewer);
  await store.refreshCase(caseId);
  // Whose text it is: the reviewer at work, or (a revision conflict applied) the one who wrote it.
  const author = by ?? service.reviewer ?? 'editor';
  for (let attempt = 1; ; attempt++) {
    const c = service.caseOf(caseId);
    const latest = c.revisions[c.revisions.length - 1]!;
    if (baseRevision !== undefined && baseRevision !== latest.revision) {
      const base = c.revisions[baseRevision];
      if (base && text !== latest.text) await store.revisionFiles.write({ caseId, revision: baseRevision + 1, baseRevision, baseHash: hashText(base.text), text, author, note: note ?? '', createdAt: service.now() });
      throw revisedConflict(caseId, latest, baseRevision, !!base && text !== latest.text);
    }
    const report: ReanchorReport = { caseId, revision: latest.revision, ...counts(), byReviewer: {} };
    if (text === latest.text) return report;
    await store.revisionFiles.write({ caseId, revision: latest.revision + 1, baseRevision: latest.revision, baseHash: hashText(latest.text), text, author, note: note ?? '', createdAt: service.now() });
    try {
      return await appendRevision(service, c, latest, text, note ?? '', author, report);
    } catch (e) {
      if (!(e instanceof RevisedMeanwhile)) throw e;
      if (baseRevision !== undefined || attempt >= ATTEMPTS) throw revisedConflict(caseId, e.latest, latest.revision, true);
    }
  }
}

function revisedConflict(caseId: string, latest: RevisionRecord, base: number, kept: boolean): ApiError {
  return new ApiError(
    'conflict',
    `case ${caseId} was revised meanwhile: it is at revision ${latest.revision} (by ${latest.author}, ${latest.createdAt}), not ${base}. Your text was not stored as the case text${kept ? '; it is kept as a revision conflict, to apply or discard in the revisions panel' : ''}.`,
  );
}

async function appendRevision(service: ProjectService, c: CaseRecord, latest: RevisionRecord, text: string, note: string, author: string, report: ReanchorReport): Promise<ReanchorReport> {
  const store = service.store;
  const caseId = c.id;
  const paragraphs = text.split('\n').map((p) => ({ text: MappedString.synthetic(p, 0) }));
  const offsets: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    offsets.push(at);
    at += p.text.length + 1;
  }
  const revision = latest.revision + 1;
  // Reviewers' spans at the old revision, before the case moves on.
  const before = new Map<string, SpanAnnotation[]>();
  for (const r of store.reviewers) before.set(r, await service.spansOf(r, caseId));
  const made: RevisionRecord = { revision, text, createdAt: service.now(), author, note, sections: findSections(paragraphs, offsets, text.length) };
  const next: CaseRecord = { ...c, revisions: [...c.revisions, made] };
  // The spans are carried to the new text before anything is written, so that the revision
  // and its report (what the edit did to the annotations) go to disk in one write: a kill
  // cannot leave one without the other. The reviewer's shard follows; a kill before it leaves
  // the spans on the old text, carried forward when next read, to the same result.
  try {
    for (const [r, spans] of before) {
      const { outcomes } = service.chain.forward(next, spans, service.now());
      const mine = counts();
      for (const status of outcomes.values()) mine[status]++;
      report.byReviewer[r] = mine;
      for (const k of Object.keys(mine) as Array<keyof typeof mine>) report[k] += mine[k];
    }
    report.revision = revision;
    const { unchanged, moved, refound, orphaned } = report;
    await store.updateCase(caseId, (rec) => {
      // Checked on the case as it is on disk, under its lock: another writer's revision of the same number is another text.
      const onDisk = rec.revisions[rec.revisions.length - 1]!;
      if (onDisk.revision !== latest.revision || onDisk.text !== latest.text) throw new RevisedMeanwhile(onDisk);
      rec.revisions.push({ ...made, report: { unchanged, moved, refound, orphaned } });
    });
  } catch (e) {
    // The diffs cached for a revision that was not stored would be taken for the next one's.
    service.chain.forget([caseId]);
    throw e;
  }
  for (const r of before.keys()) service.history(r).dropCase(caseId);
  const stored = service.caseOf(caseId);
  // The reviewer's own shard carried forward, on the shard as it is when written.
  if (service.reviewer && before.has(service.reviewer)) await store.updateSpans(service.reviewer, caseId, (spans) => service.chain.forward(stored, spans, service.now()).spans);
  service.forgetSearch(c.id, c.title, text);
  return report;
}
