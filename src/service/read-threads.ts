import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QuirkCode } from '../scim/compat/quirk.js';
import { ScimError, type ScimType } from '../scim/errors/scim-error.js';
import type { Config } from '../config/config.js';
import type { ListLimits } from '../scim/list/page-bounds.js';
import { isSqliteFileUrl, READ_THREAD_CHECKPOINT_MS } from '../store/sqlite/sqlite-database.js';
import { answerRead, IN_PROCESS_READS, type ReadAnswer, type ReadRequest, type ReadRunner } from './read-requests.js';
import type { ScimContext } from './scim-context.js';

/** What a read thread is started with. */
export interface ReadThreadData {
  readonly databaseUrl: string;
  /** Set for the one thread that runs the WAL checkpoints: how often, in ms. */
  readonly checkpointEveryMs?: number;
}

/** What the server asks a read thread (read-thread.ts): one read of one organization. */
export interface ReadThreadCall {
  readonly seq: number;
  readonly orgId: string;
  readonly baseUrl: string;
  readonly limits: ListLimits;
  readonly request: ReadRequest;
}

/** A client error of a read, as plain data: it becomes the same ScimError again in the server's thread. */
export interface ReadThreadScimError {
  readonly status: number;
  readonly scimType: ScimType | undefined;
  readonly detail: string;
}

/** A read's answer as a thread sends it: the body's UTF-8 bytes in an ArrayBuffer of their own, transferred. */
export interface ReadThreadAnswer {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly version?: string;
}

/** A read thread's reply: the answer, the client error, or (the server's fault) a failure message. */
export type ReadThreadReply = { readonly seq: number; readonly quirks: readonly QuirkCode[]; readonly ignored: readonly string[] } & (
  | { readonly answer: ReadThreadAnswer }
  | { readonly scimError: ReadThreadScimError }
  | { readonly failure: string }
);

interface PendingRead {
  readonly context: ScimContext;
  readonly resolve: (answer: ReadAnswer) => void;
  readonly reject: (error: Error) => void;
}

interface ReadThread {
  readonly worker: Worker;
  readonly pending: Map<number, PendingRead>;
  /** Whether it runs the WAL checkpoints: the first thread does, and the one that takes its place. */
  readonly checkpoints: boolean;
  /** Whether it has answered anything: a thread that stops before is not started again. */
  answered: boolean;
  /** What stopped it, when it threw. */
  error?: unknown;
}

/**
 * The thread's script: next to this module once built; when this module runs from its TypeScript source (the
 * tests), the built copy under dist/, which the test command builds first.
 */
