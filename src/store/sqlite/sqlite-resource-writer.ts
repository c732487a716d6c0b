import type { ResourceLayout } from '../resource-layout.js';
import { changedElementAttrs, type ElementRow, type ResourceRecord, type SqlValue } from '../resource-rows.js';
import { rowValues, type RowExtras } from '../sql/sql-record-rows.js';
import type { ResourceRow } from './sqlite-resource-reader.js';
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

/** Inserts a resource row and its child rows; returns the row as stored, so it need not be read back. */
export function insertResource(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  orgId: string,
  record: ResourceRecord,
  extras: RowExtras,
): ResourceRow {
  const values: Record<string, SqlValue> = { org_id: orgId, ...rowValues(record, extras) };
  const names = Object.keys(values);
  const sql = `INSERT INTO ${layout.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  const seq = Number(statements.get(sql).run(...Object.values(values)).lastInsertRowid);
  insertElements(statements, seq, orgId, record.elements);
  return { ...values, seq, id: String(values['id']), version: extras.version, data: String(values['data']) };
}

/**
 * Rewrites the columns whose stored value differs (an unchanged indexed column then costs no index write: a
 * PATCH of `active` touches the row and the lastModified index, not all eight), and the child rows of only
 * those multi-valued attributes that changed.
 */
export function updateResourceRow(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  orgId: string,
  stored: ResourceRow,
  change: { readonly before: ResourceRecord; readonly after: ResourceRecord; readonly extras: RowExtras },
): void {
  const changed = Object.entries(rowValues(change.after, change.extras)).filter(([name, value]) => stored[name] !== value);
  const sql = `UPDATE ${layout.table} SET ${changed.map(([name]) => `${name} = ?`).join(', ')} WHERE seq = ?`;
  statements.get(sql).run(...changed.map(([, value]) => value), stored.seq);
  for (const attr of changedElementAttrs(change.before, change.after)) {
    statements.get(DELETE_ELEMENTS_SQL).run(stored.seq, attr);
    insertElements(statements, stored.seq, orgId, change.after.elements.filter((element) => element.attr === attr));
  }
}
