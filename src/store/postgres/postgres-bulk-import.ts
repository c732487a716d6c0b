import { notFound } from '../../scim/errors/scim-error.js';
import type { ResourceLayout } from '../resource-layout.js';
import { rowValues } from '../sql/sql-record-rows.js';
import type { ExportedResource, Membership } from '../store.js';
import { storableRecord, type PostgresSession } from './postgres-database.js';
import { POSTGRES_DIALECT } from './postgres-dialect.js';
import { elementRecord } from './postgres-resource-writer.js';

/** A column the bulk insert fills from the JSON page, with the type json_to_recordset reads it as. */
interface BulkColumn {
  readonly name: string;
  readonly type: string;
}

/** Every column an exported row sets, in a fixed order: the layout's, their fold copies, then the extras. */
function bulkColumns(layout: ResourceLayout): BulkColumn[] {
  const columns = layout.columns.flatMap((column): BulkColumn[] => [
    { name: column.column, type: column.kind === 'boolean' ? 'SMALLINT' : 'TEXT' },
    ...(column.foldColumn ? [{ name: column.foldColumn, type: 'TEXT' }] : []),
  ]);
  const extras = [{ name: 'version', type: 'INTEGER' }, { name: 'data', type: 'JSON' }];
  return [...columns, ...extras, ...(layout.table === 'users' ? [{ name: 'password_hash', type: 'TEXT' }] : [])];
}

/** One INSERT for a whole page, rows in the order given (WITH ORDINALITY), so their seqs keep the source order. */
function insertRowsSql(layout: ResourceLayout): string {
  const columns = bulkColumns(layout);
  const names = columns.map((column) => column.name);
  return (
    `INSERT INTO ${layout.table} (org_id, ${names.join(', ')}) ` +
    `SELECT ?, ${names.map((name) => `x.${name}`).join(', ')} ` +
    `FROM ROWS FROM (json_to_recordset(CAST(? AS json)) AS (${columns.map((c) => `${c.name} ${c.type}`).join(', ')})) ` +
    `WITH ORDINALITY AS x(${names.join(', ')}, n) ORDER BY x.n`
  );
}

// Child rows of the whole page in one statement, each finding its user's new seq by id.
const INSERT_ELEMENTS_SQL =
  'INSERT INTO user_values (user_seq, org_id, attr, position, value, value_fold, type, "primary", display, element) ' +
  'SELECT u.seq, u.org_id, x.attr, x.position, x.value, x.value_fold, x.type, x."primary", x.display, x.element ' +
  'FROM json_to_recordset(CAST(? AS json)) AS x(user_id TEXT, attr TEXT, position INTEGER, value TEXT, value_fold TEXT, ' +
  'type TEXT, "primary" SMALLINT, display TEXT, element JSON) JOIN users u ON u.org_id = ? AND u.id = x.user_id';

// Members in the order given: seq is their insertion order, which reads follow. A user member gets its row key.
const INSERT_MEMBERSHIPS_SQL =
  'INSERT INTO group_members (group_seq, org_id, member_id, member_type, member_seq) ' +
  'SELECT g.seq, g.org_id, x.member_id, x.member_type, ' +
  "CASE WHEN x.member_type = 'User' THEN (SELECT u.seq FROM users u WHERE u.org_id = g.org_id AND u.id = x.member_id) END " +
  'FROM ROWS FROM (json_to_recordset(CAST(? AS json)) AS (group_id TEXT, member_id TEXT, member_type TEXT)) ' +
  'WITH ORDINALITY AS x(group_id, member_id, member_type, n) JOIN groups g ON g.org_id = ? AND g.id = x.group_id ORDER BY x.n';

// A user imported after memberships naming it (the store's contract asks for users first) still gets them.
const CLAIM_MEMBERSHIPS_SQL =
  'UPDATE group_members gm SET member_seq = u.seq FROM users u ' +
  "WHERE gm.org_id = ? AND gm.member_type = 'User' AND gm.member_seq IS NULL " +
  `AND u.org_id = gm.org_id AND u.id = gm.member_id AND ${POSTGRES_DIALECT.inTextList('u.id')}`;

/** Rows an import inserted, by table. */
export type InsertedRows = ReadonlyMap<string, number>;

/**
 * Inserts a page of exported resources and their child rows in two statements (call inside a transaction);
 * returns how many rows went into each table.
 */
export async function insertExportedResources(
  session: PostgresSession,
  layout: ResourceLayout,
  orgId: string,
  rows: readonly ExportedResource[],
): Promise<InsertedRows> {
  if (rows.length === 0) return new Map();
  const records = rows.map((row) => ({ row, record: storableRecord(layout, row.resource) }));
  const values = records.map(({ row, record }) => {
    const extras = { version: row.version, ...(layout.table === 'users' ? { passwordHash: row.passwordHash } : {}) };
    // `data` goes into the JSON page as the document itself, not as its text.
    return { ...rowValues(record, extras), data: record.data };
  });
  await session.run(insertRowsSql(layout), [orgId, JSON.stringify(values)]);
  const elements = records.flatMap(({ record }) =>
    record.elements.map((e) => ({ user_id: record.columns['id'], ...elementRecord(e) })),
  );
  if (elements.length > 0) await session.run(INSERT_ELEMENTS_SQL, [JSON.stringify(elements), orgId]);
  if (layout.table === 'users') {
    const ids = records.map(({ record }) => String(record.columns['id']));
    await session.run(CLAIM_MEMBERSHIPS_SQL, [orgId, POSTGRES_DIALECT.textList(ids)]);
  }
  return new Map([
    [layout.table, rows.length],
    ['user_values', elements.length],
  ]);
}

/** Appends memberships in order in one statement (call inside a transaction); a group not found is a 404. */
export async function insertMemberships(session: PostgresSession, orgId: string, memberships: readonly Membership[]): Promise<InsertedRows> {
  if (memberships.length === 0) return new Map();
  const rows = memberships.map((m) => ({ group_id: m.groupId, member_id: m.value, member_type: m.type }));
  const inserted = await session.run(INSERT_MEMBERSHIPS_SQL, [JSON.stringify(rows), orgId]);
  if (inserted !== memberships.length) {
    const groups = [...new Set(memberships.map((m) => m.groupId))].join("', '");
    throw notFound(`A group of '${groups}' was not found: import groups before their members`);
  }
  return new Map([['group_members', inserted]]);
}
