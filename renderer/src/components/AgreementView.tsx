import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { Coefficient } from '../../../shared/agreement/coefficient.ts';
import type { AgreementReport, CaseAgreement, Coverage } from '../../../shared/agreement/report.ts';
import type { CaseSummary } from '../../../shared/api/types.ts';
import { labelById, useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';
import { PartFilter } from './PartFilter.tsx';
import { agreementRequest, matchesCase } from './agreement-scope.ts';

/** Below this, a figure is flagged (with a sign as well as a colour): where the committee should look. */
const LOW = 0.67;
const CONSENSUS = 'consensus';
// The case picker opens over the figures rather than pushing the header apart.
const PICKER: CSSProperties = { position: 'absolute', zIndex: 5, top: '100%', left: 0, width: 'min(460px, 80vw)', background: '#fff', border: '1px solid var(--line)', borderRadius: 6, padding: 8, boxShadow: '0 6px 20px rgba(0, 0, 0, 0.15)' };
/** With fewer items than this, kappa, ICC and alpha swing widely (ICC can fall far below −1): say so. */
const FEW = 5;

/**
 * How far the reviewers agree, over any set of cases (a part, a document, cases picked by hand)
 * and the reviewers chosen, counting the cases each finished (or all their work): span F1 and
 * unitizing alpha per label, kappa for section kinds and recommendations, weighted kappa / ICC /
 * alpha per rubric criterion, and every case with its figures per label, weakest first. A case
 * opens in the comparison view, where the differences can be adjudicated.
 */
export function AgreementView() {
  const { t } = useTranslation();
  const name = useLocalised();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const info = useApp((s) => s.info);
  const schema = useApp((s) => s.schema);
  const openCase = useApp((s) => s.openCase);
  const setView = useApp((s) => s.setView);
  const [coverage, setCoverage] = useState<Coverage>('done');
  const [part, setPart] = useState('');
  const [documentId, setDocumentId] = useState('');
  // Cases picked by hand (none: all the part and document keep), and reviewers left out.
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  const [listed, setListed] = useState<CaseSummary[]>([]);
  const [rubricNames, setRubricNames] = useState<Record<string, string>>({});
  const [report, setReport] = useState<AgreementReport | null>(null);
  const all = useMemo(() => (info?.reviewers ?? []).filter((r) => r !== CONSENSUS), [info]);
  const reviewers = all.filter((r) => !excluded.has(r));
  const request = useMemo(
    () => agreementRequest({ coverage, part, documentId, picked, excluded }, listed.map((c) => c.id), all),
    [coverage, part, documentId, picked, excluded, listed, all],
  );
  const shown = listed.filter((c) => matchesCase(c, query));

  useEffect(() => {
    void conn.api.getRubric({}).then((r) => setRubricNames(Object.fromEntries(r.criteria.map((c) => [c.id, name(c.name)]))));
  }, [conn, name]);
  useEffect(() => {
    let live = true;
    void run(conn.api.listCases({ ...(part ? { part } : {}), ...(documentId ? { documentId } : {}) })).then((cases) => {
      if (!live || !cases) return;
      setListed(cases);
      // Picks outside the new list (another document or part) are dropped.
      const ids = new Set(cases.map((c) => c.id));
      setPicked((before) => ([...before].every((id) => ids.has(id)) ? before : new Set([...before].filter((id) => ids.has(id)))));
    });
    return () => {
      live = false;
    };
  }, [conn, run, part, documentId]);
  const enough = reviewers.length >= 2;
  useEffect(() => {
    if (!enough) return;
    let live = true;
    void run(conn.api.agreement(request)).then((r) => live && r && setReport(r));
    return () => {
      live = false;
    };
  }, [conn, run, request, enough]);
  const toggle = <T,>(set: ReadonlySet<T>, item: T, on: boolean): ReadonlySet<T> => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };

  const coef = (c: Coefficient) => <Figure value={c.value} title={c.reason ? t(`agreement.reasons.${c.reason}`) : undefined} />;
  const labelName = (id: string) => {
    const l = labelById(schema?.labels, id);
    return (
      <>
        <span className={`label-chip label-${id}`} aria-hidden="true">
          {l?.glyph}
        </span>{' '}
        {l ? name(l.name) : id}
      </>
    );
  };
  // Weakest first: the cases the committee should discuss.
  const compared = (report?.cases ?? []).filter((c) => c.coveredBy.length >= 2).sort((a, b) => weakness(a) - weakness(b));
  const labels = report?.spans.byLabel.filter((l) => l.units > 0 || l.exactF1 !== null) ?? [];

  return (
    <main className="view agreement-view" aria-label={t('views.agreement')}>
      <header className="view-head">
        <h1>{t('agreement.title')}</h1>
        <PartFilter value={part} onChange={setPart} />
        <label className="field inline-filter">
          <span>{t('nav.document')}</span>
          <select value={documentId} onChange={(e) => setDocumentId(e.target.value)} style={{ maxWidth: '16em' }}>
            <option value="">{t('nav.all')}</option>
            {(info?.documents ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <details className="case-picker" style={{ position: 'relative' }}>
          <summary>
            {picked.size ? t('agreement.casesPicked', { count: picked.size, total: listed.length }) : t('agreement.allCases', { count: listed.length })}
          </summary>
          <div style={PICKER}>
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('agreement.findCase')} aria-label={t('agreement.findCase')} style={{ width: '100%' }} />
            <div className="row">
              <button type="button" disabled={!shown.length} onClick={() => setPicked(new Set([...picked, ...shown.map((c) => c.id)]))}>
                {t('agreement.pickShown', { count: shown.length })}
              </button>
              <button type="button" disabled={!picked.size} onClick={() => setPicked(new Set())}>
                {t('agreement.clearPicks')}
              </button>
            </div>
            <ul className="checklist" style={{ listStyle: 'none', padding: 0, margin: '4px 0 0', maxHeight: 300, overflow: 'auto' }}>
              {shown.map((c) => (
                <li key={c.id}>
                  <label>
                    <input type="checkbox" value={c.id} checked={picked.has(c.id)} onChange={(e) => setPicked(toggle(picked, c.id, e.target.checked))} /> {c.title}
                    <span className="muted small"> {[c.region, c.part].filter(Boolean).join(' · ')}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        </details>
        <fieldset className="chips reviewer-picker">
          <legend>{t('agreement.reviewers')}</legend>
          {all.map((r) => (
            <label key={r}>
              <input type="checkbox" value={r} checked={!excluded.has(r)} onChange={(e) => setExcluded(toggle(excluded, r, !e.target.checked))} /> {r}
            </label>
          ))}
        </fieldset>
        <fieldset className="chips">
          <legend>{t('agreement.coverage')}</legend>
          {(['done', 'touched'] as const).map((c) => (
            <label key={c}>
              <input type="radio" name="coverage" value={c} checked={coverage === c} onChange={() => setCoverage(c)} /> {t(`agreement.coverages.${c}`)}
            </label>
          ))}
        </fieldset>
      </header>
      {!enough ? (
        <p className="muted">{t('compare.needTwo')}</p>
      ) : !report ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <p className="summary">
            {t('agreement.summary', { reviewers: report.reviewers.join(t('app.listSeparator')), covered: compared.length, total: report.caseCount })}
            {compared.length === 0 && coverage === 'done' ? ` ${t('agreement.nothingDone')}` : ''}
            {report.idle.length ? ` ${t('agreement.idle', { reviewers: report.idle.join(t('app.listSeparator')) })}` : ''}
          </p>
          <div className="agreement-grid">
            <section aria-labelledby="agr-spans">
              <h2 id="agr-spans">{t('agreement.spans')}</h2>
              <table className="figures">
                <thead>
                  <tr>
                    <th scope="col">{t('agreement.label')}</th>
                    <th scope="col">{t('agreement.exactF1')}</th>
                    <th scope="col">{t('agreement.overlapF1')}</th>
                    <th scope="col">{t('agreement.unitizingAlpha')}</th>
                    <th scope="col">{t('agreement.units')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr className="overall">
                    <th scope="row">{t('agreement.overall')}</th>
                    <td>
                      <Figure value={report.spans.overall.exactF1} />
                    </td>
                    <td>
                      <Figure value={report.spans.overall.overlapF1} />
                    </td>
                    <td>{coef(report.spans.overall.alpha)}</td>
                    <td />
                  </tr>
                  {labels.map((l) => (
                    <tr key={l.label}>
                      <th scope="row">{labelName(l.label)}</th>
                      <td>
                        <Figure value={l.exactF1} />
                      </td>
                      <td>
                        <Figure value={l.overlapF1} />
                      </td>
                      <td>{coef(l.alpha)}</td>
                      <td className="num">{l.units}</td>
                    </tr>
                  ))}
                  {report.spans.pairs.length > 1
                    ? report.spans.pairs.map((p) => (
                        <tr key={`${p.a}-${p.b}`} className="pair">
                          <th scope="row">
                            {p.a} – {p.b}
                          </th>
                          <td>
                            <Figure value={p.exactF1} />
                          </td>
                          <td>
                            <Figure value={p.overlapF1} />
                          </td>
                          <td colSpan={2} className="muted small">
                            {t('agreement.pairCases', { count: p.cases })}
                          </td>
                        </tr>
                      ))
                    : null}
                </tbody>
              </table>
            </section>
            <section aria-labelledby="agr-nominal">
              <h2 id="agr-nominal">{t('agreement.judgements')}</h2>
              <table className="figures">
                <thead>
                  <tr>
                    <th scope="col" />
                    <th scope="col">{t('agreement.kappa')}</th>
                    <th scope="col">{t('agreement.alpha')}</th>
                    <th scope="col">{t('agreement.units')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['sections', 'recommendations'] as const).map((k) => (
                    <tr key={k}>
                      <th scope="row">{t(`agreement.${k}`)}</th>
                      <td>
                        {coef(report[k].kappa)} {report[k].kappa.value !== null ? <span className="muted small">{t(`agreement.methods.${report[k].kappa.method}`)}</span> : null}
                      </td>
                      <td>{coef(report[k].alpha)}</td>
                      <td className="num">{report[k].kappa.units}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="figures">
                <thead>
                  <tr>
                    <th scope="col">{t('agreement.criterion')}</th>
                    <th scope="col">{t('agreement.weightedKappa')}</th>
                    <th scope="col">ICC(2,1)</th>
                    <th scope="col">{t('agreement.ordinalAlpha')}</th>
                    <th scope="col">{t('agreement.units')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.scores.map((s) => (
                    <tr key={s.criterion}>
                      <th scope="row">{rubricNames[s.criterion] ?? s.criterion}</th>
                      <td>{coef(s.weightedKappa)}</td>
                      <td>{coef(s.icc)}</td>
                      <td>{coef(s.alpha)}</td>
                      <td className="num">
                        {s.units}
                        {s.units > 0 && s.units < FEW ? <abbr title={t('agreement.few', { n: FEW })}>*</abbr> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.scores.some((s) => s.units > 0 && s.units < FEW) ? <p className="muted small">* {t('agreement.few', { n: FEW })}</p> : null}
            </section>
          </div>
          <section aria-labelledby="agr-cases">
            <h2 id="agr-cases">{t('agreement.byCase')}</h2>
            <table className="figures by-case">
              <thead>
                <tr>
                  <th scope="col">{t('ranking.case')}</th>
                  <th scope="col">{t('agreement.coveredBy')}</th>
                  <th scope="col">{t('agreement.overlapF1')}</th>
                  <th scope="col">{t('agreement.unitizingAlpha')}</th>
                  {labels.map((l) => (
                    <th key={l.label} scope="col" title={t('agreement.overlapF1')}>
                      {labelName(l.label)}
                    </th>
                  ))}
                  <th scope="col">{t('agreement.recommendations')}</th>
                  <th scope="col">{t('agreement.sections')}</th>
                </tr>
              </thead>
              <tbody>
                {compared.map((c) => (
                  <tr key={c.caseId}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        title={t('agreement.openCompare')}
                        onClick={() => {
                          void openCase(c.caseId);
                          setView('compare');
                        }}
                      >
                        {c.title}
                      </button>
                    </th>
                    <td>{c.coveredBy.join(t('app.listSeparator'))}</td>
                    <td>
                      <Figure value={c.spans.overlapF1} />
                    </td>
                    <td>{coef(c.spans.alpha)}</td>
                    {labels.map((l) => (
                      <td key={l.label}>
                        <Figure value={c.byLabel[l.label]?.overlapF1 ?? null} />
                      </td>
                    ))}
                    <td className={c.recommendationsAgree === false ? 'disagree' : ''}>
                      {c.recommendationsAgree === false ? '≠ ' : ''}
                      {Object.entries(c.recommendations)
                        .map(([who, r]) => t('app.labelled', { label: who, value: r ? t(`recommendation.${r}`) : '—' }))
                        .join(t('app.clauseSeparator'))}
                    </td>
                    <td className="num">{c.sections.compared ? `${c.sections.agreeing}/${c.sections.compared}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </main>
  );
}

/** A case's weakest figure, for sorting: undefined figures sort last. */
function weakness(c: CaseAgreement): number {
  const figures = [c.spans.overlapF1, c.recommendationsAgree === false ? 0 : null].filter((x): x is number => x !== null);
  return figures.length ? Math.min(...figures) : 2;
}

/** A figure to two decimals; a low one is marked with ⚠ as well as colour; none is a dash with the reason as title. */
function Figure({ value, title }: { value: number | null; title?: string | undefined }) {
  if (value === null) {
    return (
      <span className="figure none" title={title}>
        —
      </span>
    );
  }
  const low = value < LOW;
  const text = value.toFixed(2);
  return (
    <span className={`figure${low ? ' low' : ''}`}>
      {text === '-0.00' ? '0.00' : text}
      {low ? ' ⚠' : ''}
    </span>
  );
}
