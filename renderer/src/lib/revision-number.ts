/**
 * Revisions are stored from 0 (the text as loaded), as the API and the project files count them;
 * people count editions from 1: the text as loaded is 第 1 版, its first revision 第 2 版.
 */
export function shownRevision(stored: number): number {
  return stored + 1;
}
