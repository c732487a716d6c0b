import { ALL_SCHEMAS } from '../schema/resource-types.js';
import type { QuirkLog } from './quirk.js';

const KNOWN = new Map(ALL_SCHEMAS.map((schema) => [squash(schema.id), schema.id]));

function squash(urn: string): string {
  return urn.replace(/:/g, '').toLowerCase();
}

/**
 * The known schema URN that `text` misspells by colons alone (Entra sends
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0User`), or `text` itself when it is not such a
 * misspelling. A correct URN in another letter case is left alone: URNs are matched case-insensitively anyway.
 */
export function repairSchemaUrn(text: string, quirks: QuirkLog): string {
  if (!text.toLowerCase().startsWith('urn:')) return text;
  const known = KNOWN.get(squash(text));
  if (known === undefined || known.toLowerCase() === text.toLowerCase()) return text;
  quirks.add('misspelt-schema-urn');
  return known;
}
