import type { OrphanReason } from './reanchor.ts';

/**
 * A test corpus for re-anchoring: realistic edits of real case text (the Hebei second batch and the
 * 2024 national compendium, under seeds/), each with annotations and the outcome expected for
 * every one of them. Spans are given by their text rather than by offsets so that the corpus
 * reads as what a reviewer sees; `within` picks one occurrence when the text occurs more than once.
 */

export interface SpanRef {
  /** The annotated text. */
  exact: string;
  /** A longer text, occurring once, that contains the span; needed when `exact` is not unique. */
  within?: string;
}

export type ExpectedOutcome =
  /** Placed on the same text (`at` locates it in the new text; default: the annotation's own ref). */
  | { status: 'unchanged' | 'moved'; at?: SpanRef }
  /** Placed on edited text: `at.exact` is what the span covers afterwards. */
  | { status: 'refound'; at: SpanRef }
  | { status: 'orphaned'; reason: OrphanReason };

export interface CorpusAnnotation extends SpanRef {
  id: string;
  expect: ExpectedOutcome;
}

export interface CorpusCase {
  name: string;
  oldText: string;
  newText: string;
  annotations: CorpusAnnotation[];
}

// Hebei, second batch, case 1 (健康知识普及行动), paragraphs as the loader leaves them.
const BACKGROUND_HEAD = '一、工作背景';
const BACKGROUND =
  '普及健康知识，提高全省居民健康素养，是提高居民健康水平最经济最有效的措施之一。河北省人口众多、经济欠发达，城乡居民关于预防疾病、早期发现、紧急救援、合理用药等健康知识与技能的掌握一度较为匮乏，据2019年全省居民健康素养水平调查显示，当年我省居民健康素养为19.18%，其中农村居民健康素养、健康生活方式与行为素养等指标较低。为尽快扭转这种状况，近年来，我省不断加大科普宣传力度，不断加大权威科普知识供给，拓展宣传平台、创新宣传形式、强化宣传队伍，建立省市健康科普专家库，提升居民自我健康管理能力和健康水平。';
const PRACTICE =
  '（一）抓实四项重点。一是建立完善健康科普知识发布和传播机制，鼓励全社会、各部门积极开展健康科普传播，强化优质科普知识供给，广泛开展社会动员，满足群众多样化的健康知识获取需求。二是出台措施鼓励医务人员讲科普，探索开展将健康教育和健康促进纳入我省医务人员晋升、评先、晋级的考核条件之中。';
const RESULTS_HEAD = '三、推进成效';
const AWARENESS =
  '（一）群众健康意识明显增强。通过大力度、多平台宣传，“提升健康素养，做自己健康第一责任人”的理念更加深入人心。“戴口罩、勤洗手、常通风、一米线”等健康文明生活方式养成已成为社会共识，为常态化疫情防控筑起一道严密防线。';
const LITERACY =
  '（二）居民健康素养水平得到提升。全省居民健康素养水平从2019年19.18%提升到2021年26.82%。其中2021年城乡居民基本知识和理念素养、健康生活方式与行为素养、基本技能素养水平较2019年分别提升8.72、10.15、2.50个百分点。全省贫困地区健康素养从2018年7.56%提升到2020年18.09%。';

const HEBEI = [BACKGROUND_HEAD, BACKGROUND, RESULTS_HEAD, AWARENESS, LITERACY].join('\n');
/** The same text as extracted, with a doubled character an editor will remove. */
const HEBEI_WITH_TYPO = edit(HEBEI, ['技能的掌握', '技能的的掌握']);

// 2024 compendium, Beijing (市民健康体重行动): hard line breaks of the PDF left in mid-sentence.
const WEIGHT =
  '（三）体重控制成效显著\n活动前后，1134名参与者被抽取完成了两次体质检测，其\n中 866人（76.37%）体重下降。1134名参与者人均减重 1.42kg，最高减重 18.30kg。活动终期超重肥胖的比例由 46.83%降低为41.71%（P<0.05），说明活动对于参与者的体重降低具有积极影响。\n（四）健康体重意识提高\n通过 12周活动干预，表示会主动学习体重控制知识技能，以及会主动采取体重管理措施的人数都有所增加。';

// A village report with an astral character in a place name and emoji, as pasted from a chat.
const VILLAGE = '义诊活动在𠀀家村卫生室举行，村民纷纷点赞👍。\n本次活动共服务群众300余人次，发放健康教育资料😀1200余份。';

