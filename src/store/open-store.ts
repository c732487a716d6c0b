import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The store for `databaseUrl`, chosen by its scheme: `sqlite:` (embedded) or `postgres://` / `postgresql://`. */
export function openStore(databaseUrl: string): Store {
  if (databaseUrl.startsWith('sqlite:')) return SqliteStore.open(databaseUrl);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return PostgresStore.open(databaseUrl);
  throw new Error(`Unsupported database URL '${databaseUrl}': use sqlite:./file.db, sqlite::memory: or postgres://…`);
}
