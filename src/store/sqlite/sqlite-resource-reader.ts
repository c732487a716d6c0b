import type { JsonObject } from '../../scim/resource/json.js';
import type { ResourceLayout } from '../resource-layout.js';
import { fromRecord } from '../resource-rows.js';
import type { ReadOptions, ScimResource } from '../store.js';
import { MEMBER_DISPLAY_SQL, userGroupsSql } from './sqlite-membership-sql.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

/** A row of `users` or `groups` as better-sqlite3 returns it. */
export interface ResourceRow {
  readonly seq: number;
  readonly id: string;
  readonly version: number;
  readonly data: string;
  readonly [column: string]: unknown;
}

const ELEMENTS_SQL = 'SELECT attr, element FROM user_values WHERE user_seq = ? ORDER BY attr, position';
const USER_GROUPS_SQL = `SELECT value, display, type FROM (${userGroupsSql(true)}) ORDER BY group_seq`;
const MEMBERS_SQL =
  `SELECT m.member_id AS value, ${MEMBER_DISPLAY_SQL} AS display, m.member_type AS type ` +
  // rowid is insertion order: members come back in the order they were added.
  'FROM group_members m WHERE m.group_seq = ? ORDER BY m.rowid';

/** The row of resource `id` in `orgId`, undefined when that organization has none. */
export function findResourceRow(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  orgId: string,
  id: string,
): ResourceRow | undefined {
  return statements.get(`SELECT * FROM ${layout.table} WHERE org_id = ? AND id = ?`).get(orgId, id) as
    | ResourceRow
    | undefined;
}

/** A member of a group, or a group of a user, as the membership queries return it. */
interface ReferenceRow {
  readonly value: string;
  readonly display: string | null;
  readonly type: string;
}

/** `{value, display?, type}` objects from rows, leaving display out when the member has none. */
function references(rows: readonly ReferenceRow[]): JsonObject[] {
  return rows.map(({ value, display, type }): JsonObject => (display === null ? { value, type } : { value, display, type }));
}

function derivedReferences(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  row: ResourceRow,
  read: ReadOptions,
): JsonObject[] {
  if (layout.derived === 'members') {
    return read.members ? references(statements.get(MEMBERS_SQL).all(row.seq) as ReferenceRow[]) : [];
  }
  return read.groups
    ? references(statements.get(USER_GROUPS_SQL).all(row['org_id'], row.id) as ReferenceRow[])
    : [];
}

/** The canonical resource of a row: child rows in their original order, derived memberships as `read` asks. */
export function readResource(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  row: ResourceRow,
  read: ReadOptions,
): ScimResource {
  const elements =
    layout.multiValued.length === 0
      ? []
      : (statements.get(ELEMENTS_SQL).all(row.seq) as { attr: string; element: string }[]);
  const resource = fromRecord(layout, {
    columns: row,
    data: JSON.parse(row.data) as JsonObject,
    version: row.version,
    elements,
  });
  const derived = derivedReferences(statements, layout, row, read);
  if (derived.length > 0) resource[layout.derived] = derived;
  return resource;
}
