import { diffChars } from 'diff';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionInfo } from '../../../shared/api/types.ts';
import { useApp } from '../state/context.ts';

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

  const parts = useMemo(() => (texts ? (diffChars(texts[0], texts[1], { timeout: 1000 }) ?? []) : []), [texts]);
  if (!l || !r) return null;
  return (
    <section className="text-compare" aria-label={t('textCompare.title')}>
      <h2>{t('textCompare.title')}</h2>
      <div className="row">
        <SidePicker label={t('textCompare.left')} value={l} onChange={setLeft} cases={cases} />
        <SidePicker label={t('textCompare.right')} value={r} onChange={setRight} cases={cases} />
      </div>
      <div className="side-by-side" lang="zh-CN">
        <div className="diff-view" aria-label={t('textCompare.left')}>
          {parts.filter((p) => !p.added).map((p, i) => (p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
        </div>
        <div className="diff-view" aria-label={t('textCompare.right')}>
          {parts.filter((p) => !p.removed).map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : <span key={i}>{p.value}</span>))}
        </div>
      </div>
    </section>
  );
}

function SidePicker({ label, value, onChange, cases }: { label: string; value: Side; onChange: (s: Side) => void; cases: ReadonlyArray<{ id: string; title: string; revision: number }> }) {
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
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <select aria-label={t('textCompare.revision')} value={value.revision} onChange={(e) => onChange({ ...value, revision: Number(e.target.value) })}>
        {revisions.map((r) => (
          <option key={r.revision} value={r.revision}>
            {t('reader.revision', { n: r.revision })}
            {r.note ? ` · ${r.note}` : ''}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
