/**
 * The IdP quirks Roster normalises, each with the reason it exists. The compat layer records the codes it
 * applied to a request, so the activity log can show why a non-RFC request was accepted.
 */
export const QUIRKS = {
  'string-boolean': 'A boolean attribute sent as a string ("True", "false"): Entra legacy PATCH, OneLogin templates',
  'empty-string': 'An empty string for an unset attribute, taken as unassigned: OneLogin templates',
  'misspelt-schema-urn': 'A misspelt schema URN such as …:enterprise:2.0User, repaired: Entra samples',
  'manager-string': 'Enterprise manager sent as a plain id string instead of {"value": id}: Entra',
  'manager-array': 'Enterprise manager sent as an array [{"value", "$ref"}]: older Entra samples',
  'manager-id-key': 'Enterprise manager sent as {"managerId": id}: OneLogin templates',
  'manager-core-path': 'PATCH path "manager" without the enterprise URN: older Entra samples',
  'unquoted-filter-value': 'A filter comparison value without quotes (externalId eq abc): Entra doc samples',
  'capitalised-patch-op': 'PATCH op written Add/Replace/Remove: Entra legacy PATCH',
  'remove-with-value': 'PATCH remove of members with a value list removes only those members: Entra legacy',
} as const;

/** One quirk code. */
export type QuirkCode = keyof typeof QUIRKS;

/** The quirks applied to one request, without duplicates, in the order first met. */
export class QuirkLog {
  private readonly applied: QuirkCode[] = [];

  /** Records that `code` was applied. */
  add(code: QuirkCode): void {
    if (!this.applied.includes(code)) this.applied.push(code);
  }

  /** The codes recorded so far. */
  codes(): readonly QuirkCode[] {
    return this.applied;
  }
}
