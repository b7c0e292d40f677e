import type { InputOf } from '../../../shared/api/contract.ts';
import type { Coverage } from '../../../shared/agreement/report.ts';

/** What the committee compares: which cases (part, document, a hand-picked set) and whose work. */
export interface AgreementScope {
  coverage: Coverage;
  /** '' for every part or document. */
  part: string;
  documentId: string;
  /** Cases picked by hand; none picked means every case the part and document keep. */
  picked: ReadonlySet<string>;
  /** Reviewers left out; none left out lets the service choose (everyone who covered a case). */
  excluded: ReadonlySet<string>;
}

/**
 * The agreement request for a scope. `listed` are the cases the part and document keep (in their
 * order); picks outside them (left from another document) do not count. `reviewers` are the
 * project's reviewers other than the consensus.
 */
export function agreementRequest(scope: AgreementScope, listed: readonly string[], reviewers: readonly string[]): InputOf<'agreement'> {
  const caseIds = listed.filter((id) => scope.picked.has(id));
  return {
    coverage: scope.coverage,
    ...(scope.part ? { part: scope.part } : {}),
    ...(scope.documentId ? { documentId: scope.documentId } : {}),
    ...(scope.picked.size ? { caseIds } : {}),
    ...(scope.excluded.size ? { reviewers: reviewers.filter((r) => !scope.excluded.has(r)) } : {}),
  };
}

/** Does a case match the words typed to find it (title, region, part, document, id)? Every word must. */
export function matchesCase(c: { id: string; title: string; region: string | null; part: string | null; documentTitle: string }, query: string): boolean {
  const hay = [c.title, c.region ?? '', c.part ?? '', c.documentTitle, c.id].join('\n').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}
