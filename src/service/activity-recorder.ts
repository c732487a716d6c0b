import type { ActivityEntry, Store } from '../store/store.js';

/** How the activity log is written. */
export interface ActivityRecorderOptions {
  /** Entries wait at most this long before they are written, in one transaction with those around them. */
  readonly flushDelayMs: number;
  /** A full buffer is written at once. */
  readonly maxBuffered: number;
  /** Entries older than this many days are dropped as new ones are written. */
  readonly retentionDays: number;
  readonly clock: () => Date;
  /** Called when a write fails: the log is best-effort and never fails the request it describes. */
  readonly onError: (error: unknown) => void;
}

/**
 * Buffers activity entries and writes them in batches, so logging a request costs the request nothing but an
 * array push, and the database one transaction per batch instead of one per request.
 */
export class ActivityRecorder {
  private buffer: ActivityEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly options: ActivityRecorderOptions,
  ) {}

  /** Queues one entry. */
  record(entry: ActivityEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length >= this.options.maxBuffered) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.flushDelayMs).unref();
  }

  /** Writes everything queued so far; resolves when it is stored (or has failed and been reported). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.writing;
    const retainSince = new Date(this.options.clock().getTime() - this.options.retentionDays * 86_400_000).toISOString();
    this.writing = this.writing
      .then(() => this.store.appendActivity(batch, retainSince))
      .catch((error: unknown) => this.options.onError(error));
    return this.writing;
  }
}
