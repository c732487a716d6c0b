import { toActivityEntry, type ActivityRow } from '../sql/sql-record-rows.js';
import type { ActivityEntry } from '../store.js';
import type { PostgresSession } from './postgres-database.js';


// One statement for the whole batch, from one JSON parameter.
const INSERT_SQL =
  'INSERT INTO activity (org_id, request_id, at, method, path, status, duration_ms, idp, user_agent, quirks, ignored) ' +
  'SELECT x."orgId", x."requestId", x.at, x.method, x.path, x.status, x."durationMs", x.idp, x."userAgent", x.quirks, x.ignored ' +
  'FROM json_to_recordset(CAST(? AS json)) AS x("orgId" TEXT, "requestId" TEXT, at TEXT, method TEXT, path TEXT, ' +
  'status INTEGER, "durationMs" DOUBLE PRECISION, idp TEXT, "userAgent" TEXT, quirks JSON, ignored JSON)';

/** Inserts the entries and prunes those older than `retainSince` (call inside a transaction). */
export async function insertActivity(session: PostgresSession, entries: readonly ActivityEntry[], retainSince: string): Promise<void> {
  if (entries.length > 0) await session.run(INSERT_SQL, [JSON.stringify(entries)]);
  await session.run('DELETE FROM activity WHERE at < ?', [retainSince]);
}

/** The organization's latest `limit` entries, newest first. */
export async function selectActivity(session: PostgresSession, orgId: string, limit: number): Promise<ActivityEntry[]> {
  const rows = await session.all<ActivityRow>('SELECT * FROM activity WHERE org_id = ? ORDER BY seq DESC LIMIT ?', [orgId, limit]);
  return rows.map(toActivityEntry);
}
