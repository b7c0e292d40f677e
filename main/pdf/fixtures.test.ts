import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfFixtures, textKey } from '../../fixtures/loader/index.ts';
import { IngestError } from '../../shared/ingest/errors.ts';
import { BOX_STRIDE } from '../../shared/model/geometry.ts';
import { decodePdf } from './decode-pdf.ts';

/**
 * The decoder on the project's PDF fixtures (fixtures/pdf: the five samples typeset, casebench's
 * own export, and files to refuse). What the loader makes of the lines is the loader's test; here,
 * what the decoder owes it: all the text, whole paragraphs, no page furniture, every character
 * placed on its page, TOC entries tied to their pages, and the refusals.
 */
const fixtures = pdfFixtures();
const readable = fixtures.filter((f) => !f.expected.refusal);
const refused = fixtures.filter((f) => f.expected.refusal);

describe.runIf(fixtures.length > 0)('decodePdf on the PDF fixtures', () => {
  it.each(readable.map((f) => [f.name, f] as const))(
    '%s: every probe of every case is in the text, paragraphs are whole, furniture is gone',
    async (_name, f) => {
      const d = await decodePdf(new Uint8Array(readFileSync(f.inputPath)), f.expected.input);
      const key = textKey(d.rawText);
      for (const c of f.expected.cases) for (const p of c.probes) expect(key, `${c.title}: ${p}`).toContain(p);
      // Body paragraphs end sentences: a line that stops mid-sentence is a hard wrap left over.
      // (A few do end so in the sources: a URL, a colon before a list, a figure caption.)
      const body = d.lines.filter((l) => !l.role && l.text.length > 20);
      const cut = body.filter((l) => !/[。！？；：:”）)…」》.]$/.test(l.text.text) && !/……\d+$/.test(l.text.text) && !/^(?:\d+[．.、]|[（(][一二三四五六七八九十\d]+[）)])/.test(l.text.text) && l.text.length > 40);
      expect(cut.length / Math.max(1, body.length)).toBeLessThan(0.05);
      expect(d.rawText).not.toMatch(/^— ?\d+ ?—$/m);
      // Every character but the separators the reader put in stands in a box on its page.
      const inBox = new Uint8Array(d.rawText.length);
      const b = d.geometry!.boxes;
      for (let k = 0; k < b.length; k += BOX_STRIDE) inBox.fill(1, b[k]!, b[k + 1]!);
      let loose = 0;
      for (let i = 0; i < d.rawText.length; i++) if (!inBox[i] && !/\s/.test(d.rawText[i]!) && d.rawText[i] !== '…') loose++;
      expect(loose).toBe(0);
      for (const link of d.toc) expect(link.target, d.lines[link.entry]!.text.text).not.toBeNull();
    },
    60_000,
  );

  it.each(refused.map((f) => [f.name, f] as const))('%s is refused, saying what it is', async (_name, f) => {
    const error = await decodePdf(new Uint8Array(readFileSync(f.inputPath)), f.expected.input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    const words = { scanned: /no text layer: it is a scan/, encrypted: /encrypted PDF that needs a password/, damaged: /damaged PDF/ }[f.expected.refusal!.reason];
    expect((error as Error).message).toMatch(words);
    expect((error as Error).message.startsWith(`${f.expected.input}: `)).toBe(true);
  });
});
