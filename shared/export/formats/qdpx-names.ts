import { uuidV5 } from '../uuid.ts';

/** Names shared by the REFI-QDA writer and reader (see qdpx.ts for the mapping). */
export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CASE_ID_VARIABLE = 'casebench case id';
export const LABEL_ID_PREFIX = 'casebench label id: ';
export const FIELDS_PREFIX = 'casebench fields: ';
export const VARIABLES = [CASE_ID_VARIABLE, 'region', 'part'] as const;

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
};
