import type { DocumentShape, TextMark, Warning } from '../../model/document.ts';
import type { InputKind, SourceLine } from '../decode/index.ts';
import type { MappedString } from '../mapped-string.ts';
import type { Layout, Paragraph } from '../paragraphs.ts';

/** A case as a shape splitter finds it, before its text and sections are assembled. */
export interface CaseDraft {
  title: string;
  region: string | null;
  unit: string | null;
  part: string | null;
  /** The title as it stands in the source (for the case's source range); absent when made up. */
  titleSource?: MappedString;
  body: Paragraph[];
  marks: Array<{ kind: TextMark['kind']; text: string }>;
  /** No title was found: `title` is made from the case's first words. */
  titleGuessed?: boolean;
}

export interface ShapeContext {
  file: string;
  rawText: string;
  kind: InputKind;
  lines: readonly SourceLine[];
  paragraphs: readonly Paragraph[];
  layout: Layout;
  warnings: Warning[];
  /**
   * The start of the document's own text (its first few thousand characters): where a
   * document names its province (健康河北行动). In a file of several documents, each has its own.
   */
  opening: string;
}

/** One way documents of this field are laid out, and how to split such a document into cases. */
export interface ShapeSplitter {
  readonly shape: DocumentShape;
  /** How strongly the document looks like this shape: 0 = not at all. */
  detect(ctx: ShapeContext): number;
  split(ctx: ShapeContext): { title: string | null; cases: CaseDraft[] };
}
