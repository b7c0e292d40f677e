/**
 * A scanned PDF: page images and no text layer, as a scanner writes them. The pages are
 * rasterised with pdftoppm (greyscale JPEG) and wrapped one image per A4 page, by hand: the
 * format needs a catalog, a page tree, a page, an image XObject (DCTDecode) and its drawing.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './office.ts';

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(jpeg: Uint8Array): { width: number; height: number; components: number } {
  let i = 2;
  while (i < jpeg.length) {
    if (jpeg[i] !== 0xff) throw new Error('not a JPEG marker');
    const marker = jpeg[i + 1]!;
    const length = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc3) return { height: (jpeg[i + 5]! << 8) | jpeg[i + 6]!, width: (jpeg[i + 7]! << 8) | jpeg[i + 8]!, components: jpeg[i + 9]! };
    i += 2 + length;
  }
  throw new Error('no JPEG frame');
}

export function imagesToPdf(jpegs: readonly Uint8Array[]): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    size += buf.length;
  };
  const object = (n: number, body: Buffer | string, stream?: Uint8Array) => {
    offsets[n] = size;
    push(`${n} 0 obj\n`);
    push(body);
    if (stream) {
      push('\nstream\n');
      push(Buffer.from(stream));
      push('\nendstream');
    }
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const pages = jpegs.map((_, i) => 3 + i * 3);
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pages.map((p) => `${p} 0 R`).join(' ')}] /Count ${jpegs.length} >>`);
  jpegs.forEach((jpeg, i) => {
    const { width, height, components } = jpegSize(jpeg);
    const [page, image, content] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    const draw = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
    object(page, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`);
    object(image, `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${components === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>`, jpeg);
    object(content, `<< /Length ${draw.length} >>`, Buffer.from(draw, 'latin1'));
  });
  const xref = size;
  const count = 3 + jpegs.length * 3;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Rasterise pages `first`–`last` of a PDF at `dpi` and wrap them as a scan. */
export function scanOf(pdf: string, first: number, last: number, dpi = 110): Uint8Array {
  const dir = tempDir('casebench-scan-');
  execFileSync('pdftoppm', ['-f', String(first), '-l', String(last), '-r', String(dpi), '-gray', '-jpeg', '-jpegopt', 'quality=60', pdf, join(dir, 'page')]);
  const files = readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort();
  return imagesToPdf(files.map((f) => new Uint8Array(readFileSync(join(dir, f)))));
}
