import { COMMON_ATTRIBUTES } from './common-attributes.js';
import {
  findNamed,
  findSubAttribute,
  type AttributeDefinition,
  type SchemaDefinition,
} from './attribute-definition.js';
import { schemasOf, type ResourceType } from './resource-types.js';

/** An attribute reference as written by a client: `[uri:]attribute[.subAttribute]` (RFC 7644 §3.10). */
export interface AttributePath {
  /** The schema URN prefix, as written, when the reference was URN-qualified. */
  readonly uri?: string;
  readonly attribute: string;
  readonly subAttribute?: string;
}

/** An attribute reference bound to its definition in one resource type. */
export interface ResolvedAttribute {
  /** The schema that owns the attribute (the core schema for the common attributes id, externalId, meta). */
  readonly schema: SchemaDefinition;
  /** True when the attribute lives in an extension, i.e. under the extension's URN key in the resource JSON. */
  readonly isExtension: boolean;
  /** The top-level attribute. */
  readonly attribute: AttributeDefinition;
  /** The sub-attribute, when one was addressed. */
  readonly sub?: AttributeDefinition;
  /** `sub ?? attribute`: the definition whose type and caseExact govern comparisons. */
  readonly leaf: AttributeDefinition;
  /**
   * Canonical key, e.g. `userName`, `name.familyName`, `emails.value`,
   * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`.
   */
  readonly key: string;
}

/**
 * Binds an attribute reference to its definition in `type`, case-insensitively (RFC 7643 §2.1). An unqualified
 * name that the core schema lacks binds to the one extension that defines it (RFC 7644 §3.10 asks clients only
 * to SHOULD-qualify extension attributes; Entra filters on a bare `manager`); a name two extensions define stays
 * unbound. Returns undefined when the reference names nothing this resource type has.
 */
export function resolveAttribute(type: ResourceType, path: AttributePath): ResolvedAttribute | undefined {
  if (path.uri !== undefined) {
    const uri = path.uri.toLowerCase();
    const schema = schemasOf(type).find((candidate) => candidate.id.toLowerCase() === uri);
    return schema ? resolveIn(type, schema, path) : undefined;
  }
  return resolveIn(type, type.schema, path) ?? resolveInSoleExtension(type, path);
}

function resolveIn(type: ResourceType, schema: SchemaDefinition, path: AttributePath): ResolvedAttribute | undefined {
  const isExtension = schema.id !== type.schema.id;
  const attribute = topLevel(schema, path.attribute, isExtension);
  return attribute ? bindSub(schema, isExtension, attribute, path.subAttribute) : undefined;
}

/** Only reached when the core schema has no attribute of that name (so `name.nope` never falls through). */
function resolveInSoleExtension(type: ResourceType, path: AttributePath): ResolvedAttribute | undefined {
  if (topLevel(type.schema, path.attribute, false)) return undefined;
  const owners = type.extensions.filter((ext) => topLevel(ext.schema, path.attribute, true));
  const [only] = owners;
  return only && owners.length === 1 ? resolveIn(type, only.schema, path) : undefined;
}

/** The schema's own attribute named `name`, or for a core schema one of the common attributes (id, meta…). */
function topLevel(schema: SchemaDefinition, name: string, isExtension: boolean): AttributeDefinition | undefined {
  const own = findNamed(schema.attributes, name);
  if (own || isExtension) return own;
  return findNamed(COMMON_ATTRIBUTES, name);
}

function bindSub(
  schema: SchemaDefinition,
  isExtension: boolean,
  attribute: AttributeDefinition,
  subName: string | undefined,
): ResolvedAttribute | undefined {
  const prefix = isExtension ? `${schema.id}:` : '';
  if (subName === undefined) {
    return { schema, isExtension, attribute, leaf: attribute, key: `${prefix}${attribute.name}` };
  }
  const sub = findSubAttribute(attribute, subName);
  if (!sub) return undefined;
  return { schema, isExtension, attribute, sub, leaf: sub, key: `${prefix}${attribute.name}.${sub.name}` };
}

/**
 * Splits a full attribute name such as `urn:…:enterprise:2.0:User:manager.value` or `name.givenName` into its
 * parts. Known schema URNs of `type` are recognised case-insensitively; any other `urn:` prefix is split at its
 * last colon. Returns `{ uri }` alone (attribute '') when the text is exactly a schema URN.
 */
export function splitAttributeName(type: ResourceType, text: string): AttributePath {
  const lower = text.toLowerCase();
  for (const schema of schemasOf(type)) {
    const urn = schema.id.toLowerCase();
    if (lower === urn) return { uri: text, attribute: '' };
    if (lower.startsWith(`${urn}:`)) return splitDotted(text.slice(urn.length + 1), text.slice(0, urn.length));
  }
  if (lower.startsWith('urn:')) {
    const dot = text.indexOf('.', text.lastIndexOf(':'));
    const head = dot === -1 ? text : text.slice(0, dot);
    const colon = head.lastIndexOf(':');
    return splitDotted(text.slice(colon + 1), text.slice(0, colon));
  }
  return splitDotted(text, undefined);
}

function splitDotted(name: string, uri: string | undefined): AttributePath {
  const dot = name.indexOf('.');
  const base = uri === undefined ? {} : { uri };
  if (dot === -1) return { ...base, attribute: name };
  return { ...base, attribute: name.slice(0, dot), subAttribute: name.slice(dot + 1) };
}
