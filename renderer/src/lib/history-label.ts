import type { LabelDef } from '../../../shared/model/labels.ts';

/** The section actions the service names its steps after ('section: confirm-all' …). */
export const SECTION_ACTIONS = ['confirm', 'confirm-all', 'set-kinds', 'move', 'add', 'remove', 'reset'] as const;

/** The outline corrections the service names its steps after ('outline: split' …; see main/services/outline). */
export const OUTLINE_ACTIONS = ['shape', 'reading', 'split', 'merge', 'retitle', 'set-region', 'set-part', 'drop-case', 'drop-text', 'make-heading', 'make-body', 'set-heading', 'reload'] as const;

/** A history step as interface text: an i18n key (under `history.`) and what it interpolates. */
export type HistoryMessage =
  | { key: 'addSpan' | 'editSpan'; label: LabelDef | null; raw: string }
  | { key: 'deleteSpan' | 'editMeta' | 'dropOrphan' | 'placeOrphan' | 'score' | 'adjudicate' | 'acceptSuggestion' | 'rejectSuggestion' }
  | { key: 'setStatus'; status: string }
  | { key: `section.${(typeof SECTION_ACTIONS)[number]}` }
  | { key: `outline.${(typeof OUTLINE_ACTIONS)[number]}` }
  | { key: 'decideSuggestions' | 'importSpans'; count: number };

const FIXED: Record<string, HistoryMessage['key']> = {
  'add span': 'addSpan',
  'delete span': 'deleteSpan',
  'edit case metadata': 'editMeta',
  'drop orphan': 'dropOrphan',
  'place orphan': 'placeOrphan',
  score: 'score',
  adjudicate: 'adjudicate',
  'accept suggestion': 'acceptSuggestion',
  'reject suggestion': 'rejectSuggestion',
};

/**
 * Read the service's label of an undo step (stable English ids such as 'add Indicator',
 * 'section: confirm-all', 'decide 3 suggestions'; see project-service.ts and suggestions.ts)
 * so the interface can say it in its own language. Null for a label it does not know: the
 * caller shows that one as it came.
 */
export function parseHistoryLabel(label: string, labels: readonly LabelDef[]): HistoryMessage | null {
  const fixed = FIXED[label];
  if (fixed === 'addSpan') return { key: 'addSpan', label: null, raw: '' };
  if (fixed) return { key: fixed } as HistoryMessage;
  const span = /^(add|edit) (.+)$/.exec(label);
  if (span) {
    // Spans are named by their label's English name, which the schema maps back to the label.
    const def = labels.find((l) => l.name.en === span[2]) ?? null;
    return { key: span[1] === 'add' ? 'addSpan' : 'editSpan', label: def, raw: span[2]! };
  }
  const status = /^set status (.+)$/.exec(label);
  if (status) return { key: 'setStatus', status: status[1]! };
  const section = /^section: (.+)$/.exec(label);
  if (section && (SECTION_ACTIONS as readonly string[]).includes(section[1]!)) return { key: `section.${section[1] as (typeof SECTION_ACTIONS)[number]}` };
  const outline = /^outline: (.+)$/.exec(label);
  if (outline && (OUTLINE_ACTIONS as readonly string[]).includes(outline[1]!)) return { key: `outline.${outline[1] as (typeof OUTLINE_ACTIONS)[number]}` };
  const decided = /^decide (\d+) suggestions$/.exec(label);
  if (decided) return { key: 'decideSuggestions', count: Number(decided[1]) };
  const imported = /^import (\d+) annotations$/.exec(label);
  if (imported) return { key: 'importSpans', count: Number(imported[1]) };
  return null;
}

type T = (key: string, values?: Record<string, unknown>) => string;

/** The step in the interface language; an unknown label is shown as the service gave it. */
export function historyText(label: string, labels: readonly LabelDef[], t: T, localise: (l: LabelDef['name']) => string): string {
  const m = parseHistoryLabel(label, labels);
  if (!m) return label;
  switch (m.key) {
    case 'addSpan':
    case 'editSpan':
      // A label since renamed or removed: its old English name is all there is.
      return m.label || m.raw ? t(`history.${m.key}Labelled`, { label: m.label ? localise(m.label.name) : m.raw }) : t(`history.${m.key}`);
    case 'setStatus':
      return t('history.setStatus', { status: t(`status.${m.status}`, { defaultValue: m.status }) });
    case 'decideSuggestions':
    case 'importSpans':
      return t(`history.${m.key}`, { count: m.count });
    default:
      return t(`history.${m.key}`);
  }
}
