/**
 * A moment as the interface language writes it (not the browser's locale: a reviewer who
 * chose Chinese on an English system reads Chinese dates). Invalid input comes back as given.
 */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
