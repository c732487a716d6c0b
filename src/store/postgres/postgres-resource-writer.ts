import type { ResourceLayout } from '../resource-layout.js';
import { changedElementAttrs, type ElementRow, type ResourceRecord } from '../resource-rows.js';
import { rowValues, type RowExtras } from '../sql/sql-record-rows.js';
import type { PostgresSession } from './postgres-database.js';

const INSERT_ELEMENTS_INTO =
  'INSERT INTO user_values (user_seq, org_id, attr, position, value, value_fold, type, "primary", display, element) ';
const ELEMENT_COLUMNS = 'x.attr, x.position, x.value, x.value_fold, x.type, x."primary", x.display, x.element';
const ELEMENTS_RECORDSET =
  'json_to_recordset(CAST(? AS json)) AS x(attr TEXT, position INTEGER, value TEXT, value_fold TEXT, type TEXT, ' +
  '"primary" SMALLINT, display TEXT, element JSON)';
// All of a resource's child rows in one statement, from one JSON parameter.
const INSERT_ELEMENTS_SQL = `${INSERT_ELEMENTS_INTO}SELECT ?, ?, ${ELEMENT_COLUMNS} FROM ${ELEMENTS_RECORDSET}`;
// The same for the row its statement inserts, named `inserted` by a WITH clause.
const INSERT_ELEMENTS_OF_INSERTED_SQL = `${INSERT_ELEMENTS_INTO}SELECT inserted.seq, inserted.org_id, ${ELEMENT_COLUMNS} FROM inserted, ${ELEMENTS_RECORDSET}`;
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

/** The JSON page of child rows that the element inserts read. */
const elementsJson = (elements: readonly ElementRow[]): string => JSON.stringify(elements.map(elementRecord));

async function insertElements(session: PostgresSession, userSeq: number, orgId: string, elements: readonly ElementRow[]): Promise<void> {
  if (elements.length === 0) return;
  await session.run(INSERT_ELEMENTS_SQL, [userSeq, orgId, elementsJson(elements)]);
}

/**
 * Inserts a resource row and its child rows in one statement (atomic by itself: outside a transaction it needs
 * none, and it costs one round trip); returns the row's `seq`.
 */
export async function insertResource(
  session: PostgresSession,
  layout: ResourceLayout,
  orgId: string,
  record: ResourceRecord,
  extras: RowExtras,
): Promise<number> {
  const values = { org_id: orgId, ...rowValues(record, extras) };
  const names = Object.keys(values);
  const insertRow = `INSERT INTO ${layout.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) RETURNING seq, org_id`;
  const row =
    record.elements.length === 0
      ? await session.get<{ seq: number }>(insertRow, Object.values(values))
      : await session.get<{ seq: number }>(
          `WITH inserted AS (${insertRow}), elements AS (${INSERT_ELEMENTS_OF_INSERTED_SQL}) SELECT seq FROM inserted`,
          [...Object.values(values), elementsJson(record.elements)],
        );
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
