import { USER_LAYOUT, type ResourceLayout } from '../resource-layout.js';
import { resourceOf, type RowForm, type StoredElement, type StoredResourceRow } from '../row-forms.js';
import type { ReadOptions, ScimResource } from '../store.js';
import { MEMBER_DISPLAY_SQL } from '../sql/sql-membership-sql.js';
import { readColumnsSql } from '../sql/sql-read-columns.js';
import { byOwner, elementsFromJson, type ReferenceRow } from '../sql/sql-row-assembly.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';
import {
  groupsOfUserRow,
  selectPageUserGroups,
  selectUserGroups,
  USER_GROUPS_COLUMNS,
  type UserGroupsColumns,
} from './sqlite-user-groups.js';

/** A row of `users` or `groups` as better-sqlite3 returns it. */
export type ResourceRow = StoredResourceRow;

const ELEMENTS_SQL = 'SELECT attr, element FROM user_values WHERE user_seq = ? ORDER BY attr, position';
// Batched form for a page of users: one query for all elements (and one for all groups), not one per user.
const PAGE_ELEMENTS_SQL =
  'SELECT user_seq, attr, element FROM user_values WHERE user_seq IN (SELECT value FROM json_each(?)) ' +
  'ORDER BY user_seq, attr, position';
// The same for a page whose users are (nearly) adjacent in seq order, as unfiltered pages are: one range of the
// primary key instead of a probe per user (a page of 100 users at 100k: ~0.7 -> ~0.5 ms here). Rows in the range
// that are not on the page (a filtered-out user's) are read and left unused; another organization's are read and
// dropped by the org_id test, whose `+` keeps the planner from scanning the organization's user_values_lookup.
export const PAGE_ELEMENTS_RANGE_SQL =
  'SELECT user_seq, attr, element FROM user_values WHERE user_seq BETWEEN ? AND ? AND +org_id = ? ' +
  'ORDER BY user_seq, attr, position';

type PageElementRow = { user_seq: number; attr: string; element: string };

/** The child rows of a page's users by user seq, in (attr, position) order: by range when the page is dense. */
function pageElements(statements: SqliteStatementCache, orgId: string, rows: readonly ResourceRow[]): Map<number, PageElementRow[]> {
  const seqs = rows.map((row) => row.seq);
  const low = Math.min(...seqs);
  const high = Math.max(...seqs);
  const found =
    high - low < 2 * seqs.length
      ? statements.rows(PAGE_ELEMENTS_RANGE_SQL, low, high, orgId)
      : statements.rows(PAGE_ELEMENTS_SQL, JSON.stringify(seqs));
  return byOwner(found as PageElementRow[], (row) => row.user_seq);
}
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

// A user in one statement: the row, its child rows in read order as a JSON array and, when asked, its groups
// (USER_GROUPS_COLUMNS). One statement instead of four: each takes SQLite's WAL read lock and walks its
// B-trees from the root. The aggregates read an ordered subquery rather than taking an ORDER BY of their own:
// the index already yields that order, and an aggregate's ORDER BY builds a temporary B-tree per row, whose
// page cache allocates (and glibc may return and fault back in) ~80 KB every time (see USER_GROUPS_COLUMNS).
const USER_ELEMENTS_COLUMN =
  '(SELECT json_group_array(json_array(attr, element)) FROM ' +
  '(SELECT v.attr, v.element FROM user_values v WHERE v.user_seq = r.seq ORDER BY v.attr, v.position)) AS elements_json';
const USER_COLUMNS = readColumnsSql(USER_LAYOUT, 'r');
const USER_SQL = `SELECT ${USER_COLUMNS}, ${USER_ELEMENTS_COLUMN} FROM users r WHERE r.org_id = ? AND r.id = ?`;
export const USER_WITH_GROUPS_SQL = `SELECT ${USER_COLUMNS}, ${USER_ELEMENTS_COLUMN}, ${USER_GROUPS_COLUMNS} FROM users r WHERE r.org_id = ? AND r.id = ?`;

