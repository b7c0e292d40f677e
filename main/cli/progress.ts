import type { LoadProgress } from '../services/load-progress.ts';

/** Below this many pages a file loads too fast for progress to help. */
const MIN_PAGES = 20;
/** Without a terminal, one line per this many pages (a log stays short). */
const EVERY = 25;

/**
 * Progress of long loads (a PDF of many pages) on stderr: on a terminal, one line that updates
 * in place; otherwise a line every few pages, so a log shows the command is not stuck. Stdout
 * stays clean for --json.
 */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): { listener: (p: LoadProgress) => void; end: () => void } {
  let open = false;
  return {
    listener(p) {
      if (p.pages < MIN_PAGES) return;
      const line = `reading ${p.file}: page ${p.page} of ${p.pages}`;
      if (stream.isTTY) {
        stream.write(`\r${line}\u001b[K`);
        open = p.page < p.pages;
        if (!open) stream.write('\n');
      } else if (p.page % EVERY === 0 || p.page === p.pages) stream.write(`${line}\n`);
    },
    end() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}
