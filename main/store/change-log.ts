/** One file another writer changed, as this process noticed it. */
export interface ExternalChange {
  seq: number;
  /** The file, relative to the project folder ("schema.json", "reviews/bob.spans/c1.json"). */
  file: string;
  at: string;
}

/**
 * The files other writers changed, in the order this process noticed them, numbered so that a
 * workbench can ask what changed since it last looked. Only the newest entries are kept: one
 * that asks about an older number is told everything may have changed.
 */
export class ChangeLog {
  private entries: ExternalChange[] = [];
  private next = 1;

  constructor(private readonly keep = 500) {}

  /** The number of the newest change (0: none yet). */
  get seq(): number {
    return this.next - 1;
  }

  record(file: string): void {
    this.entries.push({ seq: this.next++, file, at: new Date().toISOString() });
    if (this.entries.length > this.keep) this.entries.splice(0, this.entries.length - this.keep);
  }

  /** Changes after `seq`; `complete` is false when some were no longer kept. */
  since(seq: number): ExternalChange[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  /** Whether the log still holds every change after `seq`. */
  covers(seq: number): boolean {
    return seq >= this.seq || (this.entries[0]?.seq ?? this.next) <= seq + 1;
  }
}
