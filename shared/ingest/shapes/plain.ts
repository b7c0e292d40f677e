import { leadingPlaceName, provinceOfAction } from '../regions.ts';
import { headingOf } from '../sections.ts';
import { endsSentence } from '../width.ts';
import type { ShapeSplitter } from './shape.ts';
import { tidyTitle } from './region-title.ts';

/** A text of unknown shape still loads: one case with its paragraphs, titled by its first line. */
export const plainShape: ShapeSplitter = {
  shape: 'plain',
  detect: () => 1,
  split(ctx) {
    const paras = [...ctx.paragraphs];
    const first = paras[0];
    let title = ctx.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    let titleSource;
    // A short line that is no sentence is the title; a file of that line alone is a title with
    // no text (flagged as an empty case), not a case whose text is its title.
    if (first && first.text.length <= 40 && !endsSentence(first.text.text) && !headingOf(first) && (paras.length > 1 || !/[，。；,;]/.test(first.text.text))) {
      title = tidyTitle(first.text.text);
      titleSource = first.text;
      paras.shift();
    }
    const region = leadingPlaceName(title) ?? provinceOfAction(ctx.opening.slice(0, 2000));
    return {
      title,
      cases: [{ title, region, unit: null, part: null, ...(titleSource ? { titleSource } : {}), body: paras, marks: [] }],
    };
  },
};
