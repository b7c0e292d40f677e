import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { TaggedSection } from '../../../shared/model/review.ts';
import { useApp } from '../state/context.ts';
import { highlightCss, planHighlights } from '../reader/highlight-plan.ts';
import { handleSelectionKey } from '../reader/keyboard-selection.ts';
import { adjacentSection, firstSectionOfKind } from '../reader/outline.ts';
import { HighlightPainter, installStyles } from '../reader/paint.ts';
import { headsTable, layoutParagraphs, readerBlocks, type ReaderParagraph } from '../reader/paragraphs.ts';
import { snapRange } from '../reader/snap.ts';
import { adjacentSuggestion, sectionAround, suggestionAt } from '../reader/suggestion-nav.ts';
import { TextIndex } from '../reader/text-index.ts';
import { isTyping, primary } from '../lib/keys.ts';

/** The case text: paragraphs rendered once; annotations painted over them as highlights. Each new index of the text is handed to `onIndex`, for the panels. */
export const Reader = memo(function Reader({ onIndex, onLabel }: { onIndex: (index: TextIndex | null) => void; onLabel: (labelId: string) => void }) {
  const { t } = useTranslation();
  const detail = useApp((s) => s.detail);
  const schema = useApp((s) => s.schema);
  const pending = useApp((s) => s.pending);
  const selectedSpanId = useApp((s) => s.selectedSpanId);
  const showOthers = useApp((s) => s.showOthers);
  const showSuggestions = useApp((s) => s.showSuggestions);
  const setShowSuggestions = useApp((s) => s.setShowSuggestions);
  const notify = useApp((s) => s.notify);
  const reviewer = useApp((s) => s.info?.reviewer ?? null);
  const reveal = useApp((s) => s.reveal);
  const selectSpan = useApp((s) => s.selectSpan);
  const deleteSpan = useApp((s) => s.deleteSpan);
  const openDialog = useApp((s) => s.openDialog);
  const suggestions = useApp((s) => s.suggestions);
  const focusedSuggestionId = useApp((s) => s.focusedSuggestionId);
  const focusSuggestion = useApp((s) => s.focusSuggestion);
  const decideSuggestions = useApp((s) => s.decideSuggestions);
  const setSideTab = useApp((s) => s.setSideTab);
  const root = useRef<HTMLElement>(null);
  const index = useRef<TextIndex | null>(null);
  const painter = useRef(new HighlightPainter());

  const text = detail?.text ?? '';
  const sections = detail?.sections;
  const paragraphs = useMemo(() => layoutParagraphs(text, sections ?? []), [text, sections]);

  useEffect(() => {
    if (schema) installStyles('highlights', highlightCss(schema.labels));
  }, [schema]);

  // Build the offset index after the paragraphs are in the DOM (only when the text or outline changes).
  useLayoutEffect(() => {
    index.current = root.current ? new TextIndex(root.current) : null;
    onIndex(index.current);
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- the DOM the index reads is rendered from `paragraphs`
  }, [paragraphs, onIndex]);

  // Paint: every change of spans, selection or visibility repaints highlights, never the text.
  useLayoutEffect(() => {
    if (!index.current || !detail || !schema) return;
    const items = suggestions?.caseId === detail.summary.id ? suggestions.items : [];
    painter.current.paint(index.current, planHighlights({ spans: detail.spans, pending, labels: schema.labels, reviewer, showOthers, selectedId: selectedSpanId, suggestions: items, focusedSuggestionId, showSuggestions }));
    // For the benchmarks and anyone profiling: when the open case's text and highlights are in place.
    performance.mark('casebench:reader-painted', { detail: detail.summary.id });
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- new paragraphs mean new text nodes: the ranges must be rebuilt
  }, [detail, schema, pending, reviewer, showOthers, selectedSpanId, paragraphs, suggestions, focusedSuggestionId, showSuggestions]);

  // The reader is not editable, so the browser draws no caret where the arrow keys and Shift+arrow
  // selection start: draw one, at the collapsed selection, while the reader has the focus.
  const caretMark = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const place = () => {
      const el = caretMark.current;
      const article = root.current;
      if (!el || !article) return;
      const sel = document.getSelection();
      const show = document.activeElement === article && sel?.rangeCount && sel.isCollapsed && article.contains(sel.anchorNode);
      if (!show) return void (el.hidden = true);
      const rect = caretRect(sel.getRangeAt(0));
      if (!rect) return void (el.hidden = true);
      const box = article.getBoundingClientRect();
      el.style.transform = `translate(${rect.left - box.left}px, ${rect.top - box.top}px)`;
      el.style.height = `${rect.height}px`;
      el.hidden = false;
      // Restart the blink, so the caret is visible right after it moves.
      el.getAnimations().forEach((a) => (a.currentTime = 0));
    };
    document.addEventListener('selectionchange', place);
    window.addEventListener('resize', place);
    const article = root.current;
    article?.addEventListener('focus', place);
    article?.addEventListener('blur', place);
    return () => {
      document.removeEventListener('selectionchange', place);
      window.removeEventListener('resize', place);
      article?.removeEventListener('focus', place);
      article?.removeEventListener('blur', place);
    };
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- new paragraphs: the article's text nodes changed, re-place the caret
  }, [paragraphs]);

  // A newly opened case starts at its top (a reveal, below, may then scroll to a hit).
  const caseId = detail?.summary.id;
  useLayoutEffect(() => {
    root.current?.parentElement?.scrollTo({ top: 0 });
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- runs when another case opens
  }, [caseId]);

  useEffect(() => {
    if (!reveal || !index.current) return;
    const range = index.current.range(reveal.start, reveal.end);
    const target = range?.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
    if (reveal.select) index.current.select(reveal.start, reveal.end);
    root.current?.focus({ preventScroll: true });
  }, [reveal]);

  const jumpTo = useCallback((section: TaggedSection | undefined) => {
    if (!section || !index.current) return;
    index.current.range(section.start, section.start)?.startContainer.parentElement?.scrollIntoView({ block: 'start' });
    index.current.select(section.start, section.start);
  }, []);

  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    if (isTyping(e) || !detail || !index.current) return;
    if (handleSelectionKey(e, index.current, text)) return;
    if (primary(e) || e.altKey) return;
    const label = schema?.labels.find((l) => l.hotkey === e.key);
    if (label) {
      e.preventDefault();
      onLabel(label.id);
      document.getSelection()?.collapseToEnd();
      return;
    }
    const secs = detail.sections;
    const jumps: Record<string, Parameters<typeof firstSectionOfKind>[1]> = { l: 'lessons', r: 'results', b: 'background', p: 'practices' };
    const kind = jumps[e.key.toLowerCase()];
    if (kind) {
      e.preventDefault();
      jumpTo(secs[firstSectionOfKind(secs, kind)]);
      return;
    }
    const caret = index.current.selection()?.start ?? 0;
    if (suggestionKey(e, caret)) return;
    if (e.key === ']' || e.key === '[') {
      e.preventDefault();
      jumpTo(secs[adjacentSection(secs, caret, e.key === ']' ? 1 : -1)]);
      return;
    }
    const spans = detail.spans.filter((s) => s.reviewer === reviewer);
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      const current = spans.findIndex((s) => s.id === selectedSpanId);
      const next = e.key === 'j' ? spans[current + 1] ?? spans.find((s) => s.start > caret) : spans[current > 0 ? current - 1 : spans.length - 1];
      if (next) {
        selectSpan(next.id);
        index.current.range(next.start, next.end)?.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
      }
      return;
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && selectedSpanId) {
      e.preventDefault();
      void deleteSpan(selectedSpanId);
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const sel = index.current.selection();
      if (sel && sel.end > sel.start) openDialog('palette');
      else if (selectedSpanId) document.getElementById('span-editor-label')?.focus();
      return;
    }
    if (e.key === 'Escape') {
      selectSpan(null);
      document.getSelection()?.removeAllRanges();
    }
  };

  /**
   * Suggestions by key: n / Shift+N go to the next / previous pending one, a accepts and x
   * rejects the one in focus (or under the caret), Shift+A accepts every pending one in the
   * section around the caret; s shows or hides their highlights. While hidden only the one in
   * focus is painted, so n still goes through them (showing the one it reaches), a and x act on
   * that one only (never on an unseen one under the caret), and Shift+A does nothing.
   */
  const suggestionKey = (e: React.KeyboardEvent, caret: number): boolean => {
    const items = suggestions?.caseId === detail?.summary.id ? (suggestions?.items ?? []) : [];
    const key = e.key;
    if (key === 's' || key === 'S') {
      e.preventDefault();
      setShowSuggestions(!showSuggestions);
      return true;
    }
    const anyPending = items.some((s) => s.state === 'pending');
    if (key === 'n' || key === 'N') {
      e.preventDefault();
      const next = adjacentSuggestion(items, caret, focusedSuggestionId, key === 'n' ? 1 : -1);
      if (!next) return true;
      focusSuggestion(next.id);
      selectSpan(null);
      index.current?.select(next.start, next.start);
      index.current?.range(next.start, next.end)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      return true;
    }
    if (key === 'a' || key === 'x') {
      const target = suggestionAt(items, showSuggestions ? caret : null, focusedSuggestionId);
      if (!target) {
        if (!showSuggestions && anyPending) notify({ kind: 'info', text: t('reader.suggestionsHidden') });
        return !showSuggestions && anyPending;
      }
      e.preventDefault();
      // Keep going: the next pending suggestion comes into focus and into view, with the caret at
      // it, as N would bring it — so the next N goes on from the one the reader shows (it went on
      // from an unseen one, and seemed to skip it).
      const next = adjacentSuggestion(items, caret, target.id, 1);
      const moveOn = next && next.id !== target.id ? next : null;
      focusSuggestion(moveOn?.id ?? null);
      if (moveOn) {
        index.current?.select(moveOn.start, moveOn.start);
        index.current?.range(moveOn.start, moveOn.end)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      } else index.current?.select(target.end, target.end);
      void decideSuggestions([{ id: target.id, accept: key === 'a' }]);
      return true;
    }
    if (key === 'A' && detail) {
      if (!showSuggestions) {
        if (anyPending) notify({ kind: 'info', text: t('reader.suggestionsHidden') });
        return anyPending;
      }
      const around = sectionAround(detail.sections, caret);
      if (!around) return false;
      e.preventDefault();
      const inSection = items.filter((s) => s.state === 'pending' && s.start >= around.start && s.start < around.end);
      void decideSuggestions(inSection.map((s) => ({ id: s.id, accept: true })));
      return true;
    }
    return false;
  };

  /** A click without a drag selects the innermost of the current reviewer's spans under it. */
  const onMouseUp = (e: React.MouseEvent) => {
    const idx = index.current;
    if (!idx || !detail) return;
    const sel = idx.selection();
    if (sel && sel.end > sel.start) {
      const snapped = snapRange(text, sel);
      if (snapped.start !== sel.start || snapped.end !== sel.end) idx.select(snapped.start, snapped.end);
      return;
    }
    const at = idx.offsetAtPoint(e.clientX, e.clientY);
    if (at === null) return;
    const under = detail.spans.filter((s) => s.start <= at && at < s.end && (showOthers || s.reviewer === reviewer)).sort((a, b) => a.end - a.start - (b.end - b.start));
    selectSpan(under[0]?.id ?? null);
    // No span there: a pending suggestion under the click comes into focus (and its panel);
    // not while their highlights are hidden (it could not be seen).
    const suggestion = under.length || !showSuggestions ? null : suggestionAt(suggestions?.caseId === detail.summary.id ? suggestions.items : [], at, null);
    focusSuggestion(suggestion?.id ?? null);
    if (suggestion) setSideTab('suggestions');
  };

  if (!detail) return <section className="reader reader-empty">{t('reader.empty')}</section>;
  return (
    <article
      ref={root}
      className="reader-text"
      tabIndex={0}
      role="document"
      aria-label={t('reader.caseText')}
      aria-describedby="reader-hint"
      onKeyDown={onKeyDown}
      onMouseUp={onMouseUp}
      lang="zh-CN"
    >
      <Paragraphs paragraphs={paragraphs} />
      <div ref={caretMark} className="reader-caret" aria-hidden="true" hidden />
    </article>
  );
});

