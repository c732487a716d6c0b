import type { BoundFilter, BoundLiteral, CompareOperator } from '../../src/scim/filter/filter-ast.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../src/scim/resource/json.js';
import type { ResolvedAttribute } from '../../src/scim/schema/attribute-resolver.js';

/*
 * INTERIM: a minimal in-memory filter evaluator written from docs/architecture.md ("Semantics decided once"),
 * standing in for `evaluateFilter` of src/scim/filter/filter-evaluator.ts until that module lands. Then delete
 * this file and import `evaluateFilter` from there in filter-differential.test.ts.
 */

/** The non-null values `attr` has in `resource`, or in one `element` of a value path. */
function valuesOf(resource: JsonObject, attr: ResolvedAttribute, element?: JsonValue): JsonValue[] {
  const subName = attr.sub?.name;
  if (element !== undefined) {
    const value = subName === undefined ? element : isJsonObject(element) ? element[subName] : undefined;
    return value === undefined || value === null ? [] : [value];
  }
  const owner = attr.isExtension ? resource[attr.schema.id] : resource;
  const top = isJsonObject(owner) ? owner[attr.attribute.name] : undefined;
  if (top === undefined || top === null) return [];
  const list = Array.isArray(top) ? top : [top];
  if (subName === undefined) return list;
  return list.flatMap((item) => {
    const value = isJsonObject(item) ? item[subName] : undefined;
    return value === undefined || value === null ? [] : [value];
  });
}

/** `pr`: not an empty string, array or object. */
function isPresent(value: JsonValue): boolean {
  if (value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return !isJsonObject(value) || Object.keys(value).length > 0;
}

function ordered<T>(op: CompareOperator, a: T, b: T): boolean {
  return op === 'eq' ? a === b : op === 'gt' ? a > b : op === 'ge' ? a >= b : op === 'lt' ? a < b : op === 'le' ? a <= b : false;
}

function compareOne(attr: ResolvedAttribute, value: JsonValue, op: CompareOperator, literal: BoundLiteral): boolean {
  if (literal.type === 'null') return false;
  if (literal.type === 'boolean' || literal.type === 'number') return ordered(op, value, literal.value);
  if (typeof value !== 'string') return false;
  if (literal.type === 'dateTime' && op !== 'co' && op !== 'sw' && op !== 'ew') {
    return ordered(op, Date.parse(value), literal.epochMs);
  }
  const exact = attr.leaf.caseExact;
  const a = exact ? value : value.toLowerCase();
  const b = exact ? literal.value : literal.value.toLowerCase();
  if (op === 'co') return a.includes(b);
  if (op === 'sw') return a.startsWith(b);
  if (op === 'ew') return a.endsWith(b);
  return ordered(op, a, b);
}

/** True when `resource` (or one `element` inside a value path) satisfies `filter`. */
export function evaluateFilter(filter: BoundFilter, resource: JsonObject, element?: JsonValue): boolean {
  switch (filter.kind) {
    case 'and':
      return evaluateFilter(filter.left, resource, element) && evaluateFilter(filter.right, resource, element);
    case 'or':
      return evaluateFilter(filter.left, resource, element) || evaluateFilter(filter.right, resource, element);
    case 'not':
      return !evaluateFilter(filter.operand, resource, element);
    case 'present':
      return valuesOf(resource, filter.attr, element).some(isPresent);
    case 'valuePath': {
      const { sub: _sub, ...whole } = filter.attr;
      return valuesOf(resource, whole).some((item) => evaluateFilter(filter.filter, resource, item));
    }
    case 'compare': {
      const { attr, op, value } = filter;
      if (value.type === 'null') {
        const present = valuesOf(resource, attr, element).some(isPresent);
        return op === 'eq' ? !present : op === 'ne' ? present : false;
      }
      if (op === 'ne') return !evaluateFilter({ ...filter, op: 'eq' }, resource, element);
      return valuesOf(resource, attr, element).some((item) => compareOne(attr, item, op, value));
    }
  }
}
