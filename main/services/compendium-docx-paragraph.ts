import { Paragraph, type IParagraphOptions } from 'docx';

/**
 * A paragraph of the draft. Word's extra room between digits and ideographs is turned off: the
 * texts already space their figures ("达 225.9万人"), and widths the tables and titles are
 * measured by count none (LibreOffice adds none either, so both break lines alike). No paragraph
 * leaves one line alone at the foot or head of a page (widow and orphan control, which a style
 * cannot turn on in \`docx\`).
 */
export const para = (options: IParagraphOptions) => new Paragraph({ autoSpaceEastAsianText: false, widowControl: true, ...options });
