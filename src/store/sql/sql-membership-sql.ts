/**
 * SQL shared by reads and filters of derived membership attributes. Displays are computed at read time from
 * the member's current row, so renames propagate (docs/architecture.md, Groups' members).
 */

import type { SqlDialect } from './sql-dialect.js';

/** The display of the member in group_members row `m`: users show displayName else userName, groups displayName. */
export const MEMBER_DISPLAY_SQL =
  `CASE m.member_type WHEN 'User' THEN ` +
  `(SELECT COALESCE(mu.display_name, mu.user_name) FROM users mu WHERE mu.org_id = m.org_id AND mu.id = m.member_id) ` +
  `ELSE (SELECT mg.display_name FROM groups mg WHERE mg.org_id = m.org_id AND mg.id = m.member_id) END`;

/**
 * `FROM … WHERE …` of the direct User memberships of organization `org` (SQL text: `?` or a column), ending in
 * the member's key for the caller to compare: `gm.member_id`, or `gm.member_seq` (the user's row key, served by
 * group_members_user_seq); `gm` the membership, `g` its group. Without nested groups these rows are the whole
 * closure.
 */
export const directMembershipsOf = (org: string, memberKey: 'member_id' | 'member_seq' = 'member_id'): string =>
  'FROM group_members gm JOIN groups g ON g.seq = gm.group_seq ' +
  `WHERE gm.org_id = ${org} AND gm.member_type = 'User' AND gm.${memberKey}`;

/** `FROM … WHERE …` of the groups nested in groups of `org`: served by the partial index group_members_nested. */
export const nestedMembershipsOf = (org: string): string => `FROM group_members WHERE org_id = ${org} AND member_type = 'Group'`;

/** Whose groups a membership query computes: the whole organization, one user, or a JSON array of user ids. */
export type UserGroupsScope = 'organization' | 'user' | 'users';

function scopeCondition(dialect: SqlDialect, scope: UserGroupsScope): string {
  if (scope === 'organization') return '';
  return scope === 'user' ? ' AND gm.member_id = ?' : ` AND ${dialect.inTextList('gm.member_id')}`;
}

/**
 * Every (user, group) pair in `scope`, direct or through nested groups, one row per pair with `type` 'direct'
 * when the user is a direct member. Params: org id, then the user id (`user`) or `dialect.textList(ids)` (`users`).
 * UNION (not UNION ALL) makes the recursion stop even if groups were nested in a cycle.
 */
export function userGroupsSql(dialect: SqlDialect, scope: UserGroupsScope): string {
  return (
    `WITH RECURSIVE closure(member_id, group_seq, direct) AS (` +
    `SELECT gm.member_id, gm.group_seq, 1 FROM group_members gm ` +
    `WHERE gm.org_id = ? AND gm.member_type = 'User'${scopeCondition(dialect, scope)} ` +
    `UNION ` +
    `SELECT c.member_id, parent.group_seq, 0 FROM closure c ` +
    `JOIN groups cg ON cg.seq = c.group_seq ` +
    `JOIN group_members parent ON parent.org_id = cg.org_id AND parent.member_id = cg.id AND parent.member_type = 'Group'` +
    `) ` +
    `SELECT c.member_id AS member_id, g.seq AS group_seq, g.id AS value, g.display_name AS display, ` +
    `g.display_name_fold AS display_fold, CASE WHEN MAX(c.direct) = 1 THEN 'direct' ELSE 'indirect' END AS type ` +
    `FROM closure c JOIN groups g ON g.seq = c.group_seq GROUP BY c.member_id, g.seq`
  );
}
