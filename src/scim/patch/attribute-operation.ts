import type { CanonicalizeReport } from '../resource/attribute-value.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { valueAfterAdd, valueAfterReplace } from './attribute-merge.js';
import { readAttribute, writeAttribute } from './attribute-slot.js';
import { withoutListed } from './listed-elements.js';
import type { AttributeTarget } from './patch-path.js';
import { checkMutability } from './patch-mutability.js';
import type { PatchOperation } from './patch-request.js';
import { patchValue } from './patch-value.js';
import { elementsAfterRemove, elementsAfterWrite } from './selected-elements.js';

/** Applies one add/replace/remove to the attribute `target` names, in place on the working copy `resource`. */
export function applyToAttribute(
  resource: JsonObject,
  target: AttributeTarget,
  operation: PatchOperation,
  report: CanonicalizeReport,
): void {
  const before = readAttribute(resource, target.attr);
  const after = valueAfter(target, operation, before, report);
  checkMutability(operation.op, target, before, after);
  writeAttribute(resource, target.attr, after);
}

function valueAfter(
  target: AttributeTarget,
  operation: PatchOperation,
  before: JsonValue | undefined,
  report: CanonicalizeReport,
): JsonValue | undefined {
  const definition = target.attr.attribute;
  if (target.filter || (target.sub && definition.multiValued)) {
    const selection = { definition, filter: target.filter, sub: target.sub, where: target.text };
    if (operation.op === 'remove') return elementsAfterRemove(selection, before);
    return elementsAfterWrite(operation.op, selection, before, operation.value, report);
  }
  if (target.sub) return complexAfter(target.sub, operation, before, target.text, report);
  if (operation.op === 'remove') {
    const listed = operation.value;
    return definition.multiValued && listed !== undefined && listed !== null
      ? withoutListed(definition, before, listed, target.text)
      : undefined;
  }
  const value = patchValue(definition, operation.value, target.text, report);
  if (operation.op === 'replace') return valueAfterReplace(definition, before, value);
  return valueAfterAdd(definition, before, value, target.text);
}

/** A single-valued complex attribute after an operation on one of its sub-attributes (`name.givenName`). */
function complexAfter(
  sub: AttributeDefinition,
  operation: PatchOperation,
  before: JsonValue | undefined,
  where: string,
  report: CanonicalizeReport,
): JsonValue | undefined {
  const { [sub.name]: current, ...rest } = isJsonObject(before) ? before : {};
  let next: JsonValue | undefined;
  if (operation.op !== 'remove') {
    const value = patchValue(sub, operation.value, where, report);
    next = operation.op === 'replace' ? valueAfterReplace(sub, current, value) : valueAfterAdd(sub, current, value, where);
  }
  const result: JsonObject = next === undefined ? rest : { ...rest, [sub.name]: next };
  return Object.keys(result).length === 0 ? undefined : result;
}
