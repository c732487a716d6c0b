import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoundFilter } from '../../../src/scim/filter/filter-ast.js';
import { GROUP_LAYOUT, USER_LAYOUT, type ResourceLayout } from '../../../src/store/resource-layout.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/sqlite-database.js';
import { rangesAfter } from '../../../src/store/sql/sql-keyset.js';
import { listStatements } from '../../../src/store/sql/sql-list-query.js';
import { continuationStatement } from '../../../src/store/sqlite/sqlite-list-reader.js';
import { SQLITE_DIALECT } from '../../../src/store/sqlite/sqlite-dialect.js';
import { SQLITE_MIGRATIONS, runSqliteMigrations } from '../../../src/store/sqlite/sqlite-migrations.js';
import { PAGE_ELEMENTS_RANGE_SQL, USER_CHILDREN_WITH_GROUPS_SQL, USER_WITH_GROUPS_SQL } from '../../../src/store/sqlite/sqlite-resource-reader.js';
import { PAGE_DIRECT_SQL } from '../../../src/store/sqlite/sqlite-user-groups.js';
import type { ListQuery } from '../../../src/store/store.js';
import { attr, cmp, listQuery } from '../store-fixtures.js';

/** A SCAN of anything but an ordered subquery's co-routine (which yields the rows its index SEARCH found). */
const TABLE_SCAN = /SCAN (?!\(subquery-\d+\))/;

const U = (path: string, value: string): BoundFilter => cmp('User', path, 'eq', value);

/** Each selective lookup must be an index SEARCH, never a SCAN of the table (EXPLAIN QUERY PLAN). */
const INDEXED_LOOKUPS: readonly (readonly [string, ResourceLayout, BoundFilter, RegExp])[] = [
  ['id', USER_LAYOUT, U('id', 'x'), /SEARCH r USING INDEX sqlite_autoindex_users_1 \(org_id=\? AND id=\?\)/],
  ['userName (folded)', USER_LAYOUT, U('userName', 'X'), /SEARCH r USING INDEX sqlite_autoindex_users_2 \(org_id=\? AND user_name_fold=\?\)/],
  ['externalId', USER_LAYOUT, U('externalId', 'x'), /SEARCH r USING INDEX users_org_external_id \(org_id=\? AND external_id=\?\)/],
  ['displayName (folded)', USER_LAYOUT, U('displayName', 'x'), /SEARCH r USING INDEX users_org_display_name \(org_id=\? AND display_name_fold=\?\)/],
  ['emails.value', USER_LAYOUT, U('emails.value', 'x'), /SEARCH e USING COVERING INDEX user_values_lookup \(org_id=\? AND attr=\? AND value_fold=\?\)/],
  ['Group displayName', GROUP_LAYOUT, cmp('Group', 'displayName', 'eq', 'x'), /SEARCH r USING INDEX sqlite_autoindex_groups_2 \(org_id=\? AND display_name_fold=\?\)/],
  ['members.value', GROUP_LAYOUT, cmp('Group', 'members.value', 'eq', 'x'), /SEARCH m USING COVERING INDEX group_members_member \(org_id=\? AND member_id=\?\)/],
];

