/**
 * Coalesces rapid writes of one file: while a write is in flight, later requests wait for a
 * single follow-up write of the newest state, so a burst of edits costs two writes, not one per
 * edit. Every request resolves only once a write that started after it has finished, so an
 * acknowledged edit is always on disk.
 */
export class CoalescingWriter {
  private inFlight: Promise<void> | null = null;
  private queued: { produce: () => Promise<void>; promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;

  /** `produce` serialises and writes the state as it is when the write starts. */
  write(produce: () => Promise<void>): Promise<void> {
    if (!this.inFlight) return this.start(produce);
    if (this.queued) {
      this.queued.produce = produce;
      return this.queued.promise;
    }
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.queued = { produce, promise, resolve, reject };
    return promise;
  }

  /** Resolves when nothing is in flight or queued. */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  private start(produce: () => Promise<void>): Promise<void> {
    const run = produce().finally(() => {
      this.inFlight = null;
      const next = this.queued;
      if (next) {
        this.queued = null;
        this.start(next.produce).then(next.resolve, next.reject);
      }
    });
    this.inFlight = run;
    return run;
  }
}
