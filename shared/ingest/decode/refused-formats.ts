import { IngestError } from '../errors.ts';
import { startsWith, type ContainerDecoder } from './container-decoder.ts';

/**
 * Word's old binary format (.doc, WPS's .wps: OLE compound files) and RTF: formats no small,
 * well-kept library reads well in every host, so they are refused with what to do instead of
 * being read as garbage.
 */
export const oleDecoder: ContainerDecoder = {
  format: 'doc',
  claims: (bytes) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  extract(_bytes, file) {
    throw new IngestError('unsupported', file, 'is an old Word (.doc) or WPS file; open it in Word, WPS or LibreOffice, save it as .docx, and load that');
  },
};

export const rtfDecoder: ContainerDecoder = {
  format: 'rtf',
  claims: (bytes) => startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]), // {\rtf
  extract(_bytes, file) {
    throw new IngestError('unsupported', file, 'is an RTF file; save it as .docx (or as text) and load that');
  },
};
