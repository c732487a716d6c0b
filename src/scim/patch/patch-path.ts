import { invalidPath, ScimError } from '../errors/scim-error.js';
import type { BoundFilter } from '../filter/filter-ast.js';
import { bindValueFilter } from '../filter/filter-binder.js';
import { parseFilter } from '../filter/filter-parser.js';
import {
  findSubAttribute,
  type AttributeDefinition,
  type SchemaDefinition,
} from '../schema/attribute-definition.js';
import {
  resolveAttribute,
  splitAttributeName,
  type AttributePath,
  type ResolvedAttribute,
} from '../schema/attribute-resolver.js';
import type { ResourceType } from '../schema/resource-types.js';

/** A PATCH path that names one attribute, optionally narrowed by a value filter and/or to a sub-attribute. */
export interface AttributeTarget {
  readonly kind: 'attribute';
  /** The path as written, for error messages. */
  readonly text: string;
  /** The top-level attribute (never a sub-attribute). */
  readonly attr: ResolvedAttribute;
  readonly sub?: AttributeDefinition;
  /** The value filter of `attr[filter]`, bound to the attribute's sub-attributes. */
  readonly filter?: BoundFilter;
}

/** A PATCH path that is an extension's schema URN alone: the whole extension object. */
export interface ExtensionTarget {
  readonly kind: 'extension';
  readonly text: string;
  readonly schema: SchemaDefinition;
}

/** What a PATCH path addresses. */
export type PatchTarget = AttributeTarget | ExtensionTarget;

/** RFC 7643 §2.1 ATTRNAME (ALPHA *(ALPHA / DIGIT / "-" / "_")), plus `$ref` (§2.4). */
const ATTRIBUTE_NAME = /^(\$ref|[A-Za-z][A-Za-z0-9_-]*)$/;

/**
 * Parses and binds a PATCH path (RFC 7644 §3.5.2 `PATH = attrPath / valuePath [subAttr]`): names are
 * case-insensitive and may be URN-qualified; the URN of an extension alone addresses the whole extension.
 * A malformed path, or one naming an attribute this resource type does not have, is 400 invalidPath.
 */
export function parsePatchPath(type: ResourceType, text: string): PatchTarget {
  const open = text.indexOf('[');
  if (open === -1) return plainTarget(type, text);
  const close = closingBracket(text, open);
  if (close === -1) throw invalidPath(`Path '${text}' has a '[' without its ']'`);
  const tail = text.slice(close + 1);
  if (tail !== '' && !tail.startsWith('.')) throw invalidPath(`Path '${text}' has text after ']' that is not '.subAttribute'`);
  return filteredTarget(type, text, text.slice(0, open), text.slice(open + 1, close), tail.slice(1) || undefined);
}

function plainTarget(type: ResourceType, text: string): PatchTarget {
  const parts = splitAttributeName(type, text);
  if (parts.attribute === '') return extensionTarget(type, text, parts.uri);
  checkNames(text, parts.attribute, parts.subAttribute);
  const attr = resolveTop(type, text, parts);
  if (parts.subAttribute === undefined) return { kind: 'attribute', text, attr };
  return { kind: 'attribute', text, attr, sub: subOf(attr, parts.subAttribute, text) };
}

function filteredTarget(
  type: ResourceType,
  text: string,
  head: string,
  filterText: string,
  subName: string | undefined,
): AttributeTarget {
  const parts = splitAttributeName(type, head);
  if (parts.attribute === '' || parts.subAttribute !== undefined) {
    throw invalidPath(`Path '${text}': a value filter must follow a multi-valued attribute name`);
  }
  checkNames(text, parts.attribute, subName);
  const attr = resolveTop(type, text, parts);
  if (!attr.attribute.multiValued) {
    throw invalidPath(`Path '${text}': '${attr.key}' is single-valued and cannot take a value filter`);
  }
  const filter = bindFilter(type, attr, filterText, text);
  if (subName === undefined) return { kind: 'attribute', text, attr, filter };
  return { kind: 'attribute', text, attr, filter, sub: subOf(attr, subName, text) };
}

function extensionTarget(type: ResourceType, text: string, uri: string | undefined): ExtensionTarget {
  const extension = type.extensions.find((ext) => ext.schema.id.toLowerCase() === uri?.toLowerCase());
  if (!extension) throw invalidPath(`Path '${text}' names a schema, not an attribute`);
  return { kind: 'extension', text, schema: extension.schema };
}

function checkNames(text: string, attribute: string, subAttribute: string | undefined): void {
  const names = subAttribute === undefined ? [attribute] : [attribute, subAttribute];
  if (!names.every((name) => ATTRIBUTE_NAME.test(name))) throw invalidPath(`Path '${text}' is not a valid attribute path`);
}

function resolveTop(type: ResourceType, text: string, parts: AttributePath): ResolvedAttribute {
  const top: AttributePath = parts.uri === undefined ? { attribute: parts.attribute } : { uri: parts.uri, attribute: parts.attribute };
  const attr = resolveAttribute(type, top);
  if (!attr) throw invalidPath(`Path '${text}' names no attribute of a ${type.name}`);
  return attr;
}

function subOf(attr: ResolvedAttribute, name: string, text: string): AttributeDefinition {
  const sub = findSubAttribute(attr.attribute, name);
  if (!sub) throw invalidPath(`Path '${text}': '${attr.key}' has no sub-attribute '${name}'`);
  return sub;
}

/** A filter error inside a path is a path error for the client (RFC 7644 §3.12 invalidPath). */
function bindFilter(type: ResourceType, attr: ResolvedAttribute, filterText: string, text: string): BoundFilter {
  try {
    return bindValueFilter(type, attr, parseFilter(filterText));
  } catch (error) {
    if (error instanceof ScimError) throw invalidPath(`Path '${text}': ${error.detail}`);
    throw error;
  }
}

/** The index of the `]` closing the `[` at `open`, skipping brackets inside quoted filter strings; -1 if none. */
function closingBracket(text: string, open: number): number {
  let inString = false;
  for (let index = open + 1; index < text.length; index += 1) {
    const char = text[index];
    if (inString && char === '\\') index += 1;
    else if (char === '"') inString = !inString;
    else if (!inString && char === ']') return index;
  }
  return -1;
}
