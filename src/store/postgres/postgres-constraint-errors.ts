import { uniqueness, type ScimError } from '../../scim/errors/scim-error.js';

const UNIQUE_VIOLATION = '23505';

/** The unique constraints a client can collide with (postgres-migrations.ts names them), and what to tell them. */
const UNIQUE_CONSTRAINTS: Readonly<Record<string, string>> = {
  users_org_user_name_key: 'userName is already taken in this organization',
  groups_org_display_name_key: 'A group with this displayName already exists',
  users_org_id_key: 'A user with this id already exists',
  groups_org_id_key: 'A group with this id already exists',
};

/**
 * The 409 for a unique violation PostgreSQL reported, undefined for any other error. The constraint decides,
 * not a prior check, so of two concurrent creates (even on two Roster instances) exactly one succeeds.
 */
export function uniquenessErrorOf(error: unknown): ScimError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== UNIQUE_VIOLATION || typeof constraint !== 'string') return undefined;
  const detail = UNIQUE_CONSTRAINTS[constraint];
  return detail === undefined ? undefined : uniqueness(detail);
}
