import { pythonSplit } from './python-lines.fixture.ts';

/**
 * A standard CoNLL reader, as NLTK's ConllCorpusReader and the CoNLL-2003 loaders read a file:
 * lines as Python's text mode reads them (\n, \r and \r\n end a line), blocks (sentences)
 * separated by blank lines, each line's fields split on whitespace, every line of a file with the
 * same number of columns (NLTK raises "Inconsistent number of columns" otherwise), the last
 * column a BIO tag, entities read by the usual rule: B- starts one, I- continues the one of its
 * type on the line before in the same sentence. "-DOCSTART-" lines start a document.
 */
export interface ConllEntity {
  type: string;
  /** Tokens as written. */
  tokens: string[];
  /** Sentence (block) number and the entity's first token's index in it. */
  sentence: number;
  at: number;
}

export interface ConllRead {
  sentences: { tokens: string[]; tags: string[] }[];
  entities: ConllEntity[];
  documents: number;
  /** I- tags that continue nothing (an entity across a sentence break, in a reader that checks). */
  danglingInside: number;
  errors: string[];
}

export function readStandardConll(content: string): ConllRead {
  const out: ConllRead = { sentences: [], entities: [], documents: 0, danglingInside: 0, errors: [] };
  const lines = content.split(/\r\n|\n|\r/);
  let columns: number | null = null;
  let block: { tokens: string[]; tags: string[] } | null = null;
  lines.forEach((line, i) => {
    const fields = pythonSplit(line);
    if (fields.length === 0) {
      block = null;
      return;
    }
    if (columns === null) columns = fields.length;
    else if (fields.length !== columns) {
      out.errors.push(`line ${i + 1}: Inconsistent number of columns: ${fields.length}, expected ${columns} (${JSON.stringify(line)})`);
      return;
    }
    if (fields[0] === '-DOCSTART-') {
      out.documents++;
      return;
    }
    const tag = fields[fields.length - 1]!;
    if (!/^(O|[BI]-\S+)$/.test(tag)) out.errors.push(`line ${i + 1}: ${JSON.stringify(tag)} is not a BIO tag`);
    if (!block) out.sentences.push((block = { tokens: [], tags: [] }));
    block.tokens.push(fields[0]!);
    block.tags.push(tag);
  });
  out.sentences.forEach((s, n) => {
    let open: ConllEntity | null = null;
    s.tags.forEach((tag, k) => {
      const type = tag.slice(2);
      if (tag.startsWith('I-') && open?.type === type) open.tokens.push(s.tokens[k]!);
      else if (tag === 'O') open = null;
      else {
        if (tag.startsWith('I-')) out.danglingInside++;
        open = { type, tokens: [s.tokens[k]!], sentence: n, at: k };
        out.entities.push(open);
      }
    });
  });
  return out;
}
