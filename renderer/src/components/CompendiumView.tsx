import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { CaseSource, CompendiumView as View } from '../../../shared/api/types.ts';
import { warnings } from '../../../shared/compendium/checks.ts';
import { addCase, type CompendiumDraft, type LeftOutReason } from '../../../shared/compendium/draft.ts';
import { RECOMMENDATIONS, type Recommendation } from '../../../shared/model/scoring.ts';
import type { RankingRow } from '../../../shared/scoring/ranking.ts';
import { useApp } from '../state/context.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { JobStatus, useExportJob } from './JobStatus.tsx';
import { TextCompare } from './TextCompare.tsx';

/** Parts have no ids: keys of our own follow them through moves and deletions (and focus with them). */
let partKeySeq = 0;
const freshKeys = (v: View) => (v.draft?.parts ?? []).map(() => `part-${++partKeySeq}`);
type FocusTarget = { key: string | null; selector: string };

/**
 * The editors' compendium builder: select cases by recommendation and score, group them into
 * parts, order them (the numbering and table of contents follow), see each case's completeness
 * checks and whose annotations it is built from, and export the draft as DOCX or Markdown.
 * Parts can be renamed, moved and deleted (a part with cases only after confirming: its cases
 * go back to the candidates); an empty part is kept while editing but not exported.
 */
