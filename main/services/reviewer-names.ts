import { foldCase } from './annotator-names.ts';

/**
 * Why a reviewer name cannot be taken beside the project's reviewers, or null: a name that
 * differs from another only in letter case (Bob, bob) is one file on macOS and Windows — in the
 * project folder as file sync sees it, and in exports — so one reviewer's work would overwrite
 * the other's.
 */
export function caseClash(reviewers: readonly string[], name: string, except?: string): string | null {
  const other = reviewers.find((r) => r !== name && r !== except && foldCase(r) === foldCase(name));
  return other === undefined ? null : `"${name}" differs from the reviewer "${other}" only in letter case, and would be one file with theirs on macOS and Windows: choose ${other}, or another name`;
}
