import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { LabelDef, LabelCue } from '../../../shared/model/labels.ts';

/**
 * What to paint in the reader, as named highlight groups of ranges: one group per label for
 * the current reviewer's spans, one per label for other reviewers' spans (shown on request),
 * one per label for pending suggestions, one for the selected span. Rendering goes through the CSS Custom Highlight API, so the text stays one
 * node per paragraph however many spans there are; this module decides groups and styles, and
 * is pure so it can be tested without a browser.
 */
export interface HighlightGroup {
  name: string;
  ranges: Array<{ start: number; end: number }>;
}

export interface PlanInput {
  spans: readonly SpanAnnotation[];
  labels: readonly LabelDef[];
  reviewer: string | null;
  showOthers: boolean;
  selectedId: string | null;
  /** Spans being added optimistically, shown before the server confirms. */
  pending?: readonly SpanAnnotation[];
  /** Suggestions; the pending ones are painted dashed, apart from the reviewer's own spans. */
  suggestions?: ReadonlyArray<{ id: string; label: string; start: number; end: number; state: string }>;
  focusedSuggestionId?: string | null;
  /** False: the suggestion highlights are hidden, all but the one in focus (default true). */
  showSuggestions?: boolean;
}

export const labelHighlight = (labelId: string) => `cb-label-${labelId}`;
/**
 * Other reviewers' spans: a group per label (`cb-others-<label>`), and `cb-others` itself for
 * labels this project's schema does not know. Every group of theirs starts with OTHERS_HIGHLIGHT.
 */
export const OTHERS_HIGHLIGHT = 'cb-others';
export const othersHighlight = (labelId: string) => `${OTHERS_HIGHLIGHT}-${labelId}`;
export const isOthersHighlight = (name: string) => name === OTHERS_HIGHLIGHT || name.startsWith(`${OTHERS_HIGHLIGHT}-`);
export const SELECTED_HIGHLIGHT = 'cb-selected';
export const SEARCH_HIGHLIGHT = 'cb-search';
export const suggestionHighlight = (labelId: string) => `cb-suggest-${labelId}`;
export const FOCUSED_SUGGESTION = 'cb-suggest-focus';

export function planHighlights(input: PlanInput): HighlightGroup[] {
  const groups = new Map<string, HighlightGroup>();
  const group = (name: string) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { name, ranges: [] }));
    return g;
  };
  for (const l of input.labels) group(labelHighlight(l.id));
  // Their groups exist (empty) while hidden too, so switching "show others" off clears them.
  for (const l of input.labels) group(othersHighlight(l.id));
  group(OTHERS_HIGHLIGHT);
  const known = new Set(input.labels.map((l) => l.id));
  for (const s of [...input.spans, ...(input.pending ?? [])]) {
    if (s.orphan || s.end <= s.start) continue;
    const mine = input.reviewer === null || s.reviewer === input.reviewer;
    if (mine && known.has(s.label)) group(labelHighlight(s.label)).ranges.push({ start: s.start, end: s.end });
    else if (!mine && input.showOthers) group(known.has(s.label) ? othersHighlight(s.label) : OTHERS_HIGHLIGHT).ranges.push({ start: s.start, end: s.end });
  }
  const allSuggestions = input.showSuggestions ?? true;
  for (const s of input.suggestions ?? []) {
    if (s.state !== 'pending' || !known.has(s.label)) continue;
    if (!allSuggestions && s.id !== input.focusedSuggestionId) continue;
    group(suggestionHighlight(s.label)).ranges.push({ start: s.start, end: s.end });
    if (s.id === input.focusedSuggestionId) group(FOCUSED_SUGGESTION).ranges.push({ start: s.start, end: s.end });
  }
  const selected = input.spans.find((s) => s.id === input.selectedId);
  if (selected && !selected.orphan) group(SELECTED_HIGHLIGHT).ranges.push({ start: selected.start, end: selected.end });
  return [...groups.values()];
}

/** The line of each cue: its style and thickness (an underline for one's own spans, an overline for others'). */
const CUE_LINE: Record<LabelCue, string> = {
  solid: 'solid 2px',
  double: 'double 3px',
  dotted: 'dotted 3px',
  dashed: 'dashed 2px',
  wavy: 'wavy 1.5px',
  thick: 'solid 4px',
};

const OTHERS_GREY = '#4f5b69';

/**
 * Styles of the groups. Each label has its colour AND a line style of its own (never colour
 * alone). One's own spans are underlined in the label's style; other reviewers' spans are
 * overlined in the same style, in grey, on a faint tint of the label's colour: whose a span is
 * shows by where its line is, its label by the line's style (and the tint). Suggestions have a
 * dashed box (both lines); the selection a strong fill. ::highlight() accepts colours and text
 * decorations, which is enough.
 */
export function highlightCss(labels: readonly LabelDef[], prefix = ''): string {
  const rules = labels.map((l) => {
    const underline = shade(l.color, -0.45);
    return `::highlight(${prefix}${labelHighlight(l.id)}) { background-color: ${withAlpha(l.color, 0.38)}; text-decoration: underline ${CUE_LINE[l.cue]} ${underline}; text-underline-offset: 3px; }`;
  });
  if (prefix) return rules.join('\n');
  // Suggestions: a dashed box (over- and underline) in the label's colour on a faint fill: visibly
  // proposals, not annotations, and never told apart by colour alone.
  for (const l of labels) rules.push(`::highlight(${suggestionHighlight(l.id)}) { text-decoration: underline overline dashed 1.5px ${shade(l.color, -0.35)}; background-color: ${withAlpha(l.color, 0.1)}; }`);
  rules.push(`::highlight(${FOCUSED_SUGGESTION}) { background-color: rgba(255, 196, 0, 0.35); text-decoration: underline overline dashed 2.5px #7a4b00; }`);
  for (const l of labels) rules.push(`::highlight(${othersHighlight(l.id)}) { text-decoration: overline ${CUE_LINE[l.cue]} ${OTHERS_GREY}; background-color: ${withAlpha(l.color, 0.14)}; }`);
  // A label this schema does not know (another project's, or removed): grey, dotted.
  rules.push(`::highlight(${OTHERS_HIGHLIGHT}) { text-decoration: overline dotted 2px ${OTHERS_GREY}; background-color: rgba(95, 107, 122, 0.10); }`);
  rules.push(`::highlight(${SELECTED_HIGHLIGHT}) { background-color: rgba(25, 90, 200, 0.28); color: #0b1f44; }`);
  rules.push(`::highlight(${SEARCH_HIGHLIGHT}) { background-color: #ffe066; color: #000; }`);
  return rules.join('\n');
}

export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = rgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Darken (negative) or lighten (positive) a colour, for underlines that stay visible on its own background. */
export function shade(hex: string, amount: number): string {
  const channels = rgb(hex).map((c) => Math.round(amount < 0 ? c * (1 + amount) : c + (255 - c) * amount));
  return '#' + channels.map((c) => Math.max(0, Math.min(255, c)).toString(16).padStart(2, '0')).join('');
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
