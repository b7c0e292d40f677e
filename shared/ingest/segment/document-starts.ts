/**
 * Where a file may hold a second document: a newspaper masthead, a notice's header (its title
 * "……关于……的通知", its issuing number, its issuer's letterhead), an attachment line (附件2)
 * over a document of its own, a second table of contents.
 */
const MASTHEAD = /^[\p{Script=Han}]{2,8}报\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天].{0,12}第\s*\d{1,3}\s*版/u;
const NOTICE_TITLE = /关于.{4,80}的(?:通知|通报|决定|意见|函|批复)$/;
export const ISSUE_NUMBER = /[\p{Script=Han}]{1,10}〔\d{4}〕\d{1,4}号$/u;
export const LETTERHEAD = /(?:委员会|办公室|人民政府|卫生健康委员会|厅|局)(?:办公室)?文件$/;
const ATTACHMENT = /^附\s*件\s*\d{0,2}\s*[：:]?$/;
const TOC_HEADING = /^目\s*录$/;


/** What kind of document start a paragraph is, if any. */
export type DocumentStart = 'masthead' | 'attachment' | 'contents' | 'notice';

export function boundaryKind(text: string): DocumentStart | null {
  // Every start names itself (…报, 附件, 目录, 关于…的通知, 星期): most lines are passed over at once.
  if (text.length > 120 || !/报|附|目|关于|星期/.test(text)) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length > 100) return null;
  const compact = t.replace(/\s+/g, '');
  if (MASTHEAD.test(t)) return 'masthead';
  if (ATTACHMENT.test(compact)) return 'attachment';
  if (TOC_HEADING.test(compact)) return 'contents';
  if (NOTICE_TITLE.test(compact) && compact.length <= 90) return 'notice';
  return null;
}
