import type { SourceLine } from './source-line.ts';

export type InputKind = 'plain-text' | 'markdown' | 'tab-separated' | 'html';

/**
 * One implementation per kind of input. A decoder turns decoded source text into lines with
 * their markup removed and its hints kept. Word (.docx) and PDF decoders plug in beside these:
 * they would claim their files by magic bytes and produce the same SourceLines.
 */
export interface InputDecoder {
  readonly kind: InputKind;
  /** How well this decoder fits the text: 0 = not at all, higher = better. */
  fit(file: string, text: string): number;
  lines(text: string): SourceLine[];
}
