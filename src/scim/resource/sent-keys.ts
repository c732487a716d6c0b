import { invalidValue } from '../errors/scim-error.js';
import type { JsonObject, JsonValue } from './json.js';

/** One member of a request object, under the key the client wrote. */
export interface SentEntry {
  readonly key: string;
  readonly value: JsonValue;
}

/**
 * The members of a request object indexed by lower-cased key, since attribute names are case-insensitive
 * (RFC 7643 §2.1). Two keys that differ only in case would make the request ambiguous: 400 invalidValue.
 */
export function entriesByLowerCaseKey(object: JsonObject, where: string): Map<string, SentEntry> {
  const entries = new Map<string, SentEntry>();
  for (const [key, value] of Object.entries(object)) {
    const lower = key.toLowerCase();
    const earlier = entries.get(lower);
    if (earlier) {
      throw invalidValue(`${where} names '${earlier.key}' and '${key}', the same attribute (names are case-insensitive)`);
    }
    entries.set(lower, { key, value });
  }
  return entries;
}

/** Removes and returns the entry for `name` (case-insensitive), so what remains is what nobody consumed. */
export function takeEntry(entries: Map<string, SentEntry>, name: string): SentEntry | undefined {
  const lower = name.toLowerCase();
  const entry = entries.get(lower);
  entries.delete(lower);
  return entry;
}
