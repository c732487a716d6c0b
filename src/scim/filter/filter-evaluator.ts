import type { ResolvedAttribute } from '../schema/attribute-resolver.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import type { BoundFilter, BoundLiteral, CompareOperator } from './filter-ast.js';

/**
 * Evaluates a bound filter against a canonical resource in memory, with the semantics of docs/architecture.md:
 * two-valued logic (`ne` is `not eq`), comparisons on absent values are false, multi-valued attributes match
 * when some element does, a value path needs one element to satisfy its whole filter.
 */
export function evaluateFilter(filter: BoundFilter, resource: JsonObject): boolean {
  return evaluate(filter, (attr) => valuesAt(resource, attr), (attr) => elementsAt(resource, attr));
}

/** Evaluates a filter bound by `bindValueFilter` against one element of its multi-valued attribute. */
export function evaluateValueFilter(filter: BoundFilter, element: JsonValue): boolean {
  return evaluate(
    filter,
    (attr) => {
      const value = isJsonObject(element) && attr.sub ? element[attr.sub.name] : undefined;
      return value === undefined || value === null ? [] : [value];
    },
    () => [],
  );
}

type Lookup = (attr: ResolvedAttribute) => JsonValue[];

function evaluate(filter: BoundFilter, values: Lookup, elements: Lookup): boolean {
  switch (filter.kind) {
    case 'and':
      return evaluate(filter.left, values, elements) && evaluate(filter.right, values, elements);
    case 'or':
      return evaluate(filter.left, values, elements) || evaluate(filter.right, values, elements);
    case 'not':
      return !evaluate(filter.operand, values, elements);
    case 'present':
      return values(filter.attr).some(isPresent);
    case 'valuePath':
      return elements(filter.attr).some((element) => evaluateValueFilter(filter.filter, element));
    case 'compare': {
      if (filter.value.type === 'null') {
        const present = values(filter.attr).some(isPresent);
        return filter.op === 'eq' ? !present : present;
      }
      const literal = filter.value;
      const matchesEq = (op: CompareOperator): boolean =>
        values(filter.attr).some((value) => compareOne(value, op, literal, filter.attr.leaf.caseExact));
      return filter.op === 'ne' ? !matchesEq('eq') : matchesEq(filter.op);
    }
  }
}

/** The container of an attribute: the resource, or the extension object under its URN key. */
function containerOf(resource: JsonObject, attr: ResolvedAttribute): JsonObject | undefined {
  if (!attr.isExtension) return resource;
  const extension = resource[attr.schema.id];
  return isJsonObject(extension) ? extension : undefined;
}

/** Every value the attribute has: one for a singular attribute, one per element for a multi-valued one. */
function valuesAt(resource: JsonObject, attr: ResolvedAttribute): JsonValue[] {
  const top = containerOf(resource, attr)?.[attr.attribute.name];
  if (top === undefined || top === null) return [];
  const items = attr.attribute.multiValued && Array.isArray(top) ? top : [top];
  if (!attr.sub) return items;
  const subName = attr.sub.name;
  return items.flatMap((item) => {
    const value = isJsonObject(item) ? item[subName] : undefined;
    return value === undefined || value === null ? [] : [value];
  });
}

function elementsAt(resource: JsonObject, attr: ResolvedAttribute): JsonValue[] {
  const top = containerOf(resource, attr)?.[attr.attribute.name];
  return Array.isArray(top) ? top : [];
}

/** RFC 7644 §3.4.2.2 `pr`: a value that is not null, not an empty string, array or object. */
function isPresent(value: JsonValue): boolean {
  if (value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return true;
}

function compareOne(actual: JsonValue, op: CompareOperator, literal: BoundLiteral, caseExact: boolean): boolean {
  switch (literal.type) {
    case 'boolean':
      return op === 'eq' && actual === literal.value;
    case 'number':
      return typeof actual === 'number' && order(op, actual - literal.value);
    case 'dateTime': {
      const instant = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
      return !Number.isNaN(instant) && order(op, instant - literal.epochMs);
    }
    case 'string': {
      if (typeof actual !== 'string') return false;
      const a = caseExact ? actual : actual.toLowerCase();
      const b = caseExact ? literal.value : literal.value.toLowerCase();
      if (op === 'co') return a.includes(b);
      if (op === 'sw') return a.startsWith(b);
      if (op === 'ew') return a.endsWith(b);
      return order(op, a < b ? -1 : a > b ? 1 : 0);
    }
    case 'null':
      return false;
  }
}

/** Whether a comparison result (negative, zero, positive) satisfies an ordering or equality operator. */
function order(op: CompareOperator, difference: number): boolean {
  switch (op) {
    case 'eq':
      return difference === 0;
    case 'gt':
      return difference > 0;
    case 'ge':
      return difference >= 0;
    case 'lt':
      return difference < 0;
    case 'le':
      return difference <= 0;
    default:
      return false;
  }
}
