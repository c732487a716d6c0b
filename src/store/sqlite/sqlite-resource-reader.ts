import type { JsonObject } from '../../scim/resource/json.js';
import type { ResourceLayout } from '../resource-layout.js';
import { fromRecord, type ElementRow } from '../resource-rows.js';
import type { ReadOptions, ScimResource } from '../store.js';
import { MEMBER_DISPLAY_SQL } from '../sql/sql-membership-sql.js';
import { byOwner, references, type ReferenceRow } from '../sql/sql-row-assembly.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';
import { selectPageUserGroups, selectUserGroups, type MemberGroupRow } from './sqlite-user-groups.js';

/** A row of `users` or `groups` as better-sqlite3 returns it. */
export interface ResourceRow {
  readonly seq: number;
  readonly id: string;
  readonly version: number;
  readonly data: string;
  readonly [column: string]: unknown;
}

const ELEMENTS_SQL = 'SELECT attr, element FROM user_values WHERE user_seq = ? ORDER BY attr, position';
// Batched form for a page of users: one query for all elements (and one for all groups), not one per user.
const PAGE_ELEMENTS_SQL =
  'SELECT user_seq, attr, element FROM user_values WHERE user_seq IN (SELECT value FROM json_each(?)) ' +
  'ORDER BY user_seq, attr, position';
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
    ? references(selectUserGroups(statements, String(row['org_id']), row.id))
    : [];
}

/** A child row as reads order them: by attribute, then position. */
export type StoredElement = Pick<ElementRow, 'attr' | 'element'>;

/** The canonical resource of a row: child rows in their original order, derived memberships as `read` asks. */
export function readResource(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  row: ResourceRow,
  read: ReadOptions,
): ScimResource {
  const elements = layout.multiValued.length === 0 ? [] : (statements.get(ELEMENTS_SQL).all(row.seq) as StoredElement[]);
  return assembleResource(statements, layout, row, elements, read);
}

/** Like readResource, for a row whose child rows are at hand (just written), given in (attr, position) order. */
export function assembleResource(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  row: ResourceRow,
  elements: readonly StoredElement[],
  read: ReadOptions,
): ScimResource {
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

/**
 * The canonical resources of a page of rows, like `readResource` for each but with one query for all their
 * multi-valued elements and one for all their groups: a page costs a fixed number of queries, not 2 per row.
 */
export function readResources(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  rows: readonly ResourceRow[],
  read: ReadOptions,
): ScimResource[] {
  if (layout.derived === 'members' || rows.length === 0) return rows.map((row) => readResource(statements, layout, row, read));
  const seqs = JSON.stringify(rows.map((row) => row.seq));
  type ElementRow = { user_seq: number; attr: string; element: string };
  const elements = byOwner(statements.get(PAGE_ELEMENTS_SQL).all(seqs) as ElementRow[], (row) => row.user_seq);
  const ids = JSON.stringify(rows.map((row) => row.id));
  const groups = read.groups
    ? byOwner(selectPageUserGroups(statements, String(rows[0]!['org_id']), ids), (row) => row.member_id)
    : new Map<string, MemberGroupRow[]>();
  return rows.map((row) => {
    const resource = fromRecord(layout, {
      columns: row,
      data: JSON.parse(row.data) as JsonObject,
      version: row.version,
      elements: elements.get(row.seq) ?? [],
    });
    const derived = references(groups.get(row.id) ?? []);
    if (derived.length > 0) resource[layout.derived] = derived;
    return resource;
  });
}
