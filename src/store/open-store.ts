import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** How the server opens its store; the `roster` CLI takes the defaults. */
export interface OpenStoreOptions {
  /** SQLite: a read thread runs the WAL checkpoints (service/read-threads.ts). PostgreSQL checkpoints by itself. */
  readonly checkpointsInReadThread?: boolean;
}

/** The store for `databaseUrl`, chosen by its scheme: `sqlite:` (embedded) or `postgres://` / `postgresql://`. */
export function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Store {
  if (databaseUrl.startsWith('sqlite:')) return SqliteStore.open(databaseUrl, options);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return PostgresStore.open(databaseUrl);
  throw new Error(`Unsupported database URL '${databaseUrl}': use sqlite:./file.db, sqlite::memory: or postgres://…`);
}