function plan(db: Database.Database, layout: ResourceLayout, query: ListQuery): string {
  const { page } = listStatements(SQLITE_DIALECT, layout, 'org', query);
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(...page.params) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

describe('SQLite query plans', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = openSqliteDatabase('sqlite::memory:');
    runSqliteMigrations(db, SQLITE_MIGRATIONS);
  });

  it('reads a user with its child rows and groups in one statement of index searches only', () => {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${USER_WITH_GROUPS_SQL}`).all('org', 'id') as { detail: string }[];
    const detail = rows.map((row) => row.detail).join('\n');
    expect(detail).toMatch(/SEARCH r USING INDEX sqlite_autoindex_users_1 \(org_id=\? AND id=\?\)/);
    expect(detail).toMatch(/SEARCH v USING PRIMARY KEY \(user_seq=\?\)/);
    // Covering: the user's memberships need no lookup into the group_members table.
    expect(detail).toMatch(/SEARCH gm USING COVERING INDEX group_members_user_seq \(org_id=\? AND member_seq=\?\)/);
    expect(detail).toMatch(/SEARCH group_members USING COVERING INDEX group_members_nested \(org_id=\?\)/);
    expect(detail).not.toMatch(TABLE_SCAN);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('reads the child rows and groups of a user row already read (a page of one) by its seq, in index searches only', () => {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${USER_CHILDREN_WITH_GROUPS_SQL}`).all(1) as { detail: string }[];
    const detail = rows.map((row) => row.detail).join('\n');
    expect(detail).toMatch(/SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).toMatch(/SEARCH v USING PRIMARY KEY \(user_seq=\?\)/);
    expect(detail).toMatch(/SEARCH gm USING COVERING INDEX group_members_user_seq/);
    expect(detail).not.toMatch(TABLE_SCAN);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it("reads a page's direct groups by user row key from group_members_user_seq in their order, without a sort", () => {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${PAGE_DIRECT_SQL}`).all('org', '[]') as { detail: string }[];
    const detail = rows.map((row) => row.detail).join('\n');
    expect(detail).toMatch(/SEARCH gm USING COVERING INDEX group_members_user_seq/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it("reads a dense page's child rows as one range of the primary key, in read order, without a sort", () => {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${PAGE_ELEMENTS_RANGE_SQL}`).all(1, 100, 'org') as { detail: string }[];
    const detail = rows.map((row) => row.detail).join('\n');
    expect(detail).toMatch(/SEARCH user_values USING PRIMARY KEY \(user_seq>\? AND user_seq<\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it.each(INDEXED_LOOKUPS)('filter on %s is an index lookup', (_, layout, filter, expected) => {
    const detail = plan(db, layout, listQuery({ filter }));
    expect(detail).toMatch(expected);
    expect(detail).not.toMatch(/SCAN r\b/);
  });

  it.each([
    ['the default order (seq)', listQuery()],
    ['sortBy userName', listQuery({ sortBy: attr('User', 'userName') })],
    ['sortBy meta.created descending', listQuery({ sortBy: attr('User', 'meta.created'), sortOrder: 'descending' })],
    ['sortBy name.familyName (absent last)', listQuery({ sortBy: attr('User', 'name.familyName') })],
    ['sortBy name.familyName descending', listQuery({ sortBy: attr('User', 'name.familyName'), sortOrder: 'descending' })],
  ])('%s is served by an index, without sorting the table', (_, query) => {
    const detail = plan(db, USER_LAYOUT, query);
    expect(detail).toMatch(/SEARCH r USING INDEX/);
    expect(detail).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it.each([
    ['seq (no sortBy)', listQuery(), null, /SEARCH r USING INDEX users_org_seq \(org_id=\? AND seq>\?\)/],
    ['userName', listQuery({ sortBy: attr('User', 'userName') }), 'x', /SEARCH r USING INDEX sqlite_autoindex_users_2 \(org_id=\? AND user_name_fold>\?\)/],
    [
      'userName descending',
      listQuery({ sortBy: attr('User', 'userName'), sortOrder: 'descending' }),
      'x',
      /SEARCH r USING INDEX sqlite_autoindex_users_2 \(org_id=\? AND user_name_fold<\?\)/,
    ],
    ['displayName, from a value', listQuery({ sortBy: attr('User', 'displayName') }), 'x', /SEARCH r USING INDEX users_org_display_name/],
    [
      'meta.lastModified descending',
      listQuery({ sortBy: attr('User', 'meta.lastModified'), sortOrder: 'descending' }),
      '2026-01-01T00:00:00.000Z',
      /SEARCH r USING INDEX users_org_last_modified \(org_id=\? AND last_modified<\?\)/,
    ],
    ['displayName, from an absent value', listQuery({ sortBy: attr('User', 'displayName') }), null, /SEARCH r USING INDEX users_org_display_name/],
    ['name.familyName, from a value', listQuery({ sortBy: attr('User', 'name.familyName') }), 'x', /SEARCH r USING INDEX users_org_family_name \(org_id=\? AND <expr>=\? AND family_name_fold>\?\)/],
    [
      'name.familyName descending, from an absent value',
      listQuery({ sortBy: attr('User', 'name.familyName'), sortOrder: 'descending' }),
      null,
      /SEARCH r USING INDEX users_org_family_name \(org_id=\? AND <expr>=\? AND family_name_fold=\? AND seq<\?\)/,
    ],
  ] as const)('continues a list in %s order after a known row by index ranges, without sorting', (_, query, sortValue, first) => {
    const sql = listStatements(SQLITE_DIALECT, USER_LAYOUT, 'org', query);
    const details = rangesAfter(SQLITE_DIALECT, sql.keyset!, { seq: 7, sortValue }).map((range) => {
      const statement = continuationStatement(USER_LAYOUT, sql, range, 100);
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { detail: string }[];
      return rows.map((row) => row.detail).join('\n');
    });
    expect(details[0]).toMatch(first);
    for (const detail of details) {
      expect(detail).toMatch(/SEARCH r USING INDEX/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('has no keyset for a sort by a multi-valued attribute: its pages keep OFFSET', () => {
    expect(listStatements(SQLITE_DIALECT, USER_LAYOUT, 'org', listQuery({ sortBy: attr('User', 'emails.value') })).keyset).toBeUndefined();
  });
});
