import type { ResourceLayout } from '../resource-layout.js';
import { changedElementAttrs, type ElementRow, type ResourceRecord } from '../resource-rows.js';
import { rowValues, type RowExtras } from '../sql/sql-record-rows.js';
import type { PostgresSession } from './postgres-database.js';

// All of a resource's child rows in one statement, from one JSON parameter.
const INSERT_ELEMENTS_SQL =
  'INSERT INTO user_values (user_seq, org_id, attr, position, value, value_fold, type, "primary", display, element) ' +
  'SELECT ?, ?, x.attr, x.position, x.value, x.value_fold, x.type, x."primary", x.display, x.element ' +
  'FROM json_to_recordset(CAST(? AS json)) AS x(attr TEXT, position INTEGER, value TEXT, value_fold TEXT, type TEXT, ' +
  '"primary" SMALLINT, display TEXT, element JSON)';
const DELETE_ELEMENTS_SQL = 'DELETE FROM user_values WHERE user_seq = ? AND attr IN (SELECT json_array_elements_text(CAST(? AS json)))';

/** A child row as one object of the JSON page `json_to_recordset` reads (keys are the column names). */
export function elementRecord(e: ElementRow): Record<string, unknown> {
  return {
    attr: e.attr,
    position: e.position,
    value: e.value,
    value_fold: e.valueFold,
    type: e.type,
    primary: e.primary,
    display: e.display,
    element: JSON.parse(e.element) as unknown,
  };
}

async function insertElements(session: PostgresSession, userSeq: number, orgId: string, elements: readonly ElementRow[]): Promise<void> {
  if (elements.length === 0) return;
  await session.run(INSERT_ELEMENTS_SQL, [userSeq, orgId, JSON.stringify(elements.map(elementRecord))]);
}

/** Inserts a resource row and its child rows; returns the row's `seq`. */
export async function insertResource(
  session: PostgresSession,
  layout: ResourceLayout,
  orgId: string,
  record: ResourceRecord,
  extras: RowExtras,
): Promise<number> {
  const values = { org_id: orgId, ...rowValues(record, extras) };
  const names = Object.keys(values);
  const sql = `INSERT INTO ${layout.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) RETURNING seq`;
  const row = await session.get<{ seq: number }>(sql, Object.values(values));
  await insertElements(session, row!.seq, orgId, record.elements);
  return row!.seq;
}

/** Rewrites the row, and the child rows of only those multi-valued attributes that changed. */
export async function updateResourceRow(
  session: PostgresSession,
  layout: ResourceLayout,
  orgId: string,
  seq: number,
  change: { readonly before: ResourceRecord; readonly after: ResourceRecord; readonly extras: RowExtras },
): Promise<void> {
  const values = rowValues(change.after, change.extras);
  const names = Object.keys(values);
  const sql = `UPDATE ${layout.table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE seq = ?`;
  await session.run(sql, [...Object.values(values), seq]);
  const changed = changedElementAttrs(change.before, change.after);
  if (changed.size === 0) return;
  await session.run(DELETE_ELEMENTS_SQL, [seq, JSON.stringify([...changed])]);
  await insertElements(session, seq, orgId, change.after.elements.filter((element) => changed.has(element.attr)));
}
