import type { ElementRow } from '../resource-rows.js';
import { directMembershipsOf, nestedMembershipsOf, userGroupsSql } from '../sql/sql-membership-sql.js';
import { byOwner, directGroupsFromJson, elementsFromJson, type ReferenceRow } from '../sql/sql-row-assembly.js';
import type { ReadOptions } from '../store.js';
import type { PostgresSession } from './postgres-database.js';
import { POSTGRES_DIALECT } from './postgres-dialect.js';

// The child rows in read order, each as [attr, element as JSON text]; NULL when the user has none.
const ELEMENTS_COLUMN =
  '(SELECT json_agg(json_build_array(v.attr, CAST(v.element AS TEXT)) ORDER BY v.attr, v.position) ' +
  'FROM user_values v WHERE v.user_seq = r.seq) AS elements_json';

// Its direct groups in group order as [id, displayName] (NULL when none), found by its row key in the partial
// index group_members_user_seq, and whether its organization nests groups (then only the closure is right).
// The EXISTS is one probe of the partial index group_members_nested.
const GROUPS_COLUMNS =
  `(SELECT json_agg(json_build_array(g.id, g.display_name) ORDER BY g.seq) ${directMembershipsOf('r.org_id', 'member_seq')} = r.seq) ` +
  `AS groups_json, EXISTS (SELECT 1 ${nestedMembershipsOf('r.org_id')}) AS nests`;

const CLOSURE_SQL =
  `SELECT member_id, value, display, type FROM (${userGroupsSql(POSTGRES_DIALECT, 'users')}) ug ORDER BY member_id, group_seq`;

/**
 * The columns a read of `users r` selects besides the row, so that the same statement answers the whole user:
 * its child rows and, when `read.groups`, its groups. A lookup is then one round trip instead of three.
 */
export function userColumnsSql(read: ReadOptions): string {
  return read.groups ? `${ELEMENTS_COLUMN}, ${GROUPS_COLUMNS}` : ELEMENTS_COLUMN;
}

/** A user row read with `userColumnsSql` (json as text, as the store's type parsers return it). */
export interface UserColumns {
  readonly id: string;
  readonly elements_json: string | null;
  /** Only when read with groups. */
  readonly groups_json?: string | null;
  readonly nests?: boolean;
}

/** The child rows a user row carries, in (attr, position) order. */
export function elementsOfUserRow(row: UserColumns): Pick<ElementRow, 'attr' | 'element'>[] {
  return elementsFromJson(row.elements_json);
}

/**
 * The groups of user rows of `orgId` read with groups (RFC 7643 §4.1.2), by user id, in group order: the direct
 * ones the rows carry, or, where the organization nests groups, the closure, in one more statement for all rows.
 */
export async function groupsOfUserRows(
  session: PostgresSession,
  orgId: string,
  rows: readonly UserColumns[],
): Promise<Map<string, ReferenceRow[]>> {
  if (!rows.some((row) => row.nests === true)) return new Map(rows.map((row) => [row.id, directGroupsFromJson(row.groups_json ?? null)]));
  type MemberGroupRow = ReferenceRow & { readonly member_id: string };
  const ids = POSTGRES_DIALECT.textList(rows.map((row) => row.id));
  return byOwner(await session.all<MemberGroupRow>(CLOSURE_SQL, [orgId, ids]), (row) => row.member_id);
}
