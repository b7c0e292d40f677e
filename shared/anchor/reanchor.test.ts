import { describe, expect, it } from 'vitest';
import { invariantViolations } from './invariants.fixture.ts';
import { makeQuote } from './quote.ts';
import { reanchor, type Anchor } from './reanchor.ts';
import { edit, REANCHOR_CORPUS } from './reanchor-corpus.ts';
import { Mapping, StepMap } from './step-map.ts';
import { diffTexts } from './text-diff.ts';

const TEXT =
  '（二）居民健康素养水平得到提升。全省居民健康素养水平从2019年19.18%提升到2021年26.82%。其中2021年城乡居民基本知识和理念素养、健康生活方式与行为素养、基本技能素养水平较2019年分别提升8.72、10.15、2.50个百分点。';

/** An anchor on the `nth` occurrence of `exact` in `text`. */
function anchorOn(text: string, exact: string, id = exact, nth = 0): Anchor {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(exact, at + 1);
  if (at === -1) throw new Error(`"${exact}" not found`);
  return { id, start: at, end: at + exact.length, quote: makeQuote(text, at, at + exact.length) };
}

describe('reanchor', () => {
  it('leaves every anchor unchanged when the text is unchanged, overlapping spans included', () => {
    const anchors = [anchorOn(TEXT, '健康素养水平', 'a'), anchorOn(TEXT, '健康素养水平', 'b', 1), anchorOn(TEXT, '素养水平从2019年', 'c'), anchorOn(TEXT, TEXT, 'all')];
    const { outcomes, report, diffComplete } = reanchor(TEXT, TEXT, anchors);
    expect(outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(report).toEqual({ total: 4, unchanged: 4, moved: 0, refound: 0, orphaned: 0 });
    expect(diffComplete).toBe(true);
  });

  it('carries overlapping spans through one edit each on its own', () => {
    const anchors = [anchorOn(TEXT, '全省居民健康素养水平', 'outer'), anchorOn(TEXT, '健康素养水平从2019年', 'overlapping'), anchorOn(TEXT, '2019年19.18%', 'after')];
    const newText = edit(TEXT, ['全省居民健康', '全省城乡居民健康']);
    const { outcomes } = reanchor(TEXT, newText, anchors);
    expect(outcomes.map((o) => [o.id, o.status, newText.slice(o.start, o.end)])).toEqual([
      ['outer', 'refound', '全省城乡居民健康素养水平'],
      ['overlapping', 'moved', '健康素养水平从2019年'],
      ['after', 'moved', '2019年19.18%'],
    ]);
    expect(invariantViolations(newText, anchors, outcomes)).toEqual([]);
  });

  it('orphans everything, without crashing, when the new text is empty', () => {
    const anchors = [anchorOn(TEXT, '26.82%'), anchorOn(TEXT, TEXT, 'all')];
    const { outcomes, report } = reanchor(TEXT, '', anchors);
    expect(outcomes.map((o) => [o.status, o.reason])).toEqual([
      ['orphaned', 'deleted'],
      ['orphaned', 'deleted'],
    ]);
    expect(report.orphaned).toBe(2);
  });

  it('orphans an anchor with an empty quote: there is nothing to check a place against', () => {
    const { outcomes } = reanchor(TEXT, TEXT, [{ id: 'e', start: 3, end: 3, quote: { exact: '', prefix: '', suffix: '' } }]);
    expect(outcomes).toEqual([{ id: 'e', status: 'orphaned', reason: 'empty-quote' }]);
  });

  it('finds an anchor whose offsets are out of range or stale by its quote, when the quote is unique', () => {
    const { quote } = anchorOn(TEXT, '城乡居民基本知识和理念素养');
    const anchors: Anchor[] = [
      { id: 'negative', start: -5, end: 999, quote },
      { id: 'stale', start: 3, end: 10, quote },
      { id: 'not-a-number', start: Number.NaN, end: Number.NaN, quote },
    ];
    const newText = '前言。\n' + TEXT;
    const { outcomes } = reanchor(TEXT, newText, anchors);
    const at = newText.indexOf('城乡居民基本知识和理念素养');
    for (const o of outcomes) expect([o.status, o.start, o.end]).toEqual(['moved', at, at + quote.exact.length]);
  });

  it('does not guess where a stale anchor with a repeated quote belongs', () => {
    // Two copies with the same QUOTE_CONTEXT characters around them: nothing tells them apart.
    const filler = '这一段文字只是用来隔开两处相同的句子，并且足够长，使两处的上下文完全一样。';
    const sentence = '各地积极开展健康知识进万家活动。';
    const text = filler + sentence + filler + sentence + filler;
    const { quote } = anchorOn(text, '健康知识');
    const { outcomes } = reanchor(text, text, [{ id: 'stale', start: 999, end: 1003, quote }]);
    expect([outcomes[0]!.status, outcomes[0]!.reason]).toEqual(['orphaned', 'ambiguous']);
    expect(outcomes[0]!.candidate).toBeDefined();
  });

  it('follows its own copy of a duplicated paragraph, not the identical other copy', () => {
    const p = '全省居民健康素养水平从2019年19.18%提升到2021年的26.82%。';
    const oldText = `${p}\n${p}`;
    const newText = `${p}\n${p.replace('2021年的26.82%', '2021年26.82%')}`;
    const first = anchorOn(oldText, '提升到2021年的26.82%', 'first');
    const second = anchorOn(oldText, '提升到2021年的26.82%', 'second', 1);
    const { outcomes } = reanchor(oldText, newText, [first, second]);
    expect([outcomes[0]!.status, outcomes[0]!.start]).toEqual(['unchanged', first.start]);
    // The unedited first copy holds the exact quote, but it is the first anchor's: the second stays on its own, edited, copy.
    expect(outcomes[1]!.status).toBe('refound');
    expect(newText.slice(outcomes[1]!.start, outcomes[1]!.end)).toBe('提升到2021年26.82%');
    expect(outcomes[1]!.start).toBeGreaterThan(p.length);
  });

  it('orphans, with a reason, a short phrase that moved away from both its contexts', () => {
    const oldText = '一、工作背景\n普及健康知识，开展义诊。\n二、主要做法\n组织专家下乡，群众满意。';
    const newText = '一、工作背景\n普及健康知识，群众满意。\n二、主要做法\n组织专家下乡，开展义诊活动。';
    const { outcomes } = reanchor(oldText, newText, [anchorOn(oldText, '开展义诊')]);
    // "开展义诊" is still there, once, but neither side of its context nor the diff says it is the same passage.
    expect([outcomes[0]!.status, outcomes[0]!.reason]).toEqual(['orphaned', 'unconfirmed']);
    expect(outcomes[0]!.candidate).toMatchObject({ start: newText.indexOf('开展义诊'), end: newText.indexOf('开展义诊') + 4 });
  });

  it('never produces offsets inside a surrogate pair, even from offsets that split one', () => {
    const oldText = '义诊活动在𠀀家村举行，村民点赞😀。';
    const newText = '义诊活动在𠀀𠀀家村举行，村民点赞😁。';
    const anchors: Anchor[] = [
      { id: 'split-start', start: 6, end: 9, quote: { exact: oldText.slice(6, 9), prefix: oldText.slice(0, 6), suffix: oldText.slice(9) } },
      { id: 'split-end', start: 15, end: 17, quote: { exact: oldText.slice(15, 17), prefix: oldText.slice(0, 15), suffix: oldText.slice(17) } },
      anchorOn(oldText, '𠀀家村', 'whole'),
    ];
    const { outcomes } = reanchor(oldText, newText, anchors);
    for (const o of outcomes) {
      if (o.status === 'orphaned') continue;
      for (const pos of [o.start!, o.end!]) {
        const c = newText.charCodeAt(pos);
        expect(c >= 0xdc00 && c <= 0xdfff && pos > 0, `${o.id} at ${pos}`).toBe(false);
      }
    }
    expect(outcomes[2]!.status).toBe('moved');
  });

  it('uses a map the caller already has instead of diffing, and a Mapping through several revisions', () => {
    const anchor = anchorOn(TEXT, '2021年26.82%');
    const v2 = edit(TEXT, ['（二）', '（三）'], ['19.18%', '19.180%']);
    const v3 = edit(v2, ['全省居民', '河北省居民']);
    const direct = reanchor(TEXT, v3, [anchor]);
    const chained = reanchor(TEXT, v3, [anchor], { map: new Mapping([diffTexts(TEXT, v2).map, diffTexts(v2, v3).map]) });
    const at = v3.indexOf('2021年26.82%');
    expect([direct.outcomes[0]!.status, direct.outcomes[0]!.start]).toEqual(['moved', at]);
    expect(chained.outcomes).toEqual(direct.outcomes);
    // A wrong map cannot attach the anchor to other text: the quote check catches it and the quote search takes over.
    const wrong = reanchor(TEXT, v3, [anchor], { map: new StepMap([{ oldStart: 0, oldSize: 0, newSize: 7 }]) });
    expect([wrong.outcomes[0]!.status, wrong.outcomes[0]!.start]).toEqual(['moved', at]);
  });

  it('still re-anchors every corpus case by quote when the diff gives up', () => {
    for (const c of REANCHOR_CORPUS) {
      const anchors = c.annotations.map((a) => {
        const outer = c.oldText.indexOf(a.within ?? a.exact);
        const start = outer + (a.within ?? a.exact).indexOf(a.exact);
        return { id: a.id, start, end: start + a.exact.length, quote: makeQuote(c.oldText, start, start + a.exact.length) };
      });
      const { outcomes } = reanchor(c.oldText, c.newText, anchors, { diff: { maxEditLength: 0 } });
      expect(invariantViolations(c.newText, anchors, outcomes), c.name).toEqual([]);
      // Nothing the full diff orphans is placed, and what it keeps on the same text is still found.
      const full = reanchor(c.oldText, c.newText, anchors).outcomes;
      outcomes.forEach((o, i) => {
        if (full[i]!.status === 'orphaned') expect(o.status, `${c.name}: ${o.id}`).toBe('orphaned');
        if (full[i]!.status === 'unchanged' || full[i]!.status === 'moved') expect([o.start, o.end], `${c.name}: ${o.id}`).toEqual([full[i]!.start, full[i]!.end]);
      });
    }
  });
});
