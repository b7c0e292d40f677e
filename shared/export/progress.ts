/** Counts steps of an export and tells the caller, who may draw a progress bar. */
export interface Progress {
  step(): void;
}

export function progressReporter(onProgress: ((done: number, total: number) => void) | undefined, total: number): Progress {
  if (!onProgress) return { step() {} };
  let done = 0;
  onProgress(0, total);
  return {
    step() {
      done = Math.min(total, done + 1);
      onProgress(done, total);
    },
  };
}
