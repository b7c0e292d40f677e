import { reviewerName } from '../../shared/model/schemas.ts';

/**
 * The reviewer an annotator named in an imported file becomes. A reviewer's name is also a file
 * name in the project (reviews/<name>.json) and in exports, so:
 *  - characters a reviewer name cannot have (an email's "@", spaces) become "-";
 *  - a bare user id from Label Studio (completed_by 9) becomes "labelstudio-9", which says where
 *    it came from;
 *  - names that differ only in letter case are one reviewer: "Alice" and "alice" would be one
 *    file on macOS and Windows, so the project's existing reviewer, or the first spelling seen,
 *    is taken for every spelling.
 */
export class AnnotatorNames {
  private readonly byFolded = new Map<string, string>();
  readonly renamed: Array<{ from: string; to: string }> = [];
  private readonly seen = new Map<string, string | null>();

  constructor(existing: readonly string[]) {
    for (const name of existing) if (!this.byFolded.has(foldCase(name))) this.byFolded.set(foldCase(name), name);
  }

  /** The reviewer for a name as the file gives it, or null when nothing usable is left of it. */
  reviewerFor(raw: string, fromLabelStudio: boolean): string | null {
    const known = this.seen.get(raw);
    if (known !== undefined) return known;
    let name = raw.normalize('NFC').trim();
    if (fromLabelStudio && /^\d+$/.test(name)) name = `labelstudio-${name}`;
    if (!reviewerName.safeParse(name).success) name = sanitise(name);
    let out: string | null = null;
    if (name !== '' && reviewerName.safeParse(name).success) {
      const folded = foldCase(name);
      out = this.byFolded.get(folded) ?? name;
      if (!this.byFolded.has(folded)) this.byFolded.set(folded, out);
    }
    this.seen.set(raw, out);
    if (out !== null && out !== raw) this.renamed.push({ from: raw, to: out });
    return out;
  }
}

/** What a case-insensitive file system compares: the name in NFC, lower-cased. */
export function foldCase(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function sanitise(name: string): string {
  return name
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[._-]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
}