// A user row already read (a page of one: what filter lookups return) gets its child rows and groups in one
// statement instead of three (child rows, whether groups nest, groups).
const USER_CHILDREN_SQL = `SELECT ${USER_ELEMENTS_COLUMN} FROM users r WHERE r.seq = ?`;
export const USER_CHILDREN_WITH_GROUPS_SQL = `SELECT ${USER_ELEMENTS_COLUMN}, ${USER_GROUPS_COLUMNS} FROM users r WHERE r.seq = ?`;

/** What USER_ELEMENTS_COLUMN and, when groups are read, USER_GROUPS_COLUMNS read. */
type UserChildrenColumns = { readonly elements_json: string } & (UserGroupsColumns | Record<keyof UserGroupsColumns, undefined>);

/** A user row read with USER_ELEMENTS_COLUMN and, when `read` asks for groups, USER_GROUPS_COLUMNS, as `form` makes it. */
function userOf<T>(
  statements: SqliteStatementCache,
  orgId: string,
  row: ResourceRow,
  children: UserChildrenColumns,
  read: ReadOptions,
  form: RowForm<T>,
): T {
  const elements = elementsFromJson(children.elements_json);
  const groups = read.groups && children.nests !== undefined ? groupsOfUserRow(statements, orgId, row.id, children) : [];
  return form(USER_LAYOUT, row, elements, groups);
}

/** The user `id` of `orgId` with its elements and (as `read` asks) groups, or undefined when there is none. */
export function findUser(statements: SqliteStatementCache, orgId: string, id: string, read: ReadOptions): ScimResource | undefined {
  const row = statements.get(read.groups ? USER_WITH_GROUPS_SQL : USER_SQL).get(orgId, id) as
    | (ResourceRow & UserChildrenColumns)
    | undefined;
  return row && userOf(statements, orgId, row, row, read, resourceOf);
}

function derivedReferences(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  row: ResourceRow,
  read: ReadOptions,
): ReferenceRow[] {
  if (layout.derived === 'members') {
    return read.members ? (statements.rows(MEMBERS_SQL, row.seq) as ReferenceRow[]) : [];
  }
  return read.groups ? selectUserGroups(statements, String(row['org_id']), row.id) : [];
}

/** The canonical resource of a row: child rows in their original order, derived memberships as `read` asks. */
export function readResource(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  row: ResourceRow,
  read: ReadOptions,
): ScimResource {
  const elements = layout.multiValued.length === 0 ? [] : (statements.rows(ELEMENTS_SQL, row.seq) as StoredElement[]);
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
  return resourceOf(layout, row, elements, derivedReferences(statements, layout, row, read));
}

/**
 * The canonical resources of a page of rows, like `readResource` for each but with one query for all their
 * multi-valued elements and one for all their groups: a page costs a fixed number of queries, not 2 per row.
 * A page of one user (a filter lookup) takes one query for both.
 */
export function readResources<T>(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  rows: readonly ResourceRow[],
  read: ReadOptions,
  form: RowForm<T>,
): T[] {
  if (layout.derived === 'members' || rows.length === 0) {
    return rows.map((row) => form(layout, row, [], derivedReferences(statements, layout, row, read)));
  }
  const orgId = String(rows[0]!['org_id']);
  if (rows.length === 1) {
    const row = rows[0]!;
    const children = statements.get(read.groups ? USER_CHILDREN_WITH_GROUPS_SQL : USER_CHILDREN_SQL).get(row.seq) as UserChildrenColumns;
    return [userOf(statements, orgId, row, children, read, form)];
  }
  const elements = pageElements(statements, orgId, rows);
  const groups = read.groups ? selectPageUserGroups(statements, orgId, rows) : new Map<number, ReferenceRow[]>();
  return rows.map((row) => form(layout, row, elements.get(row.seq) ?? [], groups.get(row.seq) ?? []));
}
