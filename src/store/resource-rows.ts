import { invalidValue } from '../scim/errors/scim-error.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../scim/resource/json.js';
import { fold, type ColumnAttribute, type MultiValuedAttribute, type ResourceLayout } from './resource-layout.js';
import { formatVersion } from './resource-version.js';
import type { ScimResource } from './store.js';

/** A value a SQL driver binds: no booleans (stored 0/1), no undefined. */
export type SqlValue = string | number | null;

/** One element of a multi-valued attribute as a child row: hot sub-attributes in columns, the whole as JSON. */
export interface ElementRow {
  /** Canonical attribute key (`emails`, `urn:…:Teams:2.0:User:teams`). */
  readonly attr: string;
  /** 0-based position in the attribute's array: reads rebuild the original order. */
  readonly position: number;
  readonly value: string | null;
  readonly valueFold: string | null;
  readonly type: string | null;
  readonly primary: number | null;
  readonly display: string | null;
  /** The element as JSON text. */
  readonly element: string;
}

/** A resource split for storage: column values (fold columns included), the JSON rest, the child rows. */
export interface ResourceRecord {
  readonly columns: Readonly<Record<string, SqlValue>>;
  readonly data: JsonObject;
  readonly elements: readonly ElementRow[];
}

/** Attributes a store never keeps in a resource: the password is only hashed, beside it. */
export const NEVER_STORED: ReadonlySet<string> = new Set(['password']);

/** Top-level keys never stored in `data`: the wire adds `schemas`, meta has columns, NEVER_STORED. */
const NOT_IN_DATA = new Set(['schemas', 'meta', ...NEVER_STORED]);

/** The value at a dotted canonical key such as `meta.created` (column keys never contain a URN). */
function valueAt(resource: JsonObject, key: string): JsonValue | undefined {
  const [head, sub] = key.split('.', 2) as [string, string | undefined];
  const top = resource[head];
  if (sub === undefined) return top;
  return isJsonObject(top) ? top[sub] : undefined;
}

/** Fixed-width UTC ISO text, so string order is time order (docs/architecture.md, Dates). */
export function toInstantText(value: string, where: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidValue(`Attribute '${where}' must be an xsd:dateTime`);
  return new Date(ms).toISOString();
}

function columnValue(column: ColumnAttribute, value: JsonValue | undefined): SqlValue {
  if (value === undefined || value === null) return null;
  if (column.kind === 'boolean') return value === true ? 1 : 0;
  if (typeof value !== 'string') throw invalidValue(`Attribute '${column.key}' must be a string`);
  return column.key.startsWith('meta.') ? toInstantText(value, column.key) : value;
}

function toColumns(layout: ResourceLayout, resource: JsonObject): Record<string, SqlValue> {
  const columns: Record<string, SqlValue> = {};
  for (const column of layout.columns) {
    const value = columnValue(column, valueAt(resource, column.key));
    columns[column.column] = value;
    if (column.foldColumn) columns[column.foldColumn] = typeof value === 'string' ? fold(value) : null;
  }
  return columns;
}

/** The elements of a multi-valued attribute in `resource`, wherever it lives (core or extension object). */
function elementsOf(resource: JsonObject, attr: MultiValuedAttribute): JsonValue[] {
  const owner = attr.extension === undefined ? resource : resource[attr.extension];
  if (!isJsonObject(owner)) return [];
  const value = owner[attr.definition.name];
  return Array.isArray(value) ? value : [];
}

const stringOrNull = (value: JsonValue | undefined): string | null => (typeof value === 'string' ? value : null);

/** The child row of one element: complex elements expose value/type/primary/display; simple ones are the value. */
export function toElementRow(attr: string, position: number, element: JsonValue): ElementRow {
  const complex = isJsonObject(element);
  const value = complex ? stringOrNull(element['value']) : stringOrNull(element);
  return {
    attr,
    position,
    value,
    valueFold: value === null ? null : fold(value),
    type: complex ? stringOrNull(element['type']) : null,
    primary: complex && typeof element['primary'] === 'boolean' ? Number(element['primary']) : null,
    display: complex ? stringOrNull(element['display']) : null,
    element: JSON.stringify(element),
  };
}

