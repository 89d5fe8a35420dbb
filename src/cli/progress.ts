// Progress of a batch on stderr: a line every so many documents or every few seconds, and the
// closing summary ("stored 37 of 40 documents (2 already stored, 1 failed) in 12.3 s").

export interface ProgressOptions {
  /** Where lines go; null for none (--quiet). */
  write: ((line: string) => void) | null;
  /** A line after every this many documents... */
  everyDocuments?: number;
  /** ...or when this long has passed since the last one. */
  everyMs?: number;
  now?: () => number;
}

export class BatchProgress {
  stored = 0;
  unchanged = 0;
  failed = 0;
  /** The input being read, 1-based, of `total` (files and URLs; a feed or archive is one). */
  current = 0;
  private readonly started: number;
  private lastLine: number;
  private sinceLine = 0;

  constructor(readonly total: number, private readonly opts: ProgressOptions) {
    this.started = this.now();
    this.lastLine = this.started;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  get documents(): number {
    return this.stored + this.unchanged + this.failed;
  }

  get seconds(): number {
    return (this.now() - this.started) / 1000;
  }

  beginInput(): void {
    this.current++;
  }

  /** Counts one document's outcome and prints a line when one is due. */
  record(outcome: 'stored' | 'unchanged' | 'failed'): void {
    this[outcome]++;
    this.sinceLine++;
    const now = this.now();
    if (this.sinceLine >= (this.opts.everyDocuments ?? 25) || now - this.lastLine >= (this.opts.everyMs ?? 5000)) {
      this.opts.write?.(this.line());
      this.lastLine = now;
      this.sinceLine = 0;
    }
  }

  /** "ingest: 12/40 inputs, 10 stored, 1 already stored, 1 failed, 4.2 s" */
  line(): string {
    return `ingest: ${this.current}/${this.total} inputs, ${this.stored} stored, ${this.unchanged} already stored, ${this.failed} failed, ${this.seconds.toFixed(1)} s`;
  }

  /** "stored 37 of 40 documents (2 already stored, 1 failed) in 12.3 s" */
  summary(): string {
    const n = this.documents;
    const parts = [this.unchanged ? `${this.unchanged} already stored` : '', this.failed ? `${this.failed} failed` : ''].filter(Boolean);
    return `stored ${this.stored} of ${n} document${n === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''} in ${this.seconds.toFixed(1)} s`;
  }
}
