import type { Section } from '../model/sections.ts';
import { outermostEnumeration, type EnumerationMarker } from './enumeration.ts';
import { headlineOf } from './headline.ts';
import { suggestIndicators } from './indicators.ts';
import { findLessonRegions, type LessonRegion } from './lesson-regions.ts';
import { readPoint, type Span } from './point-reading.ts';
import { makeSuggestion, type Suggestion } from './suggestion.ts';

/**
 * One lesson per lesson point. A lessons part is split by the document's own enumeration (the
 * outermost one: "（一）…" points may hold "一是…" sub-points, which stay inside their point);
 * text before the first point is a preamble ("主要有三点经验启示。") and is not a lesson. With no
 * enumeration each paragraph is a lesson, or the whole part when it is short.
 *
 * A section that merges results and lessons with no lessons part set apart ("三、经验和成效" whose
 * points are "（一）管理机制联动性强…（二）参与积极性及满意度高…") is split the same way, and each
 * point is kept only when it reads as a lesson (point-reading.ts); without an enumeration such a
 * section gives no lesson, its paragraphs being results.
 *
 * Span boundary: from the enumeration marker (or the paragraph start) to the end of the point,
 * whitespace trimmed; the marker is part of the span, the headline is the phrase after it.
 */
const SHORT_PART = 200;
/** A "paragraph" this short is a stray line (a sub-heading, a caption), kept with the next one. */
const MIN_PARAGRAPH = 12;

const SCORE = { enumeratedDedicated: 0.9, paragraphDedicated: 0.8, enumeratedPart: 0.85, paragraphPart: 0.75 };

export function suggestLessons(text: string, sections: readonly Section[]): Suggestion[] {
  const out: Suggestion[] = [];
  // The indicator spans tell where a merged section reports figures; found only when one is there.
  let figures: Span[] | null = null;
  const figuresOf = (): Span[] => (figures ??= suggestIndicators(text, sections).map(({ start, end }) => ({ start, end })));
  for (const region of findLessonRegions(text, sections, figuresOf)) {
    for (const p of lessonPoints(text, region, figuresOf)) {
      out.push(makeSuggestion('lesson', text, sections, p.start, p.end, { headline: p.headline }, p.score));
    }
  }
  return out;
}

export interface LessonPoint {
  start: number;
  bodyStart: number;
  end: number;
  score: number;
  headline: string;
}

/** `figures` is asked for only by a merged region, whose points are read against the case's figures. */
export function lessonPoints(text: string, region: LessonRegion, figures: () => readonly Span[] = () => []): LessonPoint[] {
  const body = text.slice(region.start, region.end);
  const markers = outermostEnumeration(body);
  if (region.kind === 'merged') return markers.length >= 2 ? mergedPoints(text, region, markers, figures()) : [];
  if (markers.length >= 2) {
    const score = region.kind === 'lessons' ? SCORE.enumeratedDedicated : SCORE.enumeratedPart;
    return enumeratedPoints(text, region, markers).map((p) => ({ ...p, score }));
  }
  const score = region.kind === 'lessons' ? SCORE.paragraphDedicated : SCORE.paragraphPart;
  const points: LessonPoint[] = [];
  const push = (from: number, end: number) => {
    // An announced passage's headline is its announcing clause, not its opening words ("25年来").
    const lead = from === region.start ? (region.leadStart ?? from) : from;
    points.push({ start: from, bodyStart: lead, end, score, headline: headlineOf(text.slice(lead, end)) });
  };
  if (body.trim().length <= SHORT_PART) {
    if (body.trim()) push(region.start, region.end);
    return points;
  }
  let pending: number | null = null;
  let at = 0;
  for (const line of body.split('\n')) {
    const start = region.start + at;
    at += line.length + 1;
    if (!line.trim()) continue;
    const from: number = pending ?? start;
    if (line.trim().length < MIN_PARAGRAPH) {
      pending = from;
      continue;
    }
    pending = null;
    push(from, start + line.length);
  }
  if (pending !== null) push(pending, region.end);
  return points;
}

/** Each marker's point, from the marker to the next one (or the region's end), with its headline. */
function enumeratedPoints(text: string, region: LessonRegion, markers: readonly EnumerationMarker[]): Array<Omit<LessonPoint, 'score'>> {
  return markers.map((m, i) => {
    const bodyStart = region.start + m.bodyStart;
    const end = region.start + (markers[i + 1]?.start ?? region.end - region.start);
    return { start: region.start + m.start, bodyStart, end, headline: headlineOf(text.slice(bodyStart, end)) };
  });
}

/** The points of a merged section that read as lessons; results are left out. */
function mergedPoints(text: string, region: LessonRegion, markers: readonly EnumerationMarker[], figures: readonly Span[]): LessonPoint[] {
  const out: LessonPoint[] = [];
  for (const p of enumeratedPoints(text, region, markers)) {
    const reading = readPoint(p.headline, text, p.bodyStart, p.end, figures);
    if (reading.lesson) out.push({ ...p, score: reading.score });
  }
  return out;
}