function toData(layout: ResourceLayout, resource: JsonObject): JsonObject {
  const topColumns = new Set(layout.columns.filter((c) => !c.key.includes('.')).map((c) => c.key));
  const childKeys = new Set(layout.multiValued.filter((a) => a.extension === undefined).map((a) => a.key));
  const data: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    if (NOT_IN_DATA.has(key) || topColumns.has(key) || childKeys.has(key) || key === layout.derived) continue;
    data[key] = value;
  }
  for (const attr of layout.multiValued) {
    const owner = attr.extension === undefined ? undefined : data[attr.extension];
    if (attr.extension === undefined || !isJsonObject(owner)) continue;
    const { [attr.definition.name]: _moved, ...rest } = owner;
    if (Object.keys(rest).length === 0) delete data[attr.extension];
    else data[attr.extension] = rest;
  }
  return data;
}

/** Splits a canonical resource into what the tables hold (docs/data-model.md). */
export function toRecord(layout: ResourceLayout, resource: ScimResource): ResourceRecord {
  return {
    columns: toColumns(layout, resource),
    data: toData(layout, resource),
    elements: layout.multiValued.flatMap((attr) =>
      elementsOf(resource, attr).map((element, position) => toElementRow(attr.key, position, element)),
    ),
  };
}

/** Elements of `record` grouped by attribute key, as comparable JSON. */
function elementsByAttr(record: ResourceRecord): Map<string, string> {
  const grouped = new Map<string, string[]>();
  for (const element of record.elements) {
    grouped.set(element.attr, [...(grouped.get(element.attr) ?? []), element.element]);
  }
  return new Map([...grouped].map(([attr, list]) => [attr, JSON.stringify(list)]));
}

/** The multi-valued attributes whose elements differ between two records: only their child rows are rewritten. */
export function changedElementAttrs(before: ResourceRecord, after: ResourceRecord): Set<string> {
  const old = elementsByAttr(before);
  const now = elementsByAttr(after);
  return new Set([...old.keys(), ...now.keys()].filter((attr) => old.get(attr) !== now.get(attr)));
}

/** What a store read for one resource row: its columns by name, the parsed `data`, its child rows in order. */
export interface StoredRow {
  readonly columns: Readonly<Record<string, unknown>>;
  readonly data: JsonObject;
  readonly version: number;
  readonly elements: readonly Pick<ElementRow, 'attr' | 'element'>[];
}

function putColumn(resource: JsonObject, column: ColumnAttribute, raw: unknown): void {
  // Dotted keys (meta.created, name.familyName) are copies: their values live in meta or in `data`.
  if (raw === null || raw === undefined || column.key.includes('.')) return;
  resource[column.key] = column.kind === 'boolean' ? raw === 1 : String(raw);
}

function putElements(layout: ResourceLayout, resource: JsonObject, rows: StoredRow['elements']): void {
  for (const row of rows) {
    const attr = layout.multiValued.find((candidate) => candidate.key === row.attr);
    if (!attr) continue;
    const owner = attr.extension === undefined ? resource : (resource[attr.extension] ??= {});
    if (!isJsonObject(owner)) continue;
    const list = owner[attr.definition.name];
    const element = JSON.parse(row.element) as JsonValue;
    if (Array.isArray(list)) list.push(element);
    else owner[attr.definition.name] = [element];
  }
}

/** A record's child rows in the order reads return them: by attribute, then position. */
export function elementsInReadOrder(elements: readonly ElementRow[]): ElementRow[] {
  return [...elements].sort((a, b) => (a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : a.position - b.position));
}

/** The resource a store answers for a record it has just written, as a read of it would give (no derived references). */
export function writtenResource(layout: ResourceLayout, record: ResourceRecord, version: number): ScimResource {
  return fromRecord(layout, { columns: record.columns, data: record.data, version, elements: elementsInReadOrder(record.elements) });
}

/** Rebuilds the canonical resource (no `schemas`, no derived attribute) from a stored row. */
export function fromRecord(layout: ResourceLayout, row: StoredRow): ScimResource {
  const resource: JsonObject = {};
  for (const column of layout.columns) putColumn(resource, column, row.columns[column.column]);
  Object.assign(resource, row.data);
  putElements(layout, resource, row.elements);
  resource['meta'] = {
    resourceType: layout.type.name,
    created: String(row.columns['created']),
    lastModified: String(row.columns['last_modified']),
    version: formatVersion(row.version),
  };
  return resource;
}
