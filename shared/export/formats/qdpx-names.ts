import type { SectionKind } from '../../model/index.ts';
import { uuidV5 } from '../uuid.ts';

/** Names shared by the REFI-QDA writer and reader (see qdpx.ts for the mapping). */
export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CASE_ID_VARIABLE = 'casebench case id';
export const LABEL_ID_PREFIX = 'casebench label id: ';
export const FIELDS_PREFIX = 'casebench fields: ';
export const VARIABLES = [CASE_ID_VARIABLE, 'region', 'part'] as const;
/** Marks the codes of section kinds ("casebench section kind: lessons") and the group holding them. */
export const SECTION_KIND_PREFIX = 'casebench section kind: ';
export const SECTION_GROUP_MARK = 'casebench section kinds';
/** A section selection's Description: what positions and codes cannot say, as JSON. */
export const SECTION_PREFIX = 'casebench section: ';
/** Names of the section-kind codes in QDA programs (as the workbench names the kinds). */
export const SECTION_KIND_NAMES: Record<SectionKind, string> = { background: '章节·工作背景', practices: '章节·主要做法', results: '章节·成效', lessons: '章节·经验启示', problems: '章节·存在问题', plans: '章节·下一步', other: '章节·其他' };

/** GUIDs of reviewers, labels and cases repeat on every span; computing each once keeps large exports fast. */
function memo(prefix: string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let guid = cache.get(key);
    if (guid === undefined) cache.set(key, (guid = uuidV5(prefix + key)));
    return guid;
  };
}

export const guidOf = {
  user: memo('user:'),
  code: memo('label:'),
  variable: memo('variable:'),
  source: (caseId: string) => uuidV5(`case:${caseId}`),
  selection: (spanId: string) => uuidV5(`span:${spanId}`),
  coding: (spanId: string) => uuidV5(`coding:${spanId}`),
  note: (spanId: string) => uuidV5(`note:${spanId}`),
  sectionGroup: () => uuidV5('section-kinds'),
  sectionKind: memo('section-kind:'),
  /** A reviewer's section in a case, by its place in their outline. */
  section: (caseId: string, reviewer: string, index: number) => uuidV5(`section:${JSON.stringify([caseId, reviewer, index])}`),
  sectionCoding: (caseId: string, reviewer: string, index: number, kind: string) => uuidV5(`section-coding:${JSON.stringify([caseId, reviewer, index, kind])}`),
};
