import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { fold } from '../resource-layout.js';

const PREFIX = 'sqlite:';
const MEMORY = ':memory:';

/** What follows `sqlite:` in a SQLite database URL, undefined when `url` is not one. */
function pathInUrl(url: string): string | undefined {
  return url.startsWith(PREFIX) && url.length > PREFIX.length ? url.slice(PREFIX.length) : undefined;
}

/** The file path (or `:memory:`) named by `sqlite:./rel/file.db`, `sqlite:/abs/file.db` or `sqlite::memory:`. */
export function sqlitePathOf(url: string): string {
  const path = pathInUrl(url);
  if (path === undefined) {
    throw new Error(`Not a SQLite database URL: '${url}' (expected sqlite:./file.db, sqlite:/abs/file.db or sqlite::memory:)`);
  }
  return path === MEMORY ? MEMORY : resolve(path);
}

/** True for a URL naming a SQLite file (not `sqlite::memory:`), which other threads and processes can open too. */
export function isSqliteFileUrl(url: string): boolean {
  const path = pathInUrl(url);
  return path !== undefined && path !== MEMORY;
}

/** Folds strings like the stores' `*_fold` columns; other values pass through. */
function scimFold(value: unknown): unknown {
  return typeof value === 'string' ? fold(value) : value;
}

/** Epoch milliseconds of an xsd:dateTime text (any zone), NULL when it is not one: dateTimes compare as instants. */
function scimInstant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** A read thread's page cache, in KiB. */
const QUERY_ONLY_PAGE_CACHE_KIB = 4000;

/**
 * The page cache of a read-write connection (the server's, the CLI's), in KiB: half of better-sqlite3's 16 MB.
 * It holds the B-trees' upper levels, which every write and list walks, with room to spare; what else fills it is
 * mostly read once — the random leaf pages of single-resource writes, and the activity log's appended pages —
 * so the larger cache only added to the server's peak RSS (140–143 -> 130–134 MB at 100k users, writes and paging
 * unchanged side by side: docs/performance.md, ninth round).
 */
const READ_WRITE_PAGE_CACHE_KIB = 8000;

/**
 * What a bulk import (`roster migrate`) raises its connection's page cache to, in KiB: building the indexes of
 * thousands of rows at a time re-reads their leaf pages, and a larger cache keeps them (100k users import in
 * ~10 s with 16 MB and ~13 s with 8 MB here).
 */
const BULK_IMPORT_PAGE_CACHE_KIB = 16000;

/**
 * How many WAL pages the server's connection lets accumulate before it checkpoints them itself, when a read
 * thread checkpoints every READ_THREAD_CHECKPOINT_MS: a backstop, reached when the thread falls behind or has
 * stopped, or when steady writes never leave the WAL fully copied at the moment a write begins (SQLite starts the
 * WAL over only then). SQLite's default, which the server keeps without read threads, is 1,000.
 */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

/** How often a read thread looks at the WAL, and copies it into the database file when it holds enough. */
export const READ_THREAD_CHECKPOINT_MS = 100;

/**
 * How many WAL frames not yet copied make a read thread's checkpoint worth its two syncs: SQLite's own default
 * threshold, so under reads (the activity log's few pages a second) a thread syncs as seldom as the server's
 * connection did, and under writes it copies every 100 ms once that much has accumulated.
 */
export const READ_THREAD_CHECKPOINT_FRAMES = 1000;

/**
 * Leaves `db`'s WAL checkpoints to another connection (a read thread's), keeping its own as a backstop: a
 * checkpoint copies the WAL's pages into the database file and syncs both, which on the server's connection
 * stalls the event loop for every request in flight.
 */
export function leaveCheckpointsToAReadThread(db: Database.Database): void {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
}

/** Gives `db` the page cache of a bulk import, for the rest of its life: call before importing. */
export function useBulkImportPageCache(db: Database.Database): void {
  db.pragma(`cache_size = -${BULK_IMPORT_PAGE_CACHE_KIB}`);
}

/**
 * Opens the database with the settings the server and the `roster` CLI share: WAL so readers never block the
 * writer, a busy timeout so a second process waits for the lock instead of failing, foreign keys enforced.
 * A query-only connection (a read thread's) can read everything and change nothing, not even the journal mode.
 */
export function openSqliteDatabase(url: string, access: 'read-write' | 'query-only' = 'read-write'): Database.Database {
  const path = sqlitePathOf(url);
  if (path !== MEMORY) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  if (access === 'query-only') {
    db.pragma('query_only = ON');
    // Another connection's commit empties this connection's page cache (the server's commits, the activity log's
    // several a second): a small cache holds the B-trees' upper levels between them, and costs less memory.
    db.pragma(`cache_size = -${QUERY_ONLY_PAGE_CACHE_KIB}`);
  } else {
    db.pragma('journal_mode = WAL');
    db.pragma(`cache_size = -${READ_WRITE_PAGE_CACHE_KIB}`);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.function('scim_fold', { deterministic: true }, scimFold);
  db.function('scim_instant', { deterministic: true }, scimInstant);
  return db;
}
