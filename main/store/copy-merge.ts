import type { CaseFile, CompendiumFile, DocumentsFile, ReviewerFile, RubricFile, SchemaFile, SpansFile } from './file-kinds.ts';

/**
 * Two versions of one project file, the one in place and a conflict copy, merged where that is
 * safe without knowing what they started from: lists of things with ids are joined (labels,
 * criteria, parts and their cases, documents, a reviewer's cases, spans), the version in place
 * winning where both hold the same id differently — except spans, where the one edited last wins.
 * Kinds whose content is one whole (a case's chain of revisions is merged apart, by keeping the
 * copy's texts as revision conflicts; outlines, layouts and suggestions) are not merged here.
 */
export type MergeableKind = 'schema' | 'rubric' | 'compendium' | 'documents' | 'reviewer' | 'spans';

const union = <T>(current: readonly T[], copy: readonly T[], key: (t: T) => string): T[] => {
  const seen = new Set(current.map(key));
  return [...current, ...copy.filter((t) => !seen.has(key(t)))];
};

export function mergeCopy(kind: MergeableKind, current: unknown, copy: unknown): unknown {
  switch (kind) {
    case 'schema': {
      const [a, b] = [current as SchemaFile, copy as SchemaFile];
      // A label from the copy whose hotkey is taken keeps its place without a key clash: it is left out of the merge (still in the set-aside copy).
      const keys = new Set(a.labels.map((l) => l.hotkey));
      return { ...a, labels: union(a.labels, b.labels.filter((l) => a.labels.some((x) => x.id === l.id) || !keys.has(l.hotkey)), (l) => l.id) };
    }
    case 'rubric': {
      const [a, b] = [current as RubricFile, copy as RubricFile];
      return { ...a, criteria: union(a.criteria, b.criteria, (c) => c.id) };
    }
    case 'compendium': {
      const [a, b] = [current as CompendiumFile, copy as CompendiumFile];
      if (!a.draft || !b.draft) return a.draft ? a : b;
      const parts = a.draft.parts.map((p) => {
        const other = b.draft!.parts.find((q) => q.title === p.title);
        return other ? { ...p, caseIds: union(p.caseIds, other.caseIds, (id) => id) } : p;
      });
      return { ...a, draft: { ...a.draft, parts: union(parts, b.draft.parts, (p) => p.title) } };
    }
    case 'documents': {
      const [a, b] = [current as DocumentsFile, copy as DocumentsFile];
      return { ...a, documents: union(a.documents, b.documents, (d) => d.id) };
    }
    case 'reviewer': {
      const [a, b] = [current as ReviewerFile, copy as ReviewerFile];
      const cases = { ...b.cases, ...a.cases };
      for (const [id, rc] of Object.entries(a.cases)) {
        const other = b.cases[id];
        if (other?.decisions) cases[id] = { ...rc, decisions: { ...other.decisions, ...rc.decisions } };
      }
      return { ...a, cases };
    }
    case 'spans': {
      const [a, b] = [current as SpansFile, copy as SpansFile];
      const byId = new Map(a.spans.map((s) => [s.id, s]));
      for (const s of b.spans) {
        const mine = byId.get(s.id);
        if (!mine || s.updatedAt > mine.updatedAt) byId.set(s.id, s);
      }
      return { ...a, spans: [...byId.values()].sort((x, y) => x.start - y.start || x.end - y.end) };
    }
  }
}

/** The copy's revisions that the chain in place does not hold (the texts another machine stored), oldest first. */
export function divergentRevisions(current: CaseFile, copy: CaseFile): CaseFile['case']['revisions'] {
  const chain = current.case.revisions;
  let common = 0;
  while (common < chain.length && common < copy.case.revisions.length && chain[common]!.text === copy.case.revisions[common]!.text) common++;
  return copy.case.revisions.slice(common).filter((r) => !chain.some((c) => c.text === r.text));
}
