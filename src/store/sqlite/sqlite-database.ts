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
    db.pragma('cache_size = -4000');
  } else {
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.function('scim_fold', { deterministic: true }, scimFold);
  db.function('scim_instant', { deterministic: true }, scimInstant);
  return db;
}