const Paragraphs = memo(function Paragraphs({ paragraphs }: { paragraphs: ReaderParagraph[] }) {
  return (
    <>
      {readerBlocks(paragraphs).map((b) => {
        if (b.kind === 'table') return <SourceTable key={b.rows[0]!.start} rows={b.rows} columns={b.columns} />;
        const p = b.paragraph;
        if (!p.text) return <p key={p.start} data-start={p.start} className="blank" />;
        if (!p.headingLength) return <p key={p.start} data-start={p.start}>{p.text}</p>;
        const standalone = p.headingLength >= p.text.length;
        return (
          <p key={p.start} data-start={p.start} id={`section-${p.sectionIndex}`} className={standalone ? `heading h${Math.min(p.headingLevel, 4)}` : 'run-in'}>
            <span className={`heading-text h${Math.min(p.headingLevel, 4)}`}>{p.text.slice(0, p.headingLength)}</span>
            {standalone ? null : p.text.slice(p.headingLength)}
          </p>
        );
      })}
    </>
  );
});

/**
 * A source table as a table: a grid whose rows (one <p data-start> each, a subgrid of the table's
 * columns) hold the cells as spans over the very text of the line, each cell followed by its tab
 * as a text node that takes no room. Every character keeps its offset — the text index walks the
 * same text nodes in the same order — so highlights, selections and the caret work across cells,
 * and copying a row copies its tab-separated cells.
 */