function threadScriptUrl(): URL {
  const beside = new URL('./read-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = fileURLToPath(beside).replace(/([\\/])src([\\/])service([\\/])read-thread\.js$/, '$1dist$2service$3read-thread.js');
  return pathToFileURL(built);
}

/** A later page of a list: `startIndex` past 1 (or not a number, which this thread answers with its 400). */
function continuesAList(request: ReadRequest): boolean {
  if (request.kind !== 'list') return false;
  const startIndex = Number(request.params['startIndex']?.trim() ?? '1');
  return !(startIndex <= 1);
}

/**
 * Reads answered by threads with their own SQLite connections, so lookups use the cores the event loop does not:
 * the server's thread keeps routing, the bearer token check, the activity log and every write, and hands GET
 * /<Type>/<id> and the first page of a list (what an IdP's lookups are) to the least busy thread. Later pages of
 * a list stay on the server's own connection, which remembers where the previous page ended (list-positions.ts);
 * a thread's connection forgets that whenever another connection commits, which the server's activity log does
 * several times a second. Answers are the same either way: a read thread runs the same service code, and it
 * starts its read after the writes answered before it was asked (WAL: a new read sees every commit made).
 *
 * The first thread also runs the WAL checkpoints: every READ_THREAD_CHECKPOINT_MS it copies the WAL into the
 * database file once READ_THREAD_CHECKPOINT_FRAMES frames wait to be copied (a PASSIVE checkpoint, which waits for
 * no lock and blocks no writer), so the server's connection, opened with `checkpointsInReadThread`, rarely does: a
 * checkpoint syncs the WAL and the database file, and on the event loop that stalls every request in flight.
 * Should that thread stop for good, the server's connection checkpoints by itself again at its backstop.
 */
export class ReadThreads implements ReadRunner {
  private readonly threads: ReadThread[] = [];
  private nextSeq = 0;
  private closing = false;

  constructor(
    private readonly databaseUrl: string,
    count: number,
    /** Told when a thread stops while the server is not closing, and whether another takes its place. */
    private readonly onThreadError: (error: unknown) => void,
    /** The thread's script: read-thread.ts's, unless a test brings its own. */
    private readonly script: URL = threadScriptUrl(),
  ) {
    for (let i = 0; i < count; i += 1) this.threads.push(this.start(i === 0));
  }

  async answer(context: ScimContext, request: ReadRequest): Promise<ReadAnswer> {
    if (this.closing) throw new Error('The read threads are closed');
    if (continuesAList(request) || this.threads.length === 0) return answerRead(context, request);
    const thread = this.threads.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const seq = this.nextSeq++;
    const call: ReadThreadCall = { seq, orgId: context.orgId, baseUrl: context.baseUrl, limits: context.limits, request };
    return new Promise<ReadAnswer>((resolve, reject) => {
      thread.pending.set(seq, { context, resolve, reject });
      thread.worker.postMessage(call);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private start(checkpoints: boolean): ReadThread {
    const workerData: ReadThreadData = {
      databaseUrl: this.databaseUrl,
      ...(checkpoints ? { checkpointEveryMs: READ_THREAD_CHECKPOINT_MS } : {}),
    };
    const worker = new Worker(this.script, { workerData });
    const thread: ReadThread = { worker, checkpoints, pending: new Map(), answered: false };
    worker.on('message', (reply: ReadThreadReply) => this.settle(thread, reply));
    worker.on('error', (error) => {
      thread.error = error;
    });
    worker.on('exit', (code) => this.replace(thread, code));
    return thread;
  }

  private settle(thread: ReadThread, reply: ReadThreadReply): void {
    const pending = thread.pending.get(reply.seq);
    if (!pending) return;
    thread.pending.delete(reply.seq);
    thread.answered = true;
    for (const code of reply.quirks) pending.context.quirks.add(code);
    pending.context.report.ignored.push(...reply.ignored);
    if ('answer' in reply) {
      const { bytes, version } = reply.answer;
      const json = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      pending.resolve(version === undefined ? { json } : { json, version });
    }
    else if ('scimError' in reply) pending.reject(new ScimError(reply.scimError.status, reply.scimError.scimType, reply.scimError.detail));
    else pending.reject(new Error(`A read thread failed: ${reply.failure}`));
  }

  /**
   * A thread that stopped fails what it had been asked and, unless the server is closing, is reported and
   * replaced; one that stopped before answering anything (it cannot open the database, say) is not, lest it be
   * started again and again: with none left, this thread answers the reads.
   */
  private replace(thread: ReadThread, code: number): void {
    const stopped = new Error(`A read thread stopped (exit code ${code})`, { cause: thread.error });
    for (const pending of thread.pending.values()) pending.reject(stopped);
    thread.pending.clear();
    const index = this.threads.indexOf(thread);
    if (this.closing || index === -1) return;
    if (thread.answered) {
      this.onThreadError(new Error(`${stopped.message}; a new one is started`, { cause: thread.error }));
      this.threads[index] = this.start(thread.checkpoints);
    } else {
      this.onThreadError(new Error(`${stopped.message} before answering anything; it is not started again`, { cause: thread.error }));
      this.threads.splice(index, 1);
    }
  }
}

/**
 * Whether `config` runs read threads (`READ_THREADS` > 0) on a SQLite file: PostgreSQL answers reads in its own
 * processes already, and an in-memory database cannot be opened from another thread.
 */
export function runsReadThreads(config: Config): boolean {
  return config.readThreads > 0 && isSqliteFileUrl(config.databaseUrl);
}

/** Read threads when `config` runs them (runsReadThreads); otherwise reads in this thread. */
export function readRunnerFor(config: Config, onThreadError: (error: unknown) => void): ReadRunner {
  if (!runsReadThreads(config)) return IN_PROCESS_READS;
  return new ReadThreads(config.databaseUrl, config.readThreads, onThreadError);
}