const PANDEMIC_SENTENCE = '“戴口罩、勤洗手、常通风、一米线”等健康文明生活方式养成已成为社会共识，为常态化疫情防控筑起一道严密防线。';

export const REANCHOR_CORPUS: CorpusCase[] = [
  {
    name: 'typo fixed (a doubled 的 removed), outside and inside spans',
    oldText: HEBEI_WITH_TYPO,
    newText: HEBEI,
    annotations: [
      { id: 'before', exact: '提高全省居民健康素养', expect: { status: 'unchanged' } },
      { id: 'around-typo', exact: '合理用药等健康知识与技能的的掌握一度较为匮乏', expect: { status: 'refound', at: { exact: '合理用药等健康知识与技能的掌握一度较为匮乏' } } },
      { id: 'after-in-paragraph', exact: '当年我省居民健康素养为19.18%', expect: { status: 'moved' } },
      { id: 'next-paragraph', exact: '全省居民健康素养水平从2019年19.18%提升到2021年26.82%', expect: { status: 'moved' } },
      { id: 'repeated-number', exact: '19.18%', within: '2019年19.18%提升', expect: { status: 'moved' } },
      { id: 'heading', exact: RESULTS_HEAD, expect: { status: 'moved' } },
    ],
  },
  {
    name: 'a number changed inside an indicator span (26.82% → 26.83%)',
    oldText: HEBEI,
    newText: edit(HEBEI, ['2021年26.82%', '2021年26.83%']),
    annotations: [
      { id: 'indicator', exact: '全省居民健康素养水平从2019年19.18%提升到2021年26.82%', expect: { status: 'refound', at: { exact: '全省居民健康素养水平从2019年19.18%提升到2021年26.83%' } } },
      { id: 'value', exact: '26.82%', expect: { status: 'refound', at: { exact: '26.83%' } } },
      { id: 'baseline', exact: '19.18%', within: '2019年19.18%提升', expect: { status: 'unchanged' } },
      { id: 'same-sentence-after', exact: '分别提升8.72、10.15、2.50个百分点', expect: { status: 'unchanged' } },
    ],
  },
  {
    name: 'a stray line break removed mid-sentence (joined lines)',
    oldText: WEIGHT,
    newText: edit(WEIGHT, ['其\n中', '其中']),
    annotations: [
      { id: 'before', exact: '两次体质检测', expect: { status: 'unchanged' } },
      {
        id: 'across-break',
        exact: '1134名参与者被抽取完成了两次体质检测，其\n中 866人（76.37%）体重下降',
        expect: { status: 'refound', at: { exact: '1134名参与者被抽取完成了两次体质检测，其中 866人（76.37%）体重下降' } },
      },
      { id: 'after-break', exact: '1134名参与者人均减重 1.42kg', expect: { status: 'moved' } },
      { id: 'repeated-count', exact: '1134名参与者', within: '1134名参与者人均', expect: { status: 'moved' } },
      { id: 'indicator', exact: '超重肥胖的比例由 46.83%降低为41.71%', expect: { status: 'moved' } },
      { id: 'heading-below', exact: '（四）健康体重意识提高', expect: { status: 'moved' } },
    ],
  },
  {
    name: 'a paragraph inserted',
    oldText: HEBEI,
    newText: [BACKGROUND_HEAD, BACKGROUND, '二、主要做法', PRACTICE, RESULTS_HEAD, AWARENESS, LITERACY].join('\n'),
    annotations: [
      { id: 'before', exact: '建立省市健康科普专家库', expect: { status: 'unchanged' } },
      { id: 'heading-after', exact: RESULTS_HEAD, expect: { status: 'moved' } },
      { id: 'indicator-after', exact: '全省贫困地区健康素养从2018年7.56%提升到2020年18.09%', expect: { status: 'moved' } },
    ],
  },
  {
    name: 'a paragraph deleted',
    oldText: HEBEI,
    newText: [BACKGROUND_HEAD, BACKGROUND, RESULTS_HEAD, LITERACY].join('\n'),
    annotations: [
      { id: 'inside-deleted', exact: '“戴口罩、勤洗手、常通风、一米线”', expect: { status: 'orphaned', reason: 'deleted' } },
      { id: 'whole-deleted', exact: AWARENESS, expect: { status: 'orphaned', reason: 'deleted' } },
      { id: 'straddling', exact: '筑起一道严密防线。\n（二）居民健康素养水平得到提升', expect: { status: 'orphaned', reason: 'rewritten' } },
      { id: 'before', exact: '当年我省居民健康素养为19.18%', expect: { status: 'unchanged' } },
      { id: 'after', exact: '全省贫困地区健康素养从2018年7.56%提升到2020年18.09%', expect: { status: 'moved' } },
    ],
  },
  {
    name: 'a paragraph cut and pasted elsewhere',
    oldText: HEBEI,
    newText: [BACKGROUND_HEAD, BACKGROUND, RESULTS_HEAD, LITERACY, AWARENESS].join('\n'),
    annotations: [
      { id: 'middle', exact: '“提升健康素养，做自己健康第一责任人”的理念更加深入人心', expect: { status: 'moved' } },
      { id: 'paragraph-start', exact: '（一）群众健康意识明显增强', expect: { status: 'moved' } },
      { id: 'paragraph-end-short', exact: '严密防线', expect: { status: 'moved' } },
      { id: 'whole-paragraph', exact: AWARENESS, expect: { status: 'moved' } },
      { id: 'jumped-over', exact: '全省居民健康素养水平从2019年19.18%提升到2021年26.82%', expect: { status: 'moved' } },
      { id: 'untouched', exact: '建立省市健康科普专家库', expect: { status: 'unchanged' } },
    ],
  },
  {
    name: 'a sentence rewritten',
    oldText: HEBEI,
    newText: edit(HEBEI, [PANDEMIC_SENTENCE, '科学佩戴口罩、保持社交距离等健康文明生活方式逐步普及，成为群众的自觉行动。']),
    annotations: [
      { id: 'rewritten', exact: '“戴口罩、勤洗手、常通风、一米线”等健康文明生活方式养成已成为社会共识', expect: { status: 'orphaned', reason: 'rewritten' } },
      { id: 'rewritten-tail', exact: '为常态化疫情防控筑起一道严密防线', expect: { status: 'orphaned', reason: 'rewritten' } },
      { id: 'whole-sentence', exact: PANDEMIC_SENTENCE, expect: { status: 'orphaned', reason: 'rewritten' } },
      { id: 'phrase-kept', exact: '健康文明生活方式', expect: { status: 'moved' } },
      { id: 'neighbour-before', exact: '“提升健康素养，做自己健康第一责任人”的理念更加深入人心', expect: { status: 'unchanged' } },
      { id: 'neighbour-after', exact: '（二）居民健康素养水平得到提升', expect: { status: 'moved' } },
    ],
  },
  {
    name: 'a short phrase with many copies, edited in the annotated copy',
    oldText: HEBEI,
    newText: edit(HEBEI, ['当年我省居民健康素养为19.18%', '当年我省居民健康素质为19.18%']),
    annotations: [
      // "健康素养" occurs eight times; the edited copy is 0.75 similar and must not jump to another.
      { id: 'edited-copy', exact: '健康素养', within: '居民健康素养为', expect: { status: 'orphaned', reason: 'rewritten' } },
      { id: 'other-copy', exact: '健康素养', within: '贫困地区健康素养从', expect: { status: 'unchanged' } },
      { id: 'sentence', exact: '当年我省居民健康素养为19.18%', expect: { status: 'refound', at: { exact: '当年我省居民健康素质为19.18%' } } },
    ],
  },
  {
    name: 'an annotated clause deleted while the same phrase remains elsewhere',
    oldText: HEBEI,
    newText: edit(HEBEI, ['据2019年全省居民健康素养水平调查显示，当年我省居民健康素养为19.18%，', '']),
    annotations: [
      { id: 'deleted-phrase', exact: '全省居民健康素养水平', within: '全省居民健康素养水平调查', expect: { status: 'orphaned', reason: 'deleted' } },
      { id: 'deleted-number', exact: '19.18%', within: '素养为19.18%', expect: { status: 'orphaned', reason: 'deleted' } },
      { id: 'surviving-phrase', exact: '全省居民健康素养水平', within: '全省居民健康素养水平从', expect: { status: 'moved' } },
      { id: 'surviving-number', exact: '19.18%', within: '2019年19.18%提升', expect: { status: 'moved' } },
    ],
  },
  {
    name: 'an item deleted from a list of parallel items',
    oldText: HEBEI,
    newText: edit(HEBEI, ['健康生活方式与行为素养、基本技能', '基本技能'], ['8.72、10.15、2.50', '8.72、2.50']),
    annotations: [
      // The parallel items around the deleted ones are as similar as lists get; the annotations must not slide onto them.
      { id: 'deleted-item', exact: '健康生活方式与行为素养', within: '健康生活方式与行为素养、基本技能', expect: { status: 'orphaned', reason: 'deleted' } },
      { id: 'deleted-number', exact: '10.15', expect: { status: 'orphaned', reason: 'deleted' } },
      { id: 'item-before', exact: '基本知识和理念素养', expect: { status: 'unchanged' } },
      { id: 'item-after', exact: '基本技能素养水平', expect: { status: 'moved' } },
      { id: 'number-after', exact: '2.50个百分点', expect: { status: 'moved' } },
      { id: 'same-phrase-elsewhere', exact: '健康生活方式与行为素养', within: '健康生活方式与行为素养等指标', expect: { status: 'unchanged' } },
    ],
  },
  {
    name: 'a sentence deleted next to a parallel sentence',
    oldText: HEBEI,
    newText: edit(HEBEI, ['全省居民健康素养水平从2019年19.18%提升到2021年26.82%。', '']),
    annotations: [
      { id: 'deleted-indicator', exact: '全省居民健康素养水平从2019年19.18%提升到2021年26.82%', expect: { status: 'orphaned', reason: 'deleted' } },
      { id: 'deleted-value', exact: '26.82%', expect: { status: 'orphaned', reason: 'deleted' } },
      { id: 'parallel-indicator', exact: '全省贫困地区健康素养从2018年7.56%提升到2020年18.09%', expect: { status: 'moved' } },
    ],
  },
  {
    name: 'edits touching span boundaries',
    oldText: HEBEI,
    newText: edit(
      HEBEI,
      ['通过大力度', '通过持续大力度'],
      ['社会共识，', '社会共识和自觉行动，'],
      ['严密防线。', '严密防护网。'],
      ['全省居民健康素养水平从', '居民健康素养水平从'],
    ),
    annotations: [
      { id: 'insert-before-start', exact: '大力度、多平台宣传', expect: { status: 'moved' } },
      // Moved only by the insertion earlier in its paragraph; the one at its end stays outside it.
      { id: 'insert-after-end', exact: '等健康文明生活方式养成已成为社会共识', expect: { status: 'moved' } },
      { id: 'end-replaced', exact: '为常态化疫情防控筑起一道严密防线', expect: { status: 'refound', at: { exact: '为常态化疫情防控筑起一道严密防护网' } } },
      { id: 'end-replaced-short', exact: '严密防线', expect: { status: 'orphaned', reason: 'rewritten' } },
      { id: 'start-deleted', exact: '全省居民健康素养水平从2019年19.18%提升到2021年26.82%', expect: { status: 'refound', at: { exact: '居民健康素养水平从2019年19.18%提升到2021年26.82%' } } },
    ],
  },
  {
    name: 'astral characters and emoji around and inside spans',
    oldText: VILLAGE,
    newText: edit(VILLAGE, ['义诊活动在', '🎉义诊活动在'], ['点赞👍', '点赞👏'], ['资料😀1200', '资料1200']),
    annotations: [
      { id: 'astral-start', exact: '𠀀家村卫生室', expect: { status: 'moved' } },
      { id: 'emoji-end', exact: '村民纷纷点赞👍', expect: { status: 'refound', at: { exact: '村民纷纷点赞👏' } } },
      { id: 'emoji-only', exact: '👍', expect: { status: 'orphaned', reason: 'rewritten' } },
      { id: 'emoji-removed-inside', exact: '健康教育资料😀1200余份', expect: { status: 'refound', at: { exact: '健康教育资料1200余份' } } },
      { id: 'after-emoji', exact: '300余人次', expect: { status: 'moved' } },
    ],
  },
];

/** Applies find → replace pairs in turn; each find must occur exactly once, so the corpus cannot drift silently. */
export function edit(text: string, ...changes: (readonly [string, string])[]): string {
  for (const [find, replace] of changes) {
    const at = text.indexOf(find);
    if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`corpus edit: "${find}" must occur exactly once`);
    text = text.slice(0, at) + replace + text.slice(at + find.length);
  }
  return text;
}
