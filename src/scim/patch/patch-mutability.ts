import { mutability } from '../errors/scim-error.js';
import { sameAttributeValue } from '../resource/attribute-equality.js';
import type { JsonValue } from '../resource/json.js';
import type { AttributeTarget } from './patch-path.js';
import type { PatchOpName } from './patch-request.js';

/**
 * RFC 7643 §7 mutability of the attribute an operation changed from `before` to `after` (its top-level values).
 * readOnly (id, meta, groups, manager.displayName): removal is 400 mutability (RFC 7644 §3.5.2.2), and so is any
 * other change; setting the value it already has is a no-op, since Okta echoes `id` in replace values.
 * immutable: may be set while unassigned, never changed afterwards.
 */
export function checkMutability(
  op: PatchOpName,
  target: AttributeTarget,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): void {
  const definition = target.attr.attribute;
  const readOnly = definition.mutability === 'readOnly' || target.sub?.mutability === 'readOnly';
  if (readOnly && op === 'remove') throw mutability(`Attribute '${target.text}' is readOnly and cannot be removed`);
  const changed = !same(target, before, after);
  if (readOnly && changed) throw mutability(`Attribute '${target.text}' is readOnly and cannot be changed`);
  if (definition.mutability === 'immutable' && before !== undefined && changed) {
    throw mutability(`Attribute '${target.text}' is immutable and already has a value; it cannot be changed`);
  }
}

function same(target: AttributeTarget, before: JsonValue | undefined, after: JsonValue | undefined): boolean {
  if (before === undefined || after === undefined) return before === after;
  return sameAttributeValue(target.attr.attribute, before, after);
}
