import { canonicalValue, type CanonicalizeReport } from '../resource/attribute-value.js';
import type { JsonValue } from '../resource/json.js';
import { writableValue } from '../resource/writable-value.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';

/**
 * The canonical value a PATCH writes to `definition` (types checked: 400 invalidValue; unknown sub-attributes
 * reported). ReadOnly sub-attributes nested in a written value (manager.displayName) are ignored, as RFC 7643 §7
 * asks of request values; a readOnly target itself keeps its value, so the engine can tell a no-op from a change.
 */
export function patchValue(
  definition: AttributeDefinition,
  value: JsonValue,
  where: string,
  report: CanonicalizeReport,
): JsonValue | undefined {
  if (definition.mutability === 'readOnly') return canonicalValue(definition, value, where, report);
  return writableValue(definition, value, where, report);
}

/** The canonical form of one element of the multi-valued `definition`, as `patchValue` checks it. */
export function patchElement(
  definition: AttributeDefinition,
  value: JsonValue,
  where: string,
  report: CanonicalizeReport,
): JsonValue | undefined {
  return patchValue({ ...definition, multiValued: false }, value, where, report);
}
