import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import type { ResolvedAttribute } from '../schema/attribute-resolver.js';

/** The current value of a top-level attribute: core ones at the root, extension ones under their URN key. */
export function readAttribute(resource: JsonObject, attr: ResolvedAttribute): JsonValue | undefined {
  const holder = attr.isExtension ? resource[attr.schema.id] : resource;
  return isJsonObject(holder) ? holder[attr.attribute.name] : undefined;
}

/**
 * Sets (or, with undefined, removes) a top-level attribute in place. An extension object is created on first
 * write and dropped once empty, as an extension with no values is unassigned (RFC 7643 §2.5).
 */
export function writeAttribute(resource: JsonObject, attr: ResolvedAttribute, value: JsonValue | undefined): void {
  if (!attr.isExtension) {
    setOrDelete(resource, attr.attribute.name, value);
    return;
  }
  const urn = attr.schema.id;
  const holder = resource[urn];
  const extension = isJsonObject(holder) ? holder : {};
  setOrDelete(extension, attr.attribute.name, value);
  setOrDelete(resource, urn, Object.keys(extension).length === 0 ? undefined : extension);
}

function setOrDelete(object: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value === undefined) delete object[key];
  else object[key] = value;
}