export function CompendiumView() {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const [view, setView] = useState<View | null>(null);
  const [partKeys, setPartKeys] = useState<string[]>([]);
  const [rows, setRows] = useState<RankingRow[]>([]);
  const [recommend, setRecommend] = useState<Recommendation[]>(['include']);
  const [minScore, setMinScore] = useState('');
  const [job, startJob] = useExportJob();
  const [confirming, setConfirming] = useState<{ kind: 'propose' } | { kind: 'delete-part'; index: number } | null>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const draftRef = useRef<HTMLElement>(null);

  // Read again when other writers changed the project (another editor's draft, teammates' scores).
  const changeEpoch = useApp((s) => s.changeEpoch);
  useEffect(() => {
    void conn.api.getCompendium({}).then((v) => {
      setPartKeys(freshKeys(v));
      setView(v);
    });
    void conn.api.ranking({}).then(setRows);
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- `changeEpoch` says other writers changed the project: read it again
  }, [conn, changeEpoch]);

  const draft = view?.draft ?? null;
  const titleOf = (id: string) => rows.find((r) => r.caseId === id)?.title ?? id;
  /** Show a view from the service; `keys` when the parts are ours rearranged, `focus` where focus goes once shown. */
  const show = (v: View, keys?: string[], focus?: FocusTarget) => {
    setPartKeys(keys && keys.length === (v.draft?.parts.length ?? 0) ? keys : freshKeys(v));
    pendingFocus.current = focus ?? null;
    setView(v);
  };
  const save = async (next: CompendiumDraft, keys?: string[], focus?: FocusTarget) => {
    // Made from the draft shown: another editor's save since is merged with it, or refused (and the newer draft shown).
    const v = await run(conn.api.setCompendium({ draft: next, base: draft }));
    if (v) show(v, keys ?? partKeys, focus);
    else show(await conn.api.getCompendium({}));
  };
  const caseCount = draft?.parts.reduce((n, p) => n + p.caseIds.length, 0) ?? 0;

  useEffect(() => {
    const f = pendingFocus.current;
    if (!f || !view) return;
    pendingFocus.current = null;
    const scope = draftRef.current;
    const within = f.key ? scope?.querySelector(`[data-part-key="${f.key}"]`) : scope;
    // A move to the top or bottom disables the button that did it: its twin takes the focus.
    const twin = f.selector === '.part-up' ? '.part-down' : f.selector === '.part-down' ? '.part-up' : '.part-title';
    const target = [f.selector, twin, '.part-title'].map((sel) => within?.querySelector<HTMLElement>(`${sel}:not([disabled])`)).find(Boolean);
    target?.focus();
  }, [view, pendingFocus, draftRef]);

  const propose = () =>
    void run(conn.api.proposeCompendium({ title: draft?.title ?? t('compendium.defaultTitle'), recommendations: recommend, minScore: minScore ? Number(minScore) : null })).then((v) => v && show(v));
  /** Move a part one place up or down; focus stays on the button that moved it (or its twin at an end). */
  const movePart = (index: number, delta: -1 | 1) => {
    if (!draft) return;
    const target = index + delta;
    if (target < 0 || target >= draft.parts.length) return;
    const parts = [...draft.parts];
    const keys = [...partKeys];
    [parts[index], parts[target]] = [parts[target]!, parts[index]!];
    [keys[index], keys[target]] = [keys[target]!, keys[index]!];
    void save({ ...draft, parts }, keys, { key: keys[target]!, selector: delta < 0 ? '.part-up' : '.part-down' });
  };
  const deletePart = (index: number) => {
    if (!draft) return;
    const keys = partKeys.filter((_, i) => i !== index);
    // Focus goes to the part now in its place, else the one before, else the button that adds a part.
    const then = keys[Math.min(index, keys.length - 1)] ?? null;
    void save({ ...draft, parts: draft.parts.filter((_, i) => i !== index) }, keys, then ? { key: then, selector: '.part-title' } : { key: null, selector: '.add-part' });
  };
  const sourceLabel = (s: CaseSource | undefined) =>
    !s || !s.reviewer
      ? t('compendium.sourceNone')
      : s.why === 'consensus'
        ? t('compendium.sourceConsensus')
        : s.why === 'most-spans'
          ? t('compendium.sourceMost', { who: s.reviewer })
          : t('compendium.source', { who: s.reviewer });
  const move = (part: number, index: number, delta: -1 | 1) => {
    if (!draft) return;
    const parts = draft.parts.map((p) => ({ ...p, caseIds: [...p.caseIds] }));
    const list = parts[part]!.caseIds;
    const target = index + delta;
    if (target < 0 || target >= list.length) return;
    [list[index], list[target]] = [list[target]!, list[index]!];
    void save({ ...draft, parts });
  };
  const moveToPart = (from: number, index: number, to: number) => {
    if (!draft || from === to) return;
    const parts = draft.parts.map((p) => ({ ...p, caseIds: [...p.caseIds] }));
    const [id] = parts[from]!.caseIds.splice(index, 1);
    parts[to]!.caseIds.push(id!);
    void save({ ...draft, parts });
  };
  const inDraft = new Set(draft?.parts.flatMap((p) => p.caseIds) ?? []);
  /** A case added by hand goes into its own part (made where the source has it when the draft has none); keys follow the parts. */
  const addToDraft = (r: RankingRow) => {
    if (!draft || !view) return;
    const next = addCase(draft, r.caseId, r.part, (title) => (view.partOrder.includes(title) ? view.partOrder.indexOf(title) : null));
    const keys = [...partKeys];
    if (next.parts.length > draft.parts.length) {
      const at = next.parts.findIndex((p) => !draft.parts.some((q) => q.title === p.title));
      keys.splice(at, 0, `part-${++partKeySeq}`);
    }
    void save(next, keys);
  };
  const reasonText = (reason: LeftOutReason) => {
    switch (reason.code) {
      case 'disagree':
      case 'majority':
        return t(`compendium.reason.${reason.code}`, { ...reason.counts, majority: t(`recommendation.${reason.majority}`) });
      case 'no-recommendation':
        return t('compendium.reason.noRecommendation');
      case 'below-score':
        return reason.score === null ? t('compendium.reason.unscored', { minScore: reason.minScore }) : t('compendium.reason.belowScore', { score: reason.score.toFixed(2), minScore: reason.minScore });
      case 'removed':
        return t('compendium.reason.removed');
    }
  };
  // Cases are numbered across the book, as the table of contents and the export number them.
  const caseNumbers = new Map((draft?.parts ?? []).flatMap((p) => p.caseIds).map((id, i) => [id, i + 1]));

  return (
    <main className="view compendium-view" aria-label={t('views.compendium')}>
      <header className="view-head">
        <h1>{t('compendium.title')}</h1>
        <fieldset className="chips">
          <legend>{t('compendium.select')}</legend>
          {RECOMMENDATIONS.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={recommend.includes(r)} onChange={(e) => setRecommend(e.target.checked ? [...recommend, r] : recommend.filter((x) => x !== r))} /> {t(`recommendation.${r}`)}
            </label>
          ))}
          <label>
            {t('compendium.minScore')} <input className="narrow" inputMode="decimal" value={minScore} onChange={(e) => setMinScore(e.target.value)} />
          </label>
          <button
            type="button"
            className="primary"
            disabled={!recommend.length}
            onClick={() => (caseCount > 0 ? setConfirming({ kind: 'propose' }) : propose())}
          >
            {t('compendium.propose')}
          </button>
        </fieldset>
      </header>
      <div className="compendium-body">
        <section className="candidates" aria-label={t('compendium.candidates')}>
          <h2>{t('compendium.candidates')}</h2>
          <ol>
            {rows
              // Scored or recommended: what a proposal can select, and where removed cases come back.
              .filter((r) => r.score !== null || Object.values(r.recommendations).some((n) => n > 0) || inDraft.has(r.caseId))
              .map((r) => (
                <li key={r.caseId}>
                  <button
                    type="button"
                    disabled={inDraft.has(r.caseId) || !draft}
                    aria-label={t('compendium.add', { title: r.title })}
                    onClick={() => addToDraft(r)}
                  >
                    {t('app.plus')}
                  </button>{' '}
                  {r.rank}. {r.title} <span className="muted small">{r.score?.toFixed(2) ?? '—'} · {t('recommendation.include')} {r.recommendations.include}</span>
                </li>
              ))}
          </ol>
        </section>
        <section className="draft" aria-label={t('compendium.draft')} ref={draftRef}>
          {draft ? (
            <>
              <label className="field">
                <span>{t('compendium.draftTitle')}</span>
                <input defaultValue={draft.title} onBlur={(e) => e.target.value && e.target.value !== draft.title && void save({ ...draft, title: e.target.value })} />
              </label>
              <label className="field">
                <span>{t('compendium.issuer')}</span>
                <input defaultValue={draft.issuer ?? ''} maxLength={200} onBlur={(e) => e.target.value.trim() !== (draft.issuer ?? '') && void save({ ...draft, issuer: e.target.value.trim() })} />
              </label>
              <label className="field">
                <span>{t('compendium.preface')}</span>
                <textarea className="preface" rows={4} maxLength={20000} defaultValue={draft.preface ?? ''} aria-describedby="preface-hint" onBlur={(e) => e.target.value !== (draft.preface ?? '') && void save({ ...draft, preface: e.target.value })} />
                <small id="preface-hint" className="muted">
                  {t('compendium.prefaceHint')}
                </small>
              </label>
              <label>
                <input type="checkbox" checked={draft.indicatorTables} onChange={(e) => void save({ ...draft, indicatorTables: e.target.checked })} /> {t('compendium.indicatorTables')}
              </label>
              {draft.parts.map((part, p) => (
                <div key={partKeys[p] ?? p} data-part-key={partKeys[p]} className="draft-part" role="group" aria-label={part.title}>
                  <div className="row part-head" style={{ alignItems: 'center', flexWrap: 'nowrap' }}>
                    <PartTitle
                      title={part.title}
                      label={t('compendium.partTitle', { n: p + 1 })}
                      onRename={(title) => void save({ ...draft, parts: draft.parts.map((x, i) => (i === p ? { ...x, title } : x)) })}
                    />
                    <span className="draft-actions">
                      <button type="button" className="part-up" aria-label={t('compendium.partUp', { title: part.title })} disabled={p === 0} onClick={() => movePart(p, -1)}>
                        ↑
                      </button>
                      <button type="button" className="part-down" aria-label={t('compendium.partDown', { title: part.title })} disabled={p === draft.parts.length - 1} onClick={() => movePart(p, 1)}>
                        ↓
                      </button>
                      <button type="button" className="part-delete danger" aria-label={t('compendium.deletePart', { title: part.title })} onClick={() => (part.caseIds.length ? setConfirming({ kind: 'delete-part', index: p }) : deletePart(p))}>
                        ✕
                      </button>
                    </span>
                  </div>
                  {part.caseIds.length ? null : <p className="muted small empty-part">{t('compendium.emptyPart')}</p>}
                  <ol>
                    {part.caseIds.map((id, i) => {
                      const issues = view?.checks[id] ?? [];
                      const warned = warnings(issues);
                      return (
                        <li key={id} className="draft-case">
                          <span className="toc-number">{t('compendium.tocNumber', { n: caseNumbers.get(id) ?? i + 1 })}</span>
                          <span>
                            <span className="draft-title">{titleOf(id)}</span>
                            <br />
                            <small className="muted draft-source" title={t('compendium.sourceHint')}>
                              {sourceLabel(view?.sources[id])}
                            </small>
                          </span>
                          {issues.length ? (
                            <details className="checks">
                              {/* The ⚠ count counts what needs fixing; notes are listed, not counted. */}
                              <summary>{warned.length ? `⚠ ${t('compendium.issues', { count: warned.length })}` : `✔ ${t('compendium.complete')}`}{warned.length < issues.length ? ` · ℹ ${t('compendium.notes', { count: issues.length - warned.length })}` : ''}</summary>
                              <ul>
                                {issues.map((x, k) => (
                                  <li key={k} className={x.severity}>
                                    {x.severity === 'warning' ? '⚠ ' : 'ℹ '}
                                    {x.message}
                                  </li>
                                ))}
                              </ul>
                            </details>
                          ) : (
                            <span className="ok">✔ {t('compendium.complete')}</span>
                          )}
                          <span className="draft-actions">
                            <button type="button" onClick={() => move(p, i, -1)} aria-label={t('compendium.up')} disabled={i === 0}>
                              ↑
                            </button>
                            <button type="button" onClick={() => move(p, i, 1)} aria-label={t('compendium.down')} disabled={i === part.caseIds.length - 1}>
                              ↓
                            </button>
                            <select aria-label={t('compendium.toPart')} value={p} onChange={(e) => moveToPart(p, i, Number(e.target.value))}>
                              {draft.parts.map((x, k) => (
                                <option key={k} value={k}>
                                  {x.title}
                                </option>
                              ))}
                            </select>
                            <button type="button" aria-label={t('compendium.remove')} onClick={() => void save({ ...draft, parts: draft.parts.map((x, k) => (k === p ? { ...x, caseIds: x.caseIds.filter((c) => c !== id) } : x)) })}>
                              ✕
                            </button>
                          </span>
                        </li>
                      );
                    })}
                  </ol>
                </div>
              ))}
              <button
                type="button"
                className="add-part"
                onClick={() => {
                  const key = `part-${++partKeySeq}`;
                  void save({ ...draft, parts: [...draft.parts, { title: t('compendium.newPart'), caseIds: [] }] }, [...partKeys, key], { key, selector: '.part-title' });
                }}
              >
                {t('app.plus')} {t('compendium.addPart')}
              </button>
              {/* Why a case is not in: against the rule the draft was proposed by (a draft built by hand has none). */}
              {draft.rule ? (
                <section className="left-out" aria-label={t('compendium.leftOut')}>
                  <h2>{t('compendium.leftOut')}</h2>
                  <p className="muted small">{t('compendium.leftOutHint')}</p>
                  {view?.leftOut.length ? (
                    <ul>
                      {view.leftOut.map((x) => (
                        <li key={x.caseId}>
                          <span className="left-out-title">{titleOf(x.caseId)}</span> <span className="muted small left-out-reason">{reasonText(x.reason)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted small">{t('compendium.leftOutNone')}</p>
                  )}
                </section>
              ) : null}
              <h2>{t('compendium.toc')}</h2>
              <ol className="toc">
                {view?.toc.map((e, i) => (
                  <li key={i} className={`toc-${e.kind}`}>
                    {e.number}
                    {e.title}
                  </li>
                ))}
              </ol>
              <div className="row">
                {(['docx', 'md'] as const).map((format) => (
                  <button key={format} type="button" className="primary" onClick={() => void startJob(conn.api.exportCompendium({ format }))}>
                    ⇩ {t(`compendium.export.${format}`)}
                  </button>
                ))}
              </div>
              <JobStatus job={job} />
            </>
          ) : (
            <p className="muted">{t('compendium.noDraft')}</p>
          )}
        </section>
      </div>
      <TextCompare />
      {confirming?.kind === 'propose' ? (
        <ConfirmDialog
          id="compendium-confirm"
          title={t('compendium.confirmProposeTitle')}
          message={t('compendium.confirmPropose', { count: caseCount })}
          confirm={t('compendium.confirmProposeButton')}
          onConfirm={propose}
          onCancel={() => setConfirming(null)}
        />
      ) : confirming?.kind === 'delete-part' && draft?.parts[confirming.index] ? (
        <ConfirmDialog
          id="compendium-confirm"
          title={t('compendium.confirmDeleteTitle')}
          message={t('compendium.confirmDelete', { title: draft.parts[confirming.index]!.title, count: draft.parts[confirming.index]!.caseIds.length })}
          confirm={t('compendium.confirmDeleteButton')}
          onConfirm={() => deletePart(confirming.index)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </main>
  );
}

/**
 * A part's title, edited in place: saved on Enter or on leaving the field, put back on Escape
 * or when left empty; follows the saved title when it changes.
 */
function PartTitle({ title, label, onRename }: { title: string; label: string; onRename: (title: string) => void }) {
  const [value, setValue] = useState(title);
  const [saved, setSaved] = useState(title);
  if (saved !== title) {
    setSaved(title);
    setValue(title);
  }
  const commit = () => {
    const v = value.trim();
    if (!v) setValue(title);
    else if (v !== title) onRename(v);
  };
  return (
    <input
      className="part-title"
      style={{ flex: '1 1 auto', width: 'auto', minWidth: 0 }}
      aria-label={label}
      maxLength={100}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setValue(title);
        }
      }}
    />
  );
}
