import type Database from 'better-sqlite3';

/** How many distinct statements stay prepared: fixed ones plus the most recent filter shapes. */
const CAPACITY = 500;

/**
 * Prepares each SQL text once and reuses it. Filters compile to the same text for the same shape (values are
 * parameters), so listing with a filter reuses its statement too; least recently used shapes are dropped.
 */
export class SqliteStatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** The prepared statement for `sql`. */
  get(sql: string): Database.Statement {
    const cached = this.statements.get(sql);
    if (cached) {
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > CAPACITY) {
      const oldest = this.statements.keys().next().value;
      if (oldest !== undefined) this.statements.delete(oldest);
    }
    return statement;
  }
}
