import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { CaseSummary, RevisionInfo } from '../../../shared/api/types.ts';
import { compareTexts } from '../../../shared/compare/text-parts.ts';
import { useApp } from '../state/context.ts';
import { revisionNote } from '../lib/revision-note.ts';
import { shownRevision } from '../lib/revision-number.ts';

interface Side {
  caseId: string;
  revision: number;
}

/**
 * Two texts side by side with their differences marked: two revisions of a case, or two
 * editions of a case (this year's draft against last year's compendium, loaded as documents).
 * Deletions are struck through and insertions underlined, not told apart by colour alone.
 */
export function TextCompare() {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const cases = useApp((s) => s.cases);
  const current = useApp((s) => s.caseId);
  const [left, setLeft] = useState<Side | null>(null);
  const [right, setRight] = useState<Side | null>(null);
  const [texts, setTexts] = useState<[string, string] | null>(null);
  const l = left ?? (current ? { caseId: current, revision: 0 } : null);
  const r = right ?? l;

  const lCase = l?.caseId;
  const lRev = l?.revision ?? 0;
  const rCase = r?.caseId;
  const rRev = r?.revision ?? 0;
  useEffect(() => {
    if (!lCase || !rCase) return;
    let live = true;
    void Promise.all([conn.api.getRevisionText({ caseId: lCase, revision: lRev }), conn.api.getRevisionText({ caseId: rCase, revision: rRev })]).then(([a, b]) => live && setTexts([a.text, b.text]));
    return () => {
      live = false;
    };
  }, [conn, lCase, lRev, rCase, rRev]);

  const comparison = useMemo(() => (texts ? compareTexts(texts[0], texts[1]) : null), [texts]);
  const parts = comparison?.parts ?? [];
  if (!l || !r) return null;
  return (
    <section className="text-compare" aria-label={t('textCompare.title')}>
      <h2>{t('textCompare.title')}</h2>
      <div className="row">
        <SidePicker label={t('textCompare.left')} value={l} onChange={setLeft} cases={cases} />
        <SidePicker label={t('textCompare.right')} value={r} onChange={setRight} cases={cases} />
      </div>
      {comparison && !comparison.complete ? <p className="muted small">{t('textCompare.coarse')}</p> : null}
      <div className="side-by-side" lang="zh-CN">
        <div className="diff-view" aria-label={t('textCompare.left')}>
          {parts.filter((p) => p.kind !== 'added').map((p, i) => (p.kind === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
        </div>
        <div className="diff-view" aria-label={t('textCompare.right')}>
          {parts.filter((p) => p.kind !== 'removed').map((p, i) => (p.kind === 'added' ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>))}
        </div>
      </div>
    </section>
  );
}

function SidePicker({ label, value, onChange, cases }: { label: string; value: Side; onChange: (s: Side) => void; cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  useEffect(() => {
    void conn.api.listRevisions({ caseId: value.caseId }).then(setRevisions);
  }, [conn, value.caseId]);
  return (
    <fieldset className="side-picker">
      <legend>{label}</legend>
      <select aria-label={t('textCompare.case')} value={value.caseId} onChange={(e) => onChange({ caseId: e.target.value, revision: 0 })}>
        {/* Grouped by document: the same case in two editions is told apart by where it is from. */}
        {byDocument(cases).map(([doc, list]) => (
          <optgroup key={doc} label={doc}>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.ordinal ? `${c.ordinal}. ` : ''}
                {c.title}
                {c.region ? ` · ${c.region}` : ''}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select aria-label={t('textCompare.revision')} value={value.revision} onChange={(e) => onChange({ ...value, revision: Number(e.target.value) })}>
        {revisions.map((r) => (
          <option key={r.revision} value={r.revision}>
            {t('reader.revision', { n: shownRevision(r.revision) })}
            {r.note ? ` · ${revisionNote(r.note, t)}` : ''}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

function byDocument(cases: readonly CaseSummary[]): Array<[string, CaseSummary[]]> {
  const groups = new Map<string, CaseSummary[]>();
  for (const c of cases) groups.set(c.documentTitle, [...(groups.get(c.documentTitle) ?? []), c]);
  return [...groups];
}