function SourceTable({ rows, columns }: { rows: ReaderParagraph[]; columns: number }) {
  const { t } = useTranslation();
  const head = headsTable(rows[0]!);
  return (
    <div className="reader-table" role="table" aria-label={t('reader.sourceTable')} style={{ gridTemplateColumns: `repeat(${columns}, minmax(2.5em, auto))` }}>
      {rows.map((row, r) => (
        <p key={row.start} data-start={row.start} role="row" className={head && r === 0 ? 'table-head' : undefined}>
          {row.cells!.map((cell, i) => (
            <span key={i} role={head && r === 0 ? 'columnheader' : 'cell'} className="table-cell">
              {cell}
              {i < row.cells!.length - 1 ? <span className="table-tab">{'\t'}</span> : null}
            </span>
          ))}
          {Array.from({ length: columns - row.cells!.length }, (_, i) => (
            <span key={`pad-${i}`} role="cell" className="table-cell empty" />
          ))}
        </p>
      ))}
    </div>
  );
}

/** Where to draw a caret for a collapsed range: its own box, or the left edge of the next character. */
function caretRect(range: Range): { left: number; top: number; height: number } | null {
  const own = range.getClientRects()[0];
  if (own && own.height > 0) return { left: own.left, top: own.top, height: own.height };
  const node = range.startContainer;
  if (node.nodeType !== Node.TEXT_NODE || range.startOffset >= (node as Text).length) return null;
  const next = document.createRange();
  next.setStart(node, range.startOffset);
  next.setEnd(node, range.startOffset + 1);
  const r = next.getClientRects()[0];
  return r ? { left: r.left, top: r.top, height: r.height } : null;
}
