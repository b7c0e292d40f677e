/**
 * What to tell a person whose change of a shared file was refused: which file, what both they
 * and another writer changed, and what happens now (nothing of theirs was written; the newer
 * state is shown for them to make the change again on).
 */
export function conflictMessage(file: string, what: string, conflicts: readonly string[][]): string {
  const where = conflicts
    .slice(0, 5)
    .map((path) => path.join(' › ') || '(all of it)')
    .join('; ');
  const more = conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : '';
  return `${what} (${file}) was changed meanwhile by another workbench or a teammate's copy arriving through file sync, and both changed ${where}${more}: your change was not saved. The newer ${what} is shown; make your change again on it.`;
}
