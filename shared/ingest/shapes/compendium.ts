import { parseTableOfContents } from '../toc.ts';
import type { CaseDraft, ShapeSplitter } from './shape.ts';
import { splitRegionTitle, tidyTitle } from './region-title.ts';
import { endOf, locateTitles, sliceParagraphs, titleKey } from './title-locator.ts';

/**
 * A compendium: preface, a table of contents listing parts and cases, then the cases. The table
 * of contents is the strong signal: it gives every case's title, region and part, and each title
 * is then found in the body, however the extraction wrapped or glued it.
 */
export const compendiumShape: ShapeSplitter = {
  shape: 'compendium',
  detect(ctx) {
    const toc = parseTableOfContents(ctx.lines);
    return toc && toc.entries.filter((e) => e.kind === 'case').length >= 3 ? 10 : 0;
  },
  split(ctx) {
    const toc = parseTableOfContents(ctx.lines)!;
    const partKeys = new Set(toc.entries.filter((e) => e.kind === 'part').map((e) => titleKey(e.title)));
    // Part-divider pages ("健康影响因素篇") are furniture in the body: the parts come from the TOC.
    const isDivider = (text: string) => text.length <= 24 && partKeys.has(titleKey(text));
    const body = ctx.paragraphs.filter((p) => p.firstLine > toc.endLine && !isDivider(p.text.text));
    const entries: Array<{ title: string; part: string | null }> = [];
    let part: string | null = null;
    for (const e of toc.entries) {
      if (e.kind === 'part') part = e.title;
      else entries.push({ title: e.title, part });
    }
    const hits = locateTitles(body, entries.map((e) => e.title));
    const cases: CaseDraft[] = [];
    hits.forEach((hit, i) => {
      const entry = entries[i]!;
      if (!hit) {
        ctx.warnings.push({ code: 'title-not-found', message: `case ${i + 1} of the table of contents ("${entry.title}") was not found in the text` });
        return;
      }
      const next = hits.slice(i + 1).find((h) => h !== null);
      const { region, title } = splitRegionTitle(tidyTitle(entry.title));
      const titleParas = sliceParagraphs(body, hit.start, hit.end);
      cases.push({
        title,
        region,
        unit: null,
        part: entry.part,
        ...(titleParas[0] ? { titleSource: titleParas[0].text } : {}),
        body: sliceParagraphs(body, hit.end, next ? next.start : endOf(body)),
        marks: [],
      });
    });
    return { title: null, cases };
  },
};
