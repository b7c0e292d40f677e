import { IngestError } from '../errors.ts';
import { startsWith, type ContainerDecoder } from './container-decoder.ts';

/**
 * PDF files are claimed so they get a clear message instead of being read as garbage text.
 * Extracting text from PDF needs a PDF engine; one can replace `extract` without touching
 * anything else (reviewers meanwhile paste or save the text the way they get it today).
 */
export const pdfDecoder: ContainerDecoder = {
  format: 'pdf',
  claims: (bytes) => startsWith(bytes, [0x25, 0x50, 0x44, 0x46]), // %PDF
  extract(_bytes, file) {
    throw new IngestError('unsupported', file, 'this is a PDF file; extract its text first (save as .txt or .docx)');
  },
};
