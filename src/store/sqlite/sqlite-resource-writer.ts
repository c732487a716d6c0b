import type { ResourceLayout } from '../resource-layout.js';
import { changedElementAttrs, type ElementRow, type ResourceRecord } from '../resource-rows.js';
import { rowValues, type RowExtras } from '../sql/sql-record-rows.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

const INSERT_ELEMENT_SQL =
  'INSERT INTO user_values (user_seq, org_id, attr, position, value, value_fold, type, "primary", display, element) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const DELETE_ELEMENTS_SQL = 'DELETE FROM user_values WHERE user_seq = ? AND attr = ?';

function insertElements(
  statements: SqliteStatementCache,
  userSeq: number,
  orgId: string,
  elements: readonly ElementRow[],
): void {
  const insert = statements.get(INSERT_ELEMENT_SQL);
  for (const e of elements) {
    insert.run(userSeq, orgId, e.attr, e.position, e.value, e.valueFold, e.type, e.primary, e.display, e.element);
  }
}

/** Inserts a resource row and its child rows; returns the row's `seq`. */
export function insertResource(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  orgId: string,
  record: ResourceRecord,
  extras: RowExtras,
): number {
  const values = { org_id: orgId, ...rowValues(record, extras) };
  const names = Object.keys(values);
  const sql = `INSERT INTO ${layout.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  const seq = Number(statements.get(sql).run(...Object.values(values)).lastInsertRowid);
  insertElements(statements, seq, orgId, record.elements);
  return seq;
}

/** Rewrites the row, and the child rows of only those multi-valued attributes that changed. */
export function updateResourceRow(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  orgId: string,
  seq: number,
  change: { readonly before: ResourceRecord; readonly after: ResourceRecord; readonly extras: RowExtras },
): void {
  const values = rowValues(change.after, change.extras);
  const names = Object.keys(values);
  const sql = `UPDATE ${layout.table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE seq = ?`;
  statements.get(sql).run(...Object.values(values), seq);
  for (const attr of changedElementAttrs(change.before, change.after)) {
    statements.get(DELETE_ELEMENTS_SQL).run(seq, attr);
    insertElements(statements, seq, orgId, change.after.elements.filter((element) => element.attr === attr));
  }
}
