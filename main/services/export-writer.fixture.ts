/**
 * The writer the export crash test kills: it writes a large export over and over, printing
 * "wrote" after each: a file (`json`) at <out>, a new folder (`brat`) at <out>-<pid>-<round>, or a
 * folder at <out> again and again (`brat-into`, as `export --out` into a folder that exists).
 * Content varies by round, so a file cut short or mixed from two rounds is told apart from a whole one.
 * Run with: node --import tsx export-writer.fixture.ts <out> <json|brat|brat-into>
 */
import type { ExportResult } from '../../shared/export/index.ts';
import { writeExport } from './export-jobs.ts';

const [out, mode] = process.argv.slice(2) as [string, 'json' | 'brat' | 'brat-into'];
const format = mode === 'json' ? 'json' : 'brat';
process.stdout.write('ready\n');
for (let round = 0; ; round++) {
  const line = `{"round":${round},"text":"${'健康促进'.repeat(64)}"}\n`;
  const big = `${line.repeat(Math.ceil(((mode === 'brat' ? 3 : 8) * 1048576) / line.length))}END ${round}\n`;
  const result: ExportResult = {
    files: format === 'json' ? [{ path: 'dataset.json', data: big }] : [{ path: 'annotation.conf', data: `round ${round}\n` }, { path: 'alice/case.txt', data: big }, { path: 'alice/case.ann', data: `END ${round}\n` }],
    offsetUnit: 'utf16',
    mediaType: 'application/json',
    warnings: [],
  };
  await writeExport(result, format, mode === 'brat' ? `${out}-${process.pid}-${round}` : out);
  process.stdout.write('wrote\n');
}
