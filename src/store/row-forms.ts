import type { JsonObject } from '../scim/resource/json.js';
import type { ResourceLayout } from './resource-layout.js';
import { fromRecord, type ElementRow } from './resource-rows.js';
import { references, type ReferenceRow } from './sql/sql-row-assembly.js';
import type { ScimResource, WireEntry } from './store.js';
import { storedWireText } from './stored-wire-text.js';

/** A row of `users` or `groups` as both stores read it: `data` as the text it was written as (JSON on PostgreSQL). */
export interface StoredResourceRow {
  readonly seq: number;
  readonly id: string;
  readonly version: number;
  readonly data: string;
  readonly [column: string]: unknown;
}

/** A child row as reads order them: by attribute, then position; `element` its stored JSON text. */
export type StoredElement = Pick<ElementRow, 'attr' | 'element'>;

/** What a read makes of a row, given its child rows in (attr, position) order and its derived references. */
export type RowForm<T> = (
  layout: ResourceLayout,
  row: StoredResourceRow,
  elements: readonly StoredElement[],
  derived: readonly ReferenceRow[],
) => T;

/** The canonical resource of a row. */
export const resourceOf: RowForm<ScimResource> = (layout, row, elements, derived) => {
  const resource = fromRecord(layout, { columns: row, data: JSON.parse(row.data) as JsonObject, version: row.version, elements });
  if (derived.length > 0) resource[layout.derived] = references(derived);
  return resource;
};

/** A row of `layout` in its default wire form as text when it can be spliced from the stored texts, else its resource. */
export function wireEntryOf(layout: ResourceLayout, baseUrl: string): RowForm<WireEntry> {
  const render = storedWireText(layout, baseUrl);
  return (_layout, row, elements, derived) => {
    const text = render({ columns: row, data: row.data, version: row.version, elements, derived });
    if (text === undefined) return { resource: resourceOf(layout, row, elements, derived) };
    return typeof text === 'string' ? { text } : text;
  };
}
