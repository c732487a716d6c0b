import { COMMON_ATTRIBUTES } from '../scim/schema/common-attributes.js';
import type { AttributeDefinition } from '../scim/schema/attribute-definition.js';
import type { ResourceType } from '../scim/schema/resource-types.js';
import { URN } from '../scim/schema/schema-urns.js';
import type { ResourceLayout } from './resource-layout.js';
import { NEVER_STORED, type StoredRow } from './resource-rows.js';
import { formatVersion } from './resource-version.js';
import type { ReferenceRow } from './sql/sql-row-assembly.js';
import type { TextAroundManager } from './store.js';

/** One row as a store read it, before any JSON is parsed: what `storedWireText` renders from. */
export interface StoredRowText {
  /** The row's columns by name (`id`, `created`, `user_name`, …). */
  readonly columns: Readonly<Record<string, unknown>>;
  /** The `data` column: `JSON.stringify` of the stored object (sql-record-rows.ts writes nothing else there). */
  readonly data: string;
  readonly version: number;
  /** Child rows in (attr, position) order, each element as its stored `JSON.stringify` text. */
  readonly elements: StoredRow['elements'];
  /** The derived references (a user's groups, a group's members) in read order; empty when none or not read. */
  readonly derived: readonly ReferenceRow[];
}

const returnedByDefault = (definition: AttributeDefinition): boolean =>
  definition.returned === 'default' || definition.returned === 'always';

/**
 * True when the default projection returns every attribute and sub-attribute a store keeps for `type`: none is
 * `returned: never` or `request` (RFC 7643 §7), apart from those never stored (the password is only hashed).
 */
function defaultProjectionKeepsStored(type: ResourceType): boolean {
  const stored = [
    ...COMMON_ATTRIBUTES,
    ...type.schema.attributes.filter((definition) => !NEVER_STORED.has(definition.name)),
    ...type.extensions.flatMap(({ schema }) => schema.attributes),
  ];
  return stored.every((definition) => returnedByDefault(definition) && (definition.subAttributes ?? []).every(returnedByDefault));
}

const KEEPS_STORED = new WeakMap<ResourceType, boolean>();

function keepsStored(type: ResourceType): boolean {
  let keeps = KEEPS_STORED.get(type);
  if (keeps === undefined) KEEPS_STORED.set(type, (keeps = defaultProjectionKeepsStored(type)));
  return keeps;
}

/**
 * Stored texts the default projection would not return as they are: an empty object or array (a complex value
 * or extension with nothing in it is left out) and null (a complex value that is null is left out). A match
 * inside a string value only sends the row the long way. One pattern: one pass over the text.
 */
const RESHAPED = /\{\}|\[\]|null/;

/**
 * The enterprise manager as the write path stores it (`canonicalManager`): its value, then a `$ref` as sent, which
 * the wire replaces. Quotes inside JSON strings are escaped, so this only matches the manager member itself.
 */
const STORED_MANAGER = /"manager":\{"value":("(?:[^"\\]|\\.)*")(?:,"\$ref":"(?:[^"\\]|\\.)*")?\}/y;

/** Where a user's `data` text holds its manager: the member's bounds and its value as JSON text. */
interface StoredManager {
  readonly start: number;
  readonly end: number;
  readonly valueText: string;
}

