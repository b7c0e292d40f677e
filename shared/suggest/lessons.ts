import type { Section } from '../model/sections.ts';
import { outermostEnumeration } from './enumeration.ts';
import { headlineOf } from './headline.ts';
import { findLessonRegions, type LessonRegion } from './lesson-regions.ts';
import { makeSuggestion, type Suggestion } from './suggestion.ts';

/**
 * One lesson per lesson point. A lessons part is split by the document's own enumeration (the
 * outermost one: "（一）…" points may hold "一是…" sub-points, which stay inside their point);
 * text before the first point is a preamble ("主要有三点经验启示。") and is not a lesson. With no
 * enumeration each paragraph is a lesson, or the whole part when it is short.
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
  for (const region of findLessonRegions(text, sections)) {
    for (const p of lessonPoints(text, region)) {
      out.push(makeSuggestion('lesson', text, sections, p.start, p.end, { headline: headlineOf(text.slice(p.bodyStart, p.end)) }, p.score));
    }
  }
  return out;
}

export interface LessonPoint {
  start: number;
  bodyStart: number;
  end: number;
  score: number;
}

export function lessonPoints(text: string, region: LessonRegion): LessonPoint[] {
  const body = text.slice(region.start, region.end);
  const markers = outermostEnumeration(body);
  if (markers.length >= 2) {
    const score = region.dedicated ? SCORE.enumeratedDedicated : SCORE.enumeratedPart;
    return markers.map((m, i) => ({
      start: region.start + m.start,
      bodyStart: region.start + m.bodyStart,
      end: region.start + (markers[i + 1]?.start ?? body.length),
      score,
    }));
  }
  const score = region.dedicated ? SCORE.paragraphDedicated : SCORE.paragraphPart;
  if (body.trim().length <= SHORT_PART) return body.trim() ? [{ start: region.start, bodyStart: region.start, end: region.end, score }] : [];
  const points: LessonPoint[] = [];
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
    points.push({ start: from, bodyStart: from, end: start + line.length, score });
  }
  if (pending !== null) points.push({ start: pending, bodyStart: pending, end: region.end, score });
  return points;
}
