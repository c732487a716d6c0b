import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The store for `databaseUrl`, chosen by its scheme: `sqlite:` now; PostgreSQL is not wired in yet. */
export function openStore(databaseUrl: string): Store {
  if (databaseUrl.startsWith('sqlite:')) return SqliteStore.open(databaseUrl);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`PostgreSQL is not yet supported by this build: '${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}'`);
  }
  throw new Error(`Unsupported database URL '${databaseUrl}': use sqlite:./file.db, sqlite::memory: or postgres://…`);
}
