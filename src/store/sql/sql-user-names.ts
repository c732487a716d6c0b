import type { SqlDialect, SqlFragment } from './sql-dialect.js';

/**
 * The name a reference to a user shows (the enterprise `manager.displayName`): the user's displayName, else its
 * userName, for each of `ids` naming a user of the organization. One statement for a whole page of references.
 */
export function userDisplayNamesQuery(dialect: SqlDialect, orgId: string, ids: readonly string[]): SqlFragment {
  return {
    sql: `SELECT id, COALESCE(display_name, user_name) AS name FROM users WHERE org_id = ? AND ${dialect.inTextList('id')}`,
    params: [orgId, dialect.textList(ids)],
  };
}

/** A row of `userDisplayNamesQuery`. */
export interface UserDisplayNameRow {
  readonly id: string;
  readonly name: string;
}
