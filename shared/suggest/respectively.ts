import { clauseStart, LIST_JOINER, sentenceStart } from './clauses.ts';
import type { IndicatorDraft } from './indicator-draft.ts';
import { metricBefore, splitSubject } from './metric.ts';

/**
 * "分别" (respectively) lists: one indicator per number, each aligned with its own metric —
 * "健康知识、健康行为、健康技能素养分别提升8.72、10.15、2.50个百分点" is three indicators, the
 * first about 健康知识. Change lists are marked where they are found (changes.ts); plain values
 * after 分别为/分别达 are marked here.
 */
const RESPECTIVELY_HEAD = /分别[\s$]*(?:为|达到?|是|占|有)?[\s$]*$/;

/** "分别为 74.0%和 62.3%", "分别达 84.2%、84.4%、96%、97.9%": plain values sharing one 分别. */
export function markRespectivelyLists(text: string, drafts: IndicatorDraft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.listHead !== undefined || d.kind === 'change') continue;
    const cs = clauseStart(text, d.start, 40);
    const head = RESPECTIVELY_HEAD.exec(text.slice(cs, d.start));
    if (!head) continue;
    let j = i;
    while (j + 1 < drafts.length && drafts[j + 1]!.kind !== 'change' && LIST_JOINER.test(text.slice(drafts[j]!.end, drafts[j + 1]!.start))) j++;
    const size = j - i + 1;
    for (let k = i; k <= j; k++) {
      drafts[k]!.listHead = cs + head.index;
      drafts[k]!.listIndex = k - i;
      drafts[k]!.listSize = size;
    }
    i = j;
  }
}

/**
 * The metric of the `i`-th draft, a member of a list: the matching part of the subject before the
 * list, or, when the subject does not split into as many parts, the metric of the figure in the
 * same position just before the list ("北京市成人超重率为 37.7%，成人肥胖率为 26.7%，相比 2020年
 * 分别增长了 1.4%和 4.6%"), or the whole subject.
 */
export function listMetric(text: string, drafts: readonly IndicatorDraft[], i: number): string {
  const d = drafts[i]!;
  const subject = metricBefore(text, d.listHead!, undefined, 60);
  if (!d.listSize || d.listIndex === undefined) return subject;
  const parts = splitSubject(subject, d.listSize);
  if (parts) return parts[d.listIndex]!;
  const first = i - d.listIndex;
  const earlier = drafts.slice(Math.max(0, first - d.listSize), first);
  const inSentence = earlier.length === d.listSize && earlier.every((e) => e.start >= sentenceStart(text, d.listHead!));
  return inSentence ? (earlier[d.listIndex]!.metric ?? subject) : subject;
}