/** What JSON.stringify escapes in a string: `"`, `\`, control characters and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(value)` for a string, without its cost when nothing needs escaping (most values). */
function quote(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** `JSON.stringify(text)` without its quotes: JSON escapes character by character, so such texts concatenate. */
function escapedInside(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

const MEMBER_ENDPOINTS: Readonly<Record<string, string>> = { User: '/Users', Group: '/Groups' };

/** A column as the wire gives it: its key as JSON text and how its stored value is written. */
interface WireColumn {
  readonly column: string;
  readonly keyText: string;
  readonly boolean: boolean;
}

/** An extension of the type: its URN and the texts that find it in `data`. */
interface WireExtension {
  readonly urn: string;
  /** `"<urn>":` — the extension is a member of `data`. */
  readonly keyText: string;
}

/**
 * Renders the default wire form of one resource type for one base URL straight from stored texts. What depends
 * only on the type and the base URL (key texts, column order, prefixes of meta and $ref) is worked out once.
 */
class StoredWireRenderer {
  private readonly keepsStored: boolean;
  private readonly columns: readonly WireColumn[];
  private readonly extensions: readonly WireExtension[];
  /** Multi-valued attributes by key: their key texts, and their extension's when they have one. */
  private readonly attributes: ReadonlyMap<string, { readonly keyText: string; readonly extensionKeyText?: string }>;
  private readonly schemasTexts = new Map<string, string>();
  private readonly derivedKeyText: string;
  private readonly metaHead: string;
  private readonly locationHead: string;
  /** What the manager's `$ref` starts with, escaped. */
  private readonly usersHead: string;
  private readonly enterpriseKeyText = `${JSON.stringify(URN.enterpriseUser)}:`;
  /** What `$ref` starts with, by the derived reference's type (a user's groups: always /Groups/). */
  private readonly refHead: (referenceType: string) => string | undefined;

  constructor(
    private readonly layout: ResourceLayout,
    baseUrl: string,
  ) {
    const { type } = layout;
    const base = baseUrl.replace(/\/+$/, '');
    this.keepsStored = keepsStored(type);
    // id, then externalId, then the other columns (toWireResource's order); dotted keys (meta.created,
    // name.familyName) are copies of values that meta and `data` give.
    this.columns = layout.columns
      .filter((column) => !column.key.includes('.'))
      .sort((a, b) => placedFirst(a.key) - placedFirst(b.key))
      .map((column) => ({ column: column.column, keyText: `${JSON.stringify(column.key)}:`, boolean: column.kind === 'boolean' }));
    this.extensions = type.extensions.map(({ schema }) => ({ urn: schema.id, keyText: `${JSON.stringify(schema.id)}:` }));
    this.attributes = new Map(
      layout.multiValued.map((attr) => [
        attr.key,
        {
          keyText: `${JSON.stringify(attr.definition.name)}:`,
          ...(attr.extension === undefined ? {} : { extensionKeyText: `${JSON.stringify(attr.extension)}:` }),
        },
      ]),
    );
    this.derivedKeyText = `${JSON.stringify(layout.derived)}:`;
    this.metaHead = `"meta":{"resourceType":${JSON.stringify(type.name)},"created":`;
    // The heads of meta.location and $ref, escaped, to be followed by the escaped id.
    this.locationHead = escapedInside(`${base}${type.endpoint}/`);
    const groupsHead = escapedInside(`${base}/Groups/`);
    this.usersHead = escapedInside(`${base}/Users/`);
    const memberHeads = new Map(
      Object.entries(MEMBER_ENDPOINTS).map(([memberType, endpoint]) => [memberType, escapedInside(`${base}${endpoint}/`)]),
    );
    this.refHead = layout.derived === 'groups' ? () => groupsHead : (referenceType) => memberHeads.get(referenceType);
  }

  render(row: StoredRowText): string | TextAroundManager | undefined {
    const { data } = row;
    // The stored object's members, without its braces: `data` is `{}` when every value is in columns or child rows.
    const dataMembers = data.slice(1, -1);
    if (!this.keepsStored || RESHAPED.test(dataMembers)) return undefined;
    const manager = this.managerIn(dataMembers);
    if (manager === null) return undefined;
    const elements = this.elementSlots(row, dataMembers);
    if (!elements) return undefined;

    let text = `{"schemas":${this.schemasText(elements, dataMembers)}`;
    const idText = quote(String(row.columns['id']));
    for (const column of this.columns) {
      const raw = row.columns[column.column];
      if (raw === null || raw === undefined) continue;
      const valueText = column.column === 'id' ? idText : column.boolean ? String(raw === 1) : quote(String(raw));
      text += `,${column.keyText}${valueText}`;
    }
    // With a manager, `text` goes on as the tail after the manager's displayName, which the service fills.
    let aroundManager: Omit<TextAroundManager, 'tail'> | undefined;
    if (manager !== undefined) {
      // {value, $ref, displayName}: the order the long way gives (withManagerDisplayNames, then putReferences).
      const head = `${text},${dataMembers.slice(0, manager.start)}"manager":{"value":${manager.valueText},"$ref":"${this.usersHead}${manager.valueText.slice(1)}`;
      aroundManager = { head, managerId: JSON.parse(manager.valueText) as string };
      text = dataMembers.slice(manager.end - 1);
    } else if (dataMembers !== '') {
      text += `,${dataMembers}`;
    }
    for (const [key, slot] of elements) text += `,${key}${slot.extension ? `{${slot.texts.join(',')}}` : slot.texts[0]!}`;
    if (row.derived.length > 0) {
      text += `,${this.derivedKeyText}[${row.derived.map((reference) => this.referenceText(reference)).join(',')}]`;
    }
    const location = `"${this.locationHead}${idText.slice(1)}`;
    const created = quote(String(row.columns['created']));
    const lastModified = quote(String(row.columns['last_modified']));
    text += `,${this.metaHead}${created},"lastModified":${lastModified},"location":${location},"version":${JSON.stringify(formatVersion(row.version))}}}`;
    return aroundManager === undefined ? text : { ...aroundManager, tail: text };
  }

  /**
   * The user's manager in `data`: undefined when it has none, null when `"manager"` is there in a shape other
   * than the stored one (the long way then decides).
   */
  private managerIn(dataMembers: string): StoredManager | undefined | null {
    const start = dataMembers.indexOf('"manager"');
    if (start === -1) return undefined;
    const extension = dataMembers.indexOf(this.enterpriseKeyText);
    if (this.layout.type.id !== 'User' || extension === -1 || extension > start || dataMembers.indexOf('"manager"', start + 1) !== -1) {
      return null;
    }
    STORED_MANAGER.lastIndex = start;
    const match = STORED_MANAGER.exec(dataMembers);
    return match ? { start, end: start + match[0].length, valueText: match[1]! } : null;
  }

  /** `[core, …extensions present]`, remembered per combination. */
  private schemasText(elements: ReadonlyMap<string, ElementSlot>, dataMembers: string): string {
    let present = '';
    for (const extension of this.extensions) {
      // Never `{}` here (RESHAPED): present in `data` means a non-empty object.
      present += dataMembers.includes(extension.keyText) || elements.has(extension.keyText) ? '1' : '0';
    }
    let text = this.schemasTexts.get(present);
    if (text === undefined) {
      const urns = this.extensions.filter((_, index) => present[index] === '1').map((extension) => extension.urn);
      this.schemasTexts.set(present, (text = JSON.stringify([this.layout.type.schema.id, ...urns])));
    }
    return text;
  }

  /** `{value, $ref, display?, type}`: the order `putReferences` gives a derived reference. */
  private referenceText(reference: ReferenceRow): string {
    const value = quote(reference.value);
    const head = this.refHead(reference.type);
    const ref = head === undefined ? '' : `,"$ref":"${head}${value.slice(1)}`;
    const display = reference.display === null ? '' : `,"display":${quote(reference.display)}`;
    return `{"value":${value}${ref}${display},"type":${quote(reference.type)}}`;
  }

  /**
   * The top-level members the child rows make, keyed by their key's JSON text in the order a read creates
   * them: a core multi-valued attribute as its array, an extension's attributes as members of the object
   * under the extension's URN. Undefined when an element would be changed by the projection or belongs in an
   * extension object that `data` already holds (the long way merges them).
   */
  private elementSlots(row: StoredRowText, dataMembers: string): Map<string, ElementSlot> | undefined {
    const slots = new Map<string, ElementSlot>();
    const rows = row.elements;
    for (let start = 0; start < rows.length; ) {
      const attrKey = rows[start]!.attr;
      let end = start;
      let items = '';
      for (; end < rows.length && rows[end]!.attr === attrKey; end += 1) {
        const element = rows[end]!.element;
        if (RESHAPED.test(element)) return undefined;
        items += end === start ? element : `,${element}`;
      }
      start = end;
      const attr = this.attributes.get(attrKey);
      if (!attr) continue;
      const extensionKey = attr.extensionKeyText;
      if (extensionKey === undefined) {
        slots.set(attr.keyText, { extension: false, texts: [`[${items}]`] });
        continue;
      }
      if (dataMembers.includes(extensionKey)) return undefined;
      const slot = slots.get(extensionKey) ?? { extension: true, texts: [] };
      slot.texts.push(`${attr.keyText}[${items}]`);
      slots.set(extensionKey, slot);
    }
    return slots;
  }
}

/** A top-level member the child rows make: a core attribute's array, or an extension object's members. */
interface ElementSlot {
  readonly extension: boolean;
  readonly texts: string[];
}

/** id, then externalId, ahead of the other columns: where `toWireResource` places them. */
function placedFirst(key: string): number {
  return key === 'id' ? 0 : key === 'externalId' ? 1 : 2;
}

/**
 * What renders rows of `layout` for `baseUrl` (made once per layout and base URL, then kept): each row's text is
 * the JSON text `JSON.stringify(toWireResource(type, resource, baseUrl, default projection))` gives for the
 * resource stored in it, spliced from the stored texts without parsing them; for a user with a manager, that
 * text around the manager's displayName, which only the manager's record tells; undefined when the row needs the
 * long way (an extension object to merge, a value the projection would change, a manager stored in another
 * shape). This holds because stores keep resources canonical: the write path (body-attributes.ts, the PATCH
 * engine) stores only attributes the schemas define, under their canonical names, and `data` and each element
 * are `JSON.stringify` texts. test/store/stored-wire-text.test.ts compares both ways on every kind of value.
 */
export function storedWireText(layout: ResourceLayout, baseUrl: string): (row: StoredRowText) => string | TextAroundManager | undefined {
  const renderer = rendererFor(layout, baseUrl);
  return (row) => renderer.render(row);
}

/** Renderers by layout and base URL (one per organization): a lookup renders one row, which costs less than making one. */
const RENDERERS = new WeakMap<ResourceLayout, Map<string, StoredWireRenderer>>();
/** Past this many base URLs for one layout the kept renderers start over rather than grow. */
const RENDERERS_PER_LAYOUT = 1000;

function rendererFor(layout: ResourceLayout, baseUrl: string): StoredWireRenderer {
  let byBaseUrl = RENDERERS.get(layout);
  if (byBaseUrl === undefined) RENDERERS.set(layout, (byBaseUrl = new Map()));
  let renderer = byBaseUrl.get(baseUrl);
  if (renderer === undefined) {
    if (byBaseUrl.size >= RENDERERS_PER_LAYOUT) byBaseUrl.clear();
    byBaseUrl.set(baseUrl, (renderer = new StoredWireRenderer(layout, baseUrl)));
  }
  return renderer;
}
