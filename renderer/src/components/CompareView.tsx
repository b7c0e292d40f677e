import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { consensusOfDifference } from '../../../shared/compare/adjudication.ts';
import type { DifferenceItem } from '../../../shared/compare/span-diff.ts';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import { highlightCss, planHighlights } from '../reader/highlight-plan.ts';
import { HighlightPainter, installStyles } from '../reader/paint.ts';
import { layoutParagraphs } from '../reader/paragraphs.ts';
import { TextIndex } from '../reader/text-index.ts';
import { adjudicationKey } from '../lib/adjudication-keys.ts';
import { preselectedReviewers, rememberedReviewers, rememberReviewers } from '../lib/compare-choice.ts';
import { labelById, useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';

const CONSENSUS = 'consensus';
/** Each column paints its own highlights (the same range can carry different labels side by side). */
const columnPrefix = (column: number) => `cmp${column}-`;

/**
 * Two or more reviewers' annotations of one case side by side, the differences listed and
 * marked (missing on one side and extra on the other, different boundaries, label or fields), and for each
 * difference a choice of which version becomes the consensus.
 */
export function CompareView() {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const info = useApp((s) => s.info);
  const caseId = useApp((s) => s.caseId);
  const detail = useApp((s) => s.detail);
  const schema = useApp((s) => s.schema);
  const run = useApp((s) => s.run);
  const refreshInfo = useApp((s) => s.refreshInfo);
  const setReviewer = useApp((s) => s.setReviewer);
  const setView = useApp((s) => s.setView);
  const selectSpan = useApp((s) => s.selectSpan);
  const all = useMemo(() => (info?.reviewers ?? []).filter((r) => r !== CONSENSUS), [info]);
  // The people chosen for this case (remembered in this browser), else who finished it, else who worked on it.
  const [chosen, setChosenState] = useState<{ caseId: string | null; reviewers: string[] }>({ caseId: null, reviewers: [] });
  const summary = detail?.summary;
  const preselected = useMemo(() => (summary && info ? preselectedReviewers(all, summary, rememberedReviewers(info.dir, summary.id)) : all.slice(0, 2)), [all, summary, info]);
  const setChosen = (reviewers: string[]) => {
    if (!caseId || !info) return;
    setChosenState({ caseId, reviewers });
    if (reviewers.length >= 2) rememberReviewers(info.dir, caseId, reviewers);
  };
  const current = chosen.caseId === caseId ? chosen.reviewers : [];
  const reviewerKey = (current.length >= 2 ? current : preselected).join(',');
  const reviewers = useMemo(() => (reviewerKey ? reviewerKey.split(',') : []), [reviewerKey]);
  const [items, setItems] = useState<DifferenceItem[]>([]);
  const [consensus, setConsensus] = useState<SpanAnnotation[]>([]);
  const [focus, setFocus] = useState<string | null>(null);

  // Bumped after each adjudication: the comparison and the columns reload.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!caseId || reviewers.length < 2) return;
    let live = true;
    void (async () => {
      const r = await run(conn.api.compareReviewers({ caseId, reviewers }));
      const c = info?.reviewers.includes(CONSENSUS) ? await run(conn.api.getCase({ caseId, reviewers: [CONSENSUS] })) : null;
      if (!live) return;
      if (r) setItems(r.items);
      setConsensus(c?.spans ?? []);
    })();
    return () => {
      live = false;
    };
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- `version` is bumped after an adjudication to reload
  }, [caseId, reviewers, conn, run, info, version]);

  useEffect(() => {
    if (schema) installStyles('compare', reviewers.map((_, i) => highlightCss(schema.labels, columnPrefix(i))).join('\n') + '\n::highlight(cb-cmp-focus) { background-color: rgba(179, 38, 30, 0.18); text-decoration: underline wavy 2px #b3261e; }');
  }, [schema, reviewers]);

  if (!detail || !caseId) return <main className="view">{t('reader.empty')}</main>;
  if (all.length < 2) return <main className="view compare-view"><p className="muted">{t('compare.needTwo')}</p></main>;

  const decision = (item: DifferenceItem, spanIds: string[]) => ({ start: item.start, end: item.end, spanIds, candidateIds: Object.values(item.spans).flat().map((s) => s.id) });
  const adjudicate = async (decisions: ReturnType<typeof decision>[]) => {
    if (!decisions.length) return;
    if ((await run(conn.api.adjudicate({ caseId, decisions, seenConsensus: consensus.map((s) => s.id) }))) !== null) {
      await refreshInfo();
      setVersion((v) => v + 1);
    }
  };
  const reviewerSpans = items.flatMap((i) => Object.values(i.spans).flat());
  /** Whose version the consensus holds for a difference: a reviewer, 'edited', or null (nothing adopted yet). */
  const adoptedFrom = (item: DifferenceItem): string | null => {
    const mine = consensusOfDifference(decision(item, []), consensus, reviewerSpans);
    const held = consensus.filter((s) => mine.has(s.id));
    if (!held.length) return null;
    const sig = (list: SpanAnnotation[]) => list.map((s) => `${s.start}:${s.end}:${s.label}`).sort().join('|');
    return reviewers.find((r) => sig(item.spans[r] ?? []) === sig(held)) ?? 'edited';
  };
  const differences = items.filter((i) => i.kind !== 'match');
  // Agreements not in the consensus yet: accepted together in one step.
  const openAgreements = items.filter((i) => i.kind === 'match' && adoptedFrom(i) === null);
  // The consensus is a reviewer of its own: editing it means annotating as `consensus`, in the
  // reader, with every tool of the annotate view; the badge says so until the editor switches back.
  const editConsensus = async (item: DifferenceItem) => {
    await setReviewer(CONSENSUS);
    setView('annotate');
    const span = consensus.find((s) => s.start < item.end && s.end > item.start);
    if (span) selectSpan(span.id);
  };

  // Deciding by key, for the difference the focus is in: 1, 2 … adopt that column's version,
  // 0 neither, ↓/j and ↑/k go on to the next and back to the previous difference.
  const onDifferenceKey = (e: React.KeyboardEvent<HTMLOListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const li = (e.target as HTMLElement).closest<HTMLElement>('[data-difference-id]');
    const at = items.findIndex((i) => i.id === (li?.dataset.differenceId ?? focus));
    const item = items[at];
    if (!item) return;
    const key = adjudicationKey(e.key, reviewers.length, item.kind === 'match');
    if (!key) return;
    e.preventDefault();
    if (key.action === 'move') {
      const next = items[at + key.step];
      if (next) e.currentTarget.querySelector<HTMLElement>(`[data-difference-id="${next.id}"] .head`)?.focus();
      return;
    }
    const r = reviewers[key.action === 'adopt' ? key.reviewer : 0]!;
    void adjudicate([decision(item, key.action === 'none' ? [] : (item.spans[r] ?? []).map((x) => x.id))]);
  };

  return (
    <main className="view compare-view" aria-label={t('views.compare')}>
      <header className="view-head">
        <h1>
          {t('app.labelled', { label: t('compare.title'), value: detail.summary.title })}
        </h1>
        <fieldset className="chips">
          <legend>{t('compare.reviewers')}</legend>
          {all.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={reviewers.includes(r)} onChange={(e) => setChosen(e.target.checked ? [...new Set([...reviewers, r])] : reviewers.filter((x) => x !== r))} /> {r}
            </label>
          ))}
        </fieldset>
        <span className="muted">{t('compare.summary', { differences: differences.length, agreed: items.length - differences.length })}</span>
        {openAgreements.length ? (
          <button type="button" onClick={() => void adjudicate(openAgreements.map((i) => decision(i, (i.spans[reviewers[0]!] ?? []).map((x) => x.id))))}>
            {t('compare.acceptAgreed', { count: openAgreements.length })}
          </button>
        ) : null}
      </header>
      <div className="compare-body">
        <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${reviewers.length}, minmax(0, 1fr))` }}>
          {reviewers.map((r, i) => (
            <CompareColumn key={r} reviewer={r} column={i} text={detail.text} caseId={caseId} focus={items.find((x) => x.id === focus) ?? null} version={version} />
          ))}
        </div>
        <ol className="differences" aria-label={t('compare.differences')} aria-keyshortcuts="1 2 0 ArrowDown ArrowUp" onKeyDown={onDifferenceKey}>
          {items.map((item) => {
            const adopted = adoptedFrom(item);
            return (
              <li key={item.id} data-difference-id={item.id} className={`difference kind-${item.kind}${item.id === focus ? ' focused' : ''}`}>
                <button type="button" className="link head" onClick={() => setFocus(item.id)} onFocus={() => setFocus(item.id)}>
                  <strong>{t(`compare.kinds.${item.kind}`)}</strong> <span lang="zh-CN">“{detail.text.slice(item.start, Math.min(item.end, item.start + 24))}”</span>
                </button>
                {item.fields ? <span className="muted small"> {item.fields.join(', ')}</span> : null}
                <div className="versions">
                  {reviewers.map((r) => (
                    <div key={r} className="version">
                      <span className="reviewer">{r}</span>
                      {item.kind === 'missing' ? <span className={`presence ${item.spans[r]?.length ? 'extra' : 'absent'}`}>{t(item.spans[r]?.length ? 'compare.extra' : 'compare.absent')}</span> : null}
                      {t('app.colon')}
                      <Versions spans={item.spans[r] ?? []} />
                      {item.kind !== 'match' ? (
                        <button type="button" onClick={() => void adjudicate([decision(item, (item.spans[r] ?? []).map((s) => s.id))])} aria-pressed={adopted === r}>
                          {adopted === r ? '✔ ' : ''}
                          {t('compare.adopt', { reviewer: r })}
                        </button>
                      ) : null}
                    </div>
                  ))}
                  {item.kind === 'match' ? (
                    <button type="button" onClick={() => void adjudicate([decision(item, (item.spans[reviewers[0]!] ?? []).map((s) => s.id))])} aria-pressed={!!adopted}>
                      {adopted ? '✔ ' : ''}
                      {t('compare.accept')}
                    </button>
                  ) : (
                    <button type="button" onClick={() => void adjudicate([decision(item, [])])}>
                      {t('compare.none')}
                    </button>
                  )}
                  <button type="button" className="link" onClick={() => void editConsensus(item)}>
                    ✎ {t('compare.editConsensus')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </main>
  );
}

function Versions({ spans }: { spans: SpanAnnotation[] }) {
  const { t } = useTranslation();
  const name = useLocalised();
  const schema = useApp((s) => s.schema);
  if (!spans.length) return <em className="muted">{t('compare.nothing')}</em>;
  return (
    <>
      {spans.map((s) => {
        const l = labelById(schema?.labels, s.label);
        const f = Object.entries(s.fields).filter(([, v]) => v !== null && v !== '');
        return (
          <span key={s.id} className="span-version">
            <span className={`label-chip label-${s.label}`} aria-hidden="true">
              {l?.glyph}
            </span>
            {l ? name(l.name) : s.label} “{s.quote.exact}”{f.length ? ` (${f.map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}
          </span>
        );
      })}
    </>
  );
}

