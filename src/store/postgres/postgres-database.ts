import pg from 'pg';
import { invalidValue } from '../../scim/errors/scim-error.js';
import type { ResourceLayout } from '../resource-layout.js';
import { toRecord, type ResourceRecord, type SqlValue } from '../resource-rows.js';
import type { ScimResource } from '../store.js';

const INT8_OID = 20;
const JSON_OID = 114;

/**
 * Result types shared by every connection of the store: bigint (seq, COUNT) as a JavaScript number (safe below
 * 2^53, far above any row count), json as its text, parsed by the same code as SQLite's TEXT documents.
 */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === JSON_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** `?` placeholders to `$1…$n`, skipping quoted literals and identifiers (the shared SQL is written with `?`). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  let quote: string | undefined;
  let out = '';
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else {
      out += char === '?' ? `$${++n}` : char;
    }
  }
  return out;
}

/** How many distinct statement texts are prepared by name (per connection); the rest run unnamed. */
const MAX_NAMED = 2000;

/**
 * Codes of text PostgreSQL cannot represent: 22021 (a NUL byte in a text parameter) and 22P05 (`\u0000` in a
 * json document read as text). SQLite stores such text; PostgreSQL refuses it.
 */
const UNREPRESENTABLE_TEXT = new Set(['22021', '22P05']);

const NUL_DETAIL = 'Text values must not contain the NUL character (U+0000): PostgreSQL cannot store or compare it';

/** True when a string anywhere in `value` (keys included) holds U+0000. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || holdsNul(inner));
  return false;
}

/**
 * The record of a resource about to be written, refusing one PostgreSQL cannot hold faithfully: a json document
 * may carry `\u0000`, but reading it as text later fails, so one stored value would break every filter on that
 * attribute in the whole organization.
 */
export function storableRecord(layout: ResourceLayout, resource: ScimResource): ResourceRecord {
  if (holdsNul(resource)) throw invalidValue(NUL_DETAIL);
  return toRecord(layout, resource);
}

/** Anything queries can run on: the pool, or one client inside a transaction. */
type Queryable = pg.Pool | pg.PoolClient;

/**
 * Runs the store's SQL: `?` placeholders converted once per statement text, and each statement prepared once per
 * connection (a named statement), so the planner's work is not repeated on every request.
 */
export class PostgresSession {
  private static readonly statements = new Map<string, { name?: string; text: string }>();

  constructor(private readonly target: Queryable) {}

  /**
   * The statement for `sql`. Filters make the text vary with their shape (never with their values), so the
   * number of texts is bounded by what clients send; past MAX_NAMED they run unnamed rather than fill memory.
   */
  private static statement(sql: string): { name?: string; text: string } {
    let statement = PostgresSession.statements.get(sql);
    if (!statement) {
      const text = numberedPlaceholders(sql);
      const count = PostgresSession.statements.size;
      statement = count < MAX_NAMED ? { name: `roster_${count + 1}`, text } : { text };
      if (count < MAX_NAMED) PostgresSession.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs one statement; a value PostgreSQL cannot hold as text (U+0000) is the client's 400, not a 500. */
  private async query(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    try {
      return await this.target.query({ ...PostgresSession.statement(sql), values: [...params] });
    } catch (error) {
      if (error instanceof Error && UNREPRESENTABLE_TEXT.has(String((error as { code?: unknown }).code))) {
        throw invalidValue(NUL_DETAIL);
      }
      throw error;
    }
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs a statement; returns how many rows it changed. */
  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }
}

/** Opens a pool for `postgres://…` with the store's type parsers; `max` connections (default 10). */
export function openPostgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: TYPES });
  // An idle client losing its connection (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** PostgreSQL's codes for a transaction aborted only by timing (deadlock, serialization): safe to run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  return error instanceof Error && RETRYABLE.has(String((error as { code?: unknown }).code));
}

/** One attempt: COMMIT when `work` resolves, ROLLBACK when it throws. */
async function attempt<T>(pool: pg.Pool, work: (session: PostgresSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(new PostgresSession(client));
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A client whose ROLLBACK fails is broken: drop it from the pool instead of reusing it.
    const broken = await client.query('ROLLBACK').then(() => false, () => true);
    client.release(broken);
    throw error;
  }
}

/**
 * Runs `work` in one transaction on one client (READ COMMITTED, with the row locks the work takes itself).
 * A deadlock or serialization failure runs it again, up to 3 times: work is a pure function of what it reads.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (session: PostgresSession) => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(pool, work);
    } catch (error) {
      if (tries >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}
