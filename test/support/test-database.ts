import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the PostgreSQL server the `postgres` test project runs against. */
    postgresUrl: string;
  }
}

/** Which store the running test project exercises: `postgres` in the PostgreSQL project, else SQLite. */
export function testBackend(): 'sqlite' | 'postgres' {
  return process.env['ROSTER_TEST_BACKEND'] === 'postgres' ? 'postgres' : 'sqlite';
}

let admin: pg.Pool | undefined;
let schemas = 0;

/**
 * A fresh, empty PostgreSQL database for one test: its own schema on the shared test server, named by
 * `search_path` in the URL, so tests never see each other's rows and need no cleanup between them.
 */
async function freshPostgresUrl(): Promise<string> {
  const base = inject('postgresUrl');
  admin ??= new pg.Pool({ connectionString: base, max: 2 });
  const schema = `t_${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A DATABASE_URL for an empty database of the backend under test; SQLite files go in `dir`. */
export async function testDatabaseUrl(dir: string, file = 'roster.db'): Promise<string> {
  return testBackend() === 'postgres' ? freshPostgresUrl() : `sqlite:${join(dir, file)}`;
}

/** A URL of an empty store for store-level tests: SQLite in memory, or a fresh PostgreSQL schema. */
export async function testStoreUrl(): Promise<string> {
  return testBackend() === 'postgres' ? freshPostgresUrl() : 'sqlite::memory:';
}
