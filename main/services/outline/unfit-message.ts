import type { Unfit } from '../../../shared/outline/index.ts';

const REASONS: Record<Unfit['reason'], string> = {
  'not-found': 'the text it was anchored on is no longer in the file',
  'not-a-paragraph-start': 'no paragraph starts at its text any more',
  'no-case': 'its text is in no case now',
  'first-case': 'it names the first case, which has no case before it to merge into',
  'case-start': 'a case already starts there',
  'last-case': 'it would drop the only case left',
  'not-a-heading': 'no heading starts there',
  'already-a-heading': 'a heading starts there already',
  'id-taken': 'the id it gives the new case is taken',
  'other-shape': 'the document was loaded as another shape',
  order: 'the text it drops ends before it starts, or runs over two cases',
};

/** A correction that does not fit, said in a line: what it was, what it is anchored on, why. */
export function unfitMessage(u: Unfit): string {
  const at = 'at' in u.correction ? ` at "${u.correction.at.exact}"` : '';
  return `${u.correction.op} (${u.correction.id})${at} does not fit: ${REASONS[u.reason]}`;
}
