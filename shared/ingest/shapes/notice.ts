import { isInstitution, leadingPlaceName } from '../regions.ts';
import type { Paragraph } from '../paragraphs.ts';
import type { CaseDraft, ShapeSplitter, ShapeContext } from './shape.ts';
import { splitRegionTitle, tidyTitle } from './region-title.ts';
import { endOf, locateTitles, sliceParagraphs, titleKey } from './title-locator.ts';

interface ListEntry {
  region: string | null;
  title: string;
}

const LIST_ITEM = /^\d{1,2}\s*[.．、]\s*(\S.{1,16}?)[：:]\s*(.{4,})$/;
/** "健康知识普及行动类典型案例一", "合理膳食行动典型案例": a category line before a case title. */
const CATEGORY = /^(.{2,20}?)(?:类)?典型(?:经验)?案例[一二三四五六七八九十\d]*$/;
const ATTRIBUTION = /^[—－–-]{1,2}\s*(.+)$/;

/**
 * An official notice publishing typical cases: a header and the notice's text, an attachment
 * listing the cases ("1. 鹤壁市：创新模式……"), and an attachment with their texts. The list is
 * the table of contents: it names each case's region and title, which are then found in the body.
 * A case may be preceded by a category line and followed by an attribution ("——鹤壁市").
 */
export const noticeShape: ShapeSplitter = {
  shape: 'notice',
  detect(ctx) {
    const list = findCaseList(ctx.paragraphs);
    if (!list) return 0;
    const head = ctx.paragraphs.slice(0, 12).map((p) => p.text.text).join('\n');
    return /附件|通知|文件|〔\d{4}〕/.test(head) ? 8 : 5;
  },
  split(ctx) {
    const list = findCaseList(ctx.paragraphs)!;
    const body = ctx.paragraphs.slice(list.end);
    const hits = locateTitles(body, list.entries.map((e) => e.title));
    const found = hits.map((h, i) => ({ hit: h, entry: list.entries[i]! })).filter((x) => x.hit !== null);
    hits.forEach((h, i) => {
      if (!h) ctx.warnings.push({ code: 'title-not-found', message: `case ${i + 1} of the list ("${list.entries[i]!.title}") was not found in the text` });
    });
    const cases: CaseDraft[] = found.map(({ hit, entry }, k) => {
      const next = found[k + 1]?.hit;
      let paras = sliceParagraphs(body, hit!.end, next ? next.start : endOf(body));
      // The category line of the next case sits at the end of this one.
      if (next && paras.length && CATEGORY.test(compact(paras[paras.length - 1]!.text.text))) paras = paras.slice(0, -1);
      let region = entry.region;
      let unit: string | null = null;
      const attribution = paras[0] && ATTRIBUTION.exec(paras[0].text.text);
      const marks: CaseDraft['marks'] = [];
      if (attribution) {
        const who = attribution[1]!.trim();
        marks.push({ kind: 'attribution', text: who });
        paras = paras.slice(1);
        if (isInstitution(who)) {
          unit = who;
          region = leadingPlaceName(who) ?? (region && !isInstitution(region) ? region : null);
        } else region = who;
      } else if (region && isInstitution(region)) {
        unit = region;
        region = leadingPlaceName(region);
      }
      const before = hit!.start.para > 0 ? body[hit!.start.para - 1] : undefined;
      const category = before && hit!.start.offset === 0 ? CATEGORY.exec(compact(before.text.text)) : null;
      const titleParas = sliceParagraphs(body, hit!.start, hit!.end);
      return {
        title: tidyTitleKeepingSpaces(entry.title),
        region,
        unit,
        part: category ? category[1]! + (category[1]!.endsWith('类') ? '' : '类') : null,
        ...(titleParas[0] ? { titleSource: titleParas[0].text } : {}),
        body: paras,
        marks,
      };
    });
    return { title: documentTitle(ctx), cases };
  },
};

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

function tidyTitleKeepingSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The longest run of at least three consecutive "N. 地区：标题" paragraphs. */
function findCaseList(paragraphs: readonly Paragraph[]): { entries: ListEntry[]; end: number } | null {
  let best: { entries: ListEntry[]; end: number } | null = null;
  let run: ListEntry[] = [];
  const close = (end: number) => {
    if (run.length >= 3 && (!best || run.length > best.entries.length)) best = { entries: run, end };
    run = [];
  };
  paragraphs.forEach((p, i) => {
    const m = LIST_ITEM.exec(p.text.text.trim());
    if (m && p.text.length <= 80) {
      const { region, title } = splitRegionTitle(`${m[1]}：${m[2]}`);
      run.push({ region, title });
    } else close(i);
  });
  close(paragraphs.length);
  return best;
}

function documentTitle(ctx: ShapeContext): string | null {
  const head = ctx.paragraphs.slice(0, 15);
  const notice = head.find((p) => /关于.*(通知|通报|决定|意见)$/.test(compact(p.text.text)));
  if (notice) return tidyTitle(notice.text.text).replace(/\s+/g, '');
  const first = head.find((p) => titleKey(p.text.text).length > 4);
  return first ? tidyTitle(first.text.text) : null;
}
