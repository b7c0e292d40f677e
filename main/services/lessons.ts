import type { ParsedInputOf } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { LessonEntry } from '../../shared/api/types.ts';
import type { TaggedSection } from '../../shared/model/review.ts';
import { foldQuery, fold } from '../../shared/search/fold.ts';
import { headlineOf } from '../../shared/suggest/headline.ts';
import { CONSENSUS } from './compendium.ts';
import type { ProjectService } from './project-service.ts';

/**
 * The top-level section a position falls in ("四、经验启示", "三、成效和经验"): where in the case
 * a lesson was found. (The innermost one is often the lesson's own run-in heading.)
 */
function sectionAt(sections: readonly TaggedSection[], at: number): string | null {
  let best: TaggedSection | null = null;
  for (const s of sections) if (s.start <= at && at < s.end && (!best || s.level < best.level)) best = s;
  return best ? `${best.numbering}${best.heading}` : null;
}

/**
 * The lessons library: every 经验启示 span of one reviewer across the corpus (the current
 * reviewer by default; the consensus or a colleague on request), in corpus order, with its
 * headline (the span's own, else its lead phrase) and the case and section it comes from.
 */
export async function listLessons(service: ProjectService, filter: ParsedInputOf<'listLessons'>): Promise<LessonEntry[]> {
  await service.store.refreshReviewers(service.reviewer);
  const reviewer = filter.reviewer ?? service.reviewer ?? (service.store.reviewers.includes(CONSENSUS) ? CONSENSUS : null);
  if (!reviewer) throw new ApiError('forbidden', 'choose who is annotating first (setReviewer), or name a reviewer');
  if (!service.store.reviewer(reviewer)) return [];
  const query = filter.query ? foldQuery(filter.query) : '';
  const out: LessonEntry[] = [];
  const ctx = service.summaryContext();
  for (const id of service.store.caseIds) {
    const rc = service.store.reviewerCase(reviewer, id);
    if (!rc?.labelCounts.lesson) continue;
    const c = service.caseOf(id);
    const summary = service.summary(c, ctx);
    if (filter.part && summary.part !== filter.part) continue;
    if (filter.documentId && c.documentId !== filter.documentId) continue;
    const sections = service.sectionsOf(reviewer, c);
    for (const s of await service.spansOf(reviewer, id)) {
      if (s.label !== 'lesson' || s.orphan) continue;
      const headline = typeof s.fields.headline === 'string' && s.fields.headline.trim() ? s.fields.headline.trim() : headlineOf(s.quote.exact);
      const entry: LessonEntry = {
        spanId: s.id,
        reviewer,
        caseId: id,
        caseTitle: summary.title,
        region: summary.region,
        part: summary.part,
        documentTitle: summary.documentTitle,
        headline,
        text: s.quote.exact,
        section: sectionAt(sections, s.start),
        start: s.start,
        end: s.end,
      };
      if (query && ![entry.text, entry.headline, entry.caseTitle, entry.region ?? ''].some((x) => fold(x).folded.includes(query))) continue;
      out.push(entry);
    }
  }
  return out;
}
