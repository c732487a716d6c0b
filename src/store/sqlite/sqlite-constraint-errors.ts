import { uniqueness, type ScimError } from '../../scim/errors/scim-error.js';

/** The unique indexes a client can collide with, and what to tell them. */
const UNIQUE_COLUMNS: readonly { readonly marker: string; readonly detail: string }[] = [
  { marker: 'users.org_id, users.user_name_fold', detail: 'userName is already taken in this organization' },
  { marker: 'groups.org_id, groups.display_name_fold', detail: 'A group with this displayName already exists' },
  { marker: 'users.org_id, users.id', detail: 'A user with this id already exists' },
  { marker: 'groups.org_id, groups.id', detail: 'A group with this id already exists' },
];

/**
 * The 409 for a UNIQUE violation of SQLite, undefined for any other error. The constraint itself decides,
 * not a prior check, so of two concurrent creates exactly one succeeds.
 */
export function uniquenessErrorOf(error: unknown): ScimError | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
  const known = UNIQUE_COLUMNS.find((entry) => error.message.includes(entry.marker));
  return known ? uniqueness(known.detail) : undefined;
}
