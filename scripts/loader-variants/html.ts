/**
 * A flow as HTML: the simple form a converter writes (h1–h6, p, table), and the body of a saved
 * government page (paragraphs indented with &#12288;, quotes as &ldquo; &rdquo;, spans with
 * inline fonts). Saved-page chrome (head, nav, scripts, footer) is added by html-saved-page.ts.
 */
import type { FlowItem } from './flow.ts';
import type { Prng } from './prng.ts';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What a CMS does to text: curly quotes and ideographic spaces as entities, now and then a &nbsp;. */
export function cmsEntities(s: string, rng: Prng): string {
  return escapeHtml(s)
    .replace(/“/g, '&ldquo;')
    .replace(/”/g, '&rdquo;')
    .replace(/\u3000/g, '&#12288;')
    .replace(/—/g, () => (rng.chance(0.5) ? '&mdash;' : '—'))
    .replace(/ /g, () => (rng.chance(0.5) ? '&nbsp;' : ' '));
}

export interface HtmlBodyOptions {
  /** Escape text as a CMS does (entities), else plain escaping. */
  entities?: (s: string) => string;
  /** A saved page: paragraphs indented by &#12288;&#12288; and wrapped in font spans. */
  cms?: boolean;
}

/** The flow's items as HTML elements, tables grouped. */
export function htmlBody(items: readonly FlowItem[], options: HtmlBodyOptions = {}): string {
  const esc = options.entities ?? escapeHtml;
  const out: string[] = [];
  let table: string[] | null = null;
  const closeTable = () => {
    if (table) out.push(`<table border="1" cellspacing="0" cellpadding="4">\n${table.join('\n')}\n</table>`);
    table = null;
  };
  // A CMS indents body paragraphs with two ideographic spaces, written as entities.
  const p = (inner: string, style = '') =>
    options.cms ? `<p style="line-height:2;${style}"><span style="font-family:仿宋_GB2312;font-size:16pt">${style ? '' : '&#12288;&#12288;'}${inner}</span></p>` : `<p${style ? ` style="${style}"` : ''}>${inner}</p>`;
  for (const item of items) {
    if (item.role === 'table-row' && item.cells) {
      table ??= [];
      const tag = table.length === 0 && /序号|工作指标/.test(item.cells[0] ?? '') ? 'th' : 'td';
      table.push(`<tr>${item.cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`);
      continue;
    }
    closeTable();
    const text = esc(item.text);
    // A CMS has no heading tags: headings are paragraphs in other fonts, titles bold and centred.
    if (options.cms && (item.role === 'heading' || item.role === 'case-title' || item.role === 'part')) {
      if (item.role === 'heading') out.push(`<p style="line-height:2;"><span style="font-family:${(item.depth ?? 1) === 1 ? '黑体' : '楷体_GB2312'};font-size:16pt">&#12288;&#12288;${(item.depth ?? 1) === 1 ? text : `<strong>${text}</strong>`}</span></p>`);
      else out.push(`<p style="text-align:center;"><strong><span style="font-family:方正小标宋简体;font-size:${item.role === 'part' ? 24 : 20}px">${text}</span></strong></p>`);
      continue;
    }
    switch (item.role) {
      case 'doc-title':
        out.push(`<h1>${text}</h1>`);
        break;
      case 'part':
        out.push(`<h2>${text}</h2>`);
        break;
      case 'case-title':
        out.push(`<h3>${text}</h3>`);
        break;
      case 'heading':
        out.push(`<h${Math.min(6, 3 + (item.depth ?? 1))}>${text}</h${Math.min(6, 3 + (item.depth ?? 1))}>`);
        break;
      case 'para':
      case 'front':
        out.push(p(item.lead && item.text.startsWith(item.lead) ? `<strong>${esc(item.lead)}</strong>${esc(item.text.slice(item.lead.length))}` : text));
        break;
      case 'toc-entry':
        out.push(`<p class="toc">${text}</p>`);
        break;
      case 'attribution':
      case 'doc-meta':
      case 'case-marker':
      case 'front-title':
      case 'boundary':
        out.push(p(text, 'text-align:center;text-indent:0'));
        break;
      default:
        out.push(p(text));
    }
  }
  closeTable();
  return out.join('\n');
}

export function simplePage(title: string, body: string): string {
  return `<html>\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
