import { toActivityEntry, type ActivityRow } from '../sql/sql-record-rows.js';
import type { ActivityEntry } from '../store.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';


/** Inserts the entries and prunes those older than `retainSince` (call inside a transaction). */
export function insertActivity(statements: SqliteStatementCache, entries: readonly ActivityEntry[], retainSince: string): void {
  const insert = statements.get(`INSERT INTO activity
    (org_id, request_id, at, method, path, status, duration_ms, idp, user_agent, quirks, ignored)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const entry of entries) {
    insert.run(
      entry.orgId,
      entry.requestId,
      entry.at,
      entry.method,
      entry.path,
      entry.status,
      entry.durationMs,
      entry.idp,
      entry.userAgent,
      JSON.stringify(entry.quirks),
      JSON.stringify(entry.ignored),
    );
  }
  statements.get('DELETE FROM activity WHERE at < ?').run(retainSince);
}

/** The organization's latest `limit` entries, newest first. */
export function selectActivity(statements: SqliteStatementCache, orgId: string, limit: number): ActivityEntry[] {
  const rows = statements
    .get('SELECT * FROM activity WHERE org_id = ? ORDER BY seq DESC LIMIT ?')
    .all(orgId, limit) as ActivityRow[];
  return rows.map(toActivityEntry);
}
