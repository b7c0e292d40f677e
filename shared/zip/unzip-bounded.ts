import { unzipSync } from 'fflate';
import { formatByteSize } from '../text/byte-size.ts';

/**
 * How far the entries read from a zip from outside (a .docx, a .qdpx) may expand. A zip's
 * header says how large each entry is once inflated, and fflate allocates that much before
 * inflating (and never writes past it), so checking the claims bounds the memory: a 1.4 MB file
 * that expands to 370 MB is refused before anything is allocated for it.
 */
export interface ZipLimits {
  /** The most all entries read may expand to together. */
  maxBytes: number;
  /** The most one entry may expand, as a multiple of its compressed size: Word's XML expands 3–10 times, deflate's ceiling is about 1000. */
  maxRatio: number;
  /** Entries this small are not held to the ratio (a tiny file of one repeated byte is no threat). */
  ratioGraceBytes: number;
}

/** The same 64 MiB casebench loads from any input at once; 100 times, as Apache POI allows. */
export const ZIP_LIMITS: ZipLimits = { maxBytes: 64 * 1024 * 1024, maxRatio: 100, ratioGraceBytes: 1024 * 1024 };

/** An entry (or the entries together) would expand beyond the limits. */
export class ZipTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipTooLargeError';
  }
}

/**
 * The entries of a zip that `wanted` names, inflated, within `limits`; throws ZipTooLargeError
 * (what: "a Word document", for the message) before inflating any entry past them, and fflate's
 * own errors for a zip it cannot read.
 */
export function unzipBounded(bytes: Uint8Array, wanted: (name: string) => boolean, what: string, limits: ZipLimits = ZIP_LIMITS): Record<string, Uint8Array> {
  let total = 0;
  return unzipSync(bytes, {
    filter: (entry) => {
      if (!wanted(entry.name)) return false;
      // The ratio first: a file that is a bomb is told so, not asked to be split.
      if (entry.originalSize > limits.ratioGraceBytes && entry.originalSize > entry.size * limits.maxRatio) {
        const ratio = Math.round(entry.originalSize / Math.max(1, entry.size));
        throw new ZipTooLargeError(
          `${entry.name} expands ${ratio} times (${formatByteSize(entry.size)} to ${formatByteSize(entry.originalSize)}), more than the ${limits.maxRatio} times ${what} ever does; the file looks made to exhaust memory (a zip bomb) and was not read`,
        );
      }
      total += entry.originalSize;
      if (total > limits.maxBytes) {
        const of = total === entry.originalSize ? `${entry.name} expands to ${formatByteSize(entry.originalSize)}` : `its entries expand to ${formatByteSize(total)} together`;
        throw new ZipTooLargeError(`${of}, more than the ${formatByteSize(limits.maxBytes)} casebench reads from ${what}; split it first`);
      }
      return true;
    },
  });
}
