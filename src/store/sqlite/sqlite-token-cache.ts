import type { TokenRecord } from '../store.js';
import { toToken, type TokenRow } from '../sql/sql-record-rows.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

/** Enough for every organization's live tokens; past it the cache starts over rather than grow. */
const CAPACITY = 1000;

/**
 * Bearer tokens by id, as the last request found them. Every request looks its token up, so the rows are kept
 * while the database is provably unchanged: `PRAGMA data_version` moves whenever another connection commits
 * (`roster token revoke`, a second server on the same file), and this connection's own token writes call
 * `forget`. A revocation from anywhere is therefore seen by the next request, and reading `data_version` is
 * cheaper than finding the row. Unknown ids are never cached, so guessing cannot fill the cache.
 */
export class SqliteTokenCache {
  private dataVersion: number | undefined;
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(private readonly statements: SqliteStatementCache) {}

  find(id: string): TokenRecord | undefined {
    const dataVersion = Number(this.statements.get('PRAGMA data_version').pluck().get());
    if (dataVersion !== this.dataVersion) this.forget(dataVersion);
    const cached = this.tokens.get(id);
    if (cached) return cached;
    const row = this.statements.get('SELECT * FROM tokens WHERE id = ?').get(id) as TokenRow | undefined;
    if (!row) return undefined;
    if (this.tokens.size >= CAPACITY) this.tokens.clear();
    const token = toToken(row);
    this.tokens.set(id, token);
    return token;
  }

  /** Drops every kept row: call after writing a token. */
  forget(dataVersion?: number): void {
    this.tokens.clear();
    this.dataVersion = dataVersion;
  }
}
