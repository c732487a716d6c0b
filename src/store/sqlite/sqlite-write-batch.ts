import type Database from 'better-sqlite3';

interface QueuedWrite {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: the writes requested in one turn of the event loop run in one IMMEDIATE transaction, in the
 * order they were asked for, so concurrent requests share one commit (its WAL frames and locking) instead of
 * paying one each. Every write still resolves only after its data is committed. When any write of a batch fails,
 * the batch is rolled back and each write runs again alone, exactly as without batching: a write's work reads the
 * current state inside its transaction and computes its change from it, so running it again is safe.
 */
export class SqliteWriteBatch {
  private queue: QueuedWrite[] = [];

  constructor(
    private readonly db: Database.Database,
    /** Called after every transaction, committed or not: the database may have changed. */
    private readonly afterTransaction: () => void,
  ) {}

  /** Runs `work` inside a write transaction shared with the other writes of this turn; resolves with its result. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Runs the writes still queued, so closing the database loses none of them. */
  drain(): void {
    this.flush();
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length > 1 && this.runTogether(batch)) return;
    for (const write of batch) this.runAlone(write);
  }

  /** True when every write succeeded in one transaction (and has been resolved); false after a rollback. */
  private runTogether(batch: readonly QueuedWrite[]): boolean {
    let results: unknown[];
    try {
      results = this.db.transaction(() => batch.map((write) => write.work())).immediate();
    } catch {
      return false;
    } finally {
      this.afterTransaction();
    }
    batch.forEach((write, index) => write.resolve(results[index]));
    return true;
  }

  private runAlone(write: QueuedWrite): void {
    try {
      write.resolve(this.db.transaction(write.work).immediate());
    } catch (error) {
      write.reject(error);
    } finally {
      this.afterTransaction();
    }
  }
}