/** One reviewer's column: the text with their spans painted, the focused difference marked. */
const CompareColumn = memo(function CompareColumn({ reviewer, column, text, caseId, focus, version }: { reviewer: string; column: number; text: string; caseId: string; focus: DifferenceItem | null; version: number }) {
  const conn = useApp((s) => s.conn);
  const schema = useApp((s) => s.schema);
  const root = useRef<HTMLDivElement>(null);
  const painter = useRef(new HighlightPainter());
  const [spans, setSpans] = useState<SpanAnnotation[]>([]);
  const paragraphs = useMemo(() => layoutParagraphs(text, []), [text]);
  useEffect(() => {
    let live = true;
    void conn.api.getCase({ caseId, reviewers: [reviewer] }).then((d) => live && setSpans(d.spans));
    return () => {
      live = false;
    };
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- `version` says the reviewer's spans or the consensus changed
  }, [conn, caseId, reviewer, version]);
  useLayoutEffect(() => {
    if (!root.current || !schema) return;
    const index = new TextIndex(root.current);
    const groups = planHighlights({ spans, labels: schema.labels, reviewer, showOthers: false, selectedId: null }).map((g) => ({ ...g, name: `${columnPrefix(column)}${g.name}` }));
    painter.current.paint(index, groups);
    // The focused difference, marked in every column (each column adds its range).
    const focusRanges = column === 0 ? [] : [...(CSS.highlights.get('cb-cmp-focus') ?? [])];
    const r = focus ? index.range(focus.start, focus.end) : null;
    if (r) {
      CSS.highlights.set('cb-cmp-focus', new Highlight(r, ...(focusRanges as Range[])));
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    } else if (column === 0) CSS.highlights.delete('cb-cmp-focus');
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- the paragraphs are the DOM the ranges point into
  }, [spans, schema, reviewer, column, focus, paragraphs]);
  return (
    <section className="compare-column" aria-label={reviewer}>
      <h2>{reviewer}</h2>
      <div ref={root} className="reader-text compact" lang="zh-CN">
        {paragraphs.map((p) => (
          <p key={p.start} data-start={p.start}>
            {p.text}
          </p>
        ))}
      </div>
    </section>
  );
});
