import { isJsonObject, type JsonObject } from '../../scim/resource/json.js';
import type { ResourceRecord, SqlValue } from '../resource-rows.js';
import type { ActivityEntry, ReadOptions, TokenRecord } from '../store.js';

/**
 * Rows of the tables every relational adapter shares (postgres-migrations.ts mirrors sqlite-migrations.ts), and
 * their mapping to the Store's records: written once, used by both adapters.
 */

/** Reads nothing derived: what a mutation starts from. */
export const NO_DERIVED: ReadOptions = { members: false, groups: false };

/** What a write sets besides the record's own columns. */
export interface RowExtras {
  readonly version: number;
  /** Users only; undefined leaves the stored hash as it is (on update). */
  readonly passwordHash?: string | null;
}

/** Column name → value of a resource row to write. */
export function rowValues(record: ResourceRecord, extras: RowExtras): Record<string, SqlValue> {
  return {
    ...record.columns,
    version: extras.version,
    data: JSON.stringify(record.data),
    ...(extras.passwordHash === undefined ? {} : { password_hash: extras.passwordHash }),
  };
}

/** A row of `tokens`. */
export interface TokenRow {
  readonly id: string;
  readonly org_id: string;
  readonly secret_hash: string;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

export const toToken = (row: TokenRow): TokenRecord => ({
  id: row.id,
  orgId: row.org_id,
  secretHash: row.secret_hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** A row of `activity`; quirks and ignored are JSON text. */
export interface ActivityRow {
  readonly org_id: string;
  readonly request_id: string;
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly duration_ms: number;
  readonly idp: string;
  readonly user_agent: string | null;
  readonly quirks: string;
  readonly ignored: string;
}

export const toActivityEntry = (row: ActivityRow): ActivityEntry => ({
  orgId: row.org_id,
  requestId: row.request_id,
  at: row.at,
  method: row.method,
  path: row.path,
  status: row.status,
  durationMs: row.duration_ms,
  idp: row.idp,
  userAgent: row.user_agent,
  quirks: JSON.parse(row.quirks) as string[],
  ignored: JSON.parse(row.ignored) as string[],
});

/** The member ids a created group carries in `members`. */
export function memberIdsOf(resource: JsonObject): string[] {
  const members = resource['members'];
  if (!Array.isArray(members)) return [];
  return members.flatMap((member) => (isJsonObject(member) && typeof member['value'] === 'string' ? [member['value']] : []));
}
