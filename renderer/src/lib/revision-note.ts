/** A revision's note; the loader's own note ("loaded from FILE") in the interface language. */
export function revisionNote(note: string, t: (key: string, values?: Record<string, string>) => string): string {
  const loaded = /^loaded from (.+)$/.exec(note);
  return loaded ? t('revise.loadedFrom', { file: loaded[1]! }) : note;
}
