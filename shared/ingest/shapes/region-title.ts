import { LEADING_ORNAMENTS } from '../cues.ts';
import { leadingPlaceName, PROVINCES } from '../regions.ts';

/** Split a "北京市：创新……" title into its region and the title proper. */
export function splitRegionTitle(text: string): { region: string | null; title: string } {
  const m = /^([^：:]{2,16})[：:]\s*(.+)$/.exec(text.trim());
  if (m) {
    const head = m[1]!.trim();
    const isPlace = leadingPlaceName(head) !== null || PROVINCES.some(([full, short]) => head.startsWith(full) || head.startsWith(short));
    if (isPlace || head.length <= 12) return { region: head, title: m[2]!.trim() };
  }
  return { region: null, title: text.trim() };
}

/** Collapse whitespace; remove spaces a typesetter put between single characters ("通 知"). */
export function tidyTitle(text: string): string {
  return text
    // A bullet or an emoji a layout puts before titles (◆ ★ ■ ● 📌) is no part of the title.
    .replace(LEADING_ORNAMENTS, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<=^|[\p{Script=Han}]) (?=[\p{Script=Han}](?: |$))/gu, '')
    .trim();
}

/** The first province or municipality a text mentions, as a fallback region for news segments. */
export function firstProvinceMentioned(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const [full, short] of PROVINCES) {
    for (const name of [full, short + '省', short + '市']) {
      const at = text.indexOf(name);
      if (at >= 0 && (!best || at < best.at)) best = { at, name: full };
    }
  }
  return best?.name ?? null;
}
