import type { JsonObject } from '../../scim/resource/json.js';
import type { ElementRow } from '../resource-rows.js';

/** A member of a group, or a group of a user, as the membership queries return it. */
export interface ReferenceRow {
  readonly value: string;
  readonly display: string | null;
  readonly type: string;
}

/** `{value, display?, type}` objects from rows, leaving display out when the member has none. */
export function references(rows: readonly ReferenceRow[]): JsonObject[] {
  return rows.map(({ value, display, type }): JsonObject => (display === null ? { value, type } : { value, display, type }));
}

/** Child rows read as one JSON array column of [attr, element as JSON text] (NULL when none), in read order. */
export function elementsFromJson(json: string | null): Pick<ElementRow, 'attr' | 'element'>[] {
  if (json === null) return [];
  return (JSON.parse(json) as [string, string][]).map(([attr, element]) => ({ attr, element }));
}

/** Direct groups read as one JSON array column of [id, displayName] (NULL when none), in group order. */
export function directGroupsFromJson(json: string | null): ReferenceRow[] {
  if (json === null) return [];
  return (JSON.parse(json) as [string, string | null][]).map(([value, display]) => ({ value, display, type: 'direct' }));
}

/** Groups rows of a batched query by the owner each belongs to, keeping their order. */
export function byOwner<T, K>(rows: readonly T[], owner: (row: T) => K): Map<K, T[]> {
  const grouped = new Map<K, T[]>();
  for (const row of rows) {
    const key = owner(row);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return grouped;
}
