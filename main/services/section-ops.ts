import type { TaggedSection } from '../../shared/model/review.ts';
import { SECTION_KINDS, type SectionKind } from '../../shared/model/sections.ts';
import type { ParsedInputOf } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';

type TagInput = ParsedInputOf<'tagSection'>;

/**
 * Apply a reviewer's section tagging action to their section layer (a copy of the loader's
 * sections until touched): confirm a section, change its kinds, move its boundary, add one,
 * remove one. Ends are recomputed from the levels, so the outline stays a tree.
 */
export function applySectionAction(current: readonly TaggedSection[], input: TagInput, text: string): TaggedSection[] {
  let sections = current.map((s) => ({ ...s }));
  const at = (index: number) => {
    const s = sections[index];
    if (!s) throw new ApiError('not-found', `no section ${index} in this case (it has ${sections.length})`);
    return s;
  };
  const inText = (offset: number, what: string) => {
    if (offset > text.length) throw new ApiError('invalid-input', `${what} ${offset} is past the end of the text (${text.length})`);
  };
  switch (input.action) {
    case 'confirm':
      at(input.index).confirmed = true;
      break;
    case 'confirm-all':
      for (const s of sections) s.confirmed = true;
      break;
    case 'set-kinds':
      Object.assign(at(input.index), { kinds: dedupe(input.kinds), confirmed: true });
      break;
    case 'move': {
      const s = at(input.index);
      inText(input.start, 'start');
      const headingEnd = input.headingEnd ?? Math.min(text.length, input.start + (s.headingEnd - s.start));
      inText(headingEnd, 'heading end');
      if (headingEnd <= input.start) throw new ApiError('invalid-input', 'a section heading must not be empty');
      Object.assign(s, { start: input.start, headingEnd, heading: headingText(text, input.start, headingEnd), confirmed: true });
      break;
    }
    case 'add': {
      inText(input.headingEnd, 'heading end');
      if (input.headingEnd <= input.start) throw new ApiError('invalid-input', 'a section heading must not be empty');
      if (sections.some((s) => s.start === input.start)) throw new ApiError('conflict', 'a section already starts there');
      sections.push({
        heading: input.heading ?? headingText(text, input.start, input.headingEnd),
        numbering: '',
        level: input.level,
        kinds: dedupe(input.kinds),
        start: input.start,
        headingEnd: input.headingEnd,
        end: text.length,
        source: 'reviewer',
        confirmed: true,
      });
      break;
    }
    case 'remove':
      at(input.index);
      sections.splice(input.index, 1);
      break;
    case 'reset':
      throw new ApiError('internal', 'reset is handled by the caller');
  }
  sections = sections.sort((a, b) => a.start - b.start);
  return withEnds(sections, text.length);
}

/** A section ends where the next one of the same or a higher level starts. */
export function withEnds(sections: TaggedSection[], textLength: number): TaggedSection[] {
  return sections.map((s, i) => {
    const next = sections.slice(i + 1).find((n) => n.level <= s.level);
    return { ...s, end: next ? next.start : textLength };
  });
}

function headingText(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])\s*/, '').replace(/[。：:；\s]+$/, '').trim();
}

function dedupe(kinds: readonly SectionKind[]): SectionKind[] {
  const order: readonly SectionKind[] = SECTION_KINDS;
  return order.filter((k) => kinds.includes(k));
}
