import { invalidFilter } from '../errors/scim-error.js';
import { findSubAttribute } from '../schema/attribute-definition.js';
import { resolveAttribute, type AttributePath, type ResolvedAttribute } from '../schema/attribute-resolver.js';
import type { ResourceType } from '../schema/resource-types.js';
import { isDateTime } from '../resource/attribute-value.js';
import type { BoundFilter, BoundLiteral, CompareOperator, FilterLiteral, FilterNode } from './filter-ast.js';

/**
 * Checks a parsed filter against `type` and binds every attribute to its definition (RFC 7644 §3.4.2.2).
 * Unknown attributes, comparisons the attribute's type cannot take, and filters on `returned: never`
 * attributes are 400 invalidFilter.
 */
export function bindFilter(type: ResourceType, node: FilterNode): BoundFilter {
  return bindNode(node, (path) => resolveTop(type, path), type);
}

/**
 * Binds the filter of a value path (`emails[type eq "work"]`): each attribute is a sub-attribute of `parent`,
 * a multi-valued attribute. Used for filters and for PATCH paths.
 */
export function bindValueFilter(type: ResourceType, parent: ResolvedAttribute, node: FilterNode): BoundFilter {
  if (!parent.attribute.multiValued || parent.attribute.type !== 'complex' || parent.sub) {
    throw invalidFilter(`'${parent.key}' is not a multi-valued complex attribute, so it takes no [filter]`);
  }
  return bindNode(node, (path) => resolveSub(parent, path), type, true);
}

type Resolve = (path: AttributePath) => ResolvedAttribute;

function bindNode(node: FilterNode, resolve: Resolve, type: ResourceType, inValuePath = false): BoundFilter {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, left: bindNode(node.left, resolve, type, inValuePath), right: bindNode(node.right, resolve, type, inValuePath) };
    case 'not':
      return { kind: 'not', operand: bindNode(node.operand, resolve, type, inValuePath) };
    case 'present':
      return { kind: 'present', attr: resolve(node.path) };
    case 'compare': {
      const attr = comparable(resolve(node.path));
      return { kind: 'compare', attr, op: node.op, value: bindLiteral(attr, node.op, node.value) };
    }
    case 'valuePath': {
      if (inValuePath) throw invalidFilter('Value paths cannot be nested');
      const parent = resolve(node.path);
      return { kind: 'valuePath', attr: parent, filter: bindValueFilter(type, parent, node.filter) };
    }
  }
}

function resolveTop(type: ResourceType, path: AttributePath): ResolvedAttribute {
  const resolved = resolveAttribute(type, path);
  if (!resolved) throw invalidFilter(`Unknown attribute '${written(path)}' in filter for ${type.name} resources`);
  return filterable(resolved, path);
}

function resolveSub(parent: ResolvedAttribute, path: AttributePath): ResolvedAttribute {
  const sub = path.uri === undefined && path.subAttribute === undefined ? findSubAttribute(parent.attribute, path.attribute) : undefined;
  if (!sub) throw invalidFilter(`'${written(path)}' is not a sub-attribute of '${parent.key}'`);
  return filterable({ ...parent, sub, leaf: sub, key: `${parent.key}.${sub.name}` }, path);
}

/** `returned: never` attributes (password) must not be filterable, or a filter would reveal them. */
function filterable(resolved: ResolvedAttribute, path: AttributePath): ResolvedAttribute {
  if (resolved.leaf.returned === 'never' || resolved.attribute.returned === 'never') {
    throw invalidFilter(`Attribute '${written(path)}' cannot be used in a filter`);
  }
  return resolved;
}

/**
 * A comparison on a complex attribute compares its `value` sub-attribute: RFC 7644 §3.4.2.2 for multi-valued
 * ones (`emails co "x"`), and by the same rule the single-valued enterprise `manager` (Entra's `manager eq "<id>"`).
 */
function comparable(attr: ResolvedAttribute): ResolvedAttribute {
  if (attr.leaf.type !== 'complex') return attr;
  const value = attr.sub ? undefined : findSubAttribute(attr.attribute, 'value');
  if (!value) throw invalidFilter(`'${attr.key}' is complex: compare one of its sub-attributes, e.g. '${attr.key}.${attr.leaf.subAttributes?.[0]?.name ?? 'value'}'`);
  return { ...attr, sub: value, leaf: value, key: `${attr.key}.value` };
}

function bindLiteral(attr: ResolvedAttribute, op: CompareOperator, literal: FilterLiteral): BoundLiteral {
  const leaf = attr.leaf;
  if (literal === null) {
    if (op !== 'eq' && op !== 'ne') throw invalidFilter(`'${op} null' is not a comparison: use 'eq null', 'ne null' or 'pr'`);
    return { type: 'null' };
  }
  const ordering = op === 'gt' || op === 'ge' || op === 'lt' || op === 'le';
  const substring = op === 'co' || op === 'sw' || op === 'ew';
  switch (leaf.type) {
    case 'boolean':
      if (ordering || substring) throw invalidFilter(`'${op}' cannot compare the boolean attribute '${attr.key}'`);
      if (typeof literal !== 'boolean') throw mismatch(attr, 'a boolean (true or false)', literal);
      return { type: 'boolean', value: literal };
    case 'integer':
    case 'decimal':
      if (substring) throw invalidFilter(`'${op}' cannot compare the number attribute '${attr.key}'`);
      if (typeof literal !== 'number') throw mismatch(attr, 'a number', literal);
      return { type: 'number', value: literal };
    case 'dateTime':
      if (substring) throw invalidFilter(`'${op}' cannot compare the dateTime attribute '${attr.key}'`);
      if (typeof literal !== 'string' || !isDateTime(literal)) throw mismatch(attr, 'a dateTime string such as "2026-01-01T00:00:00Z"', literal);
      return { type: 'dateTime', value: literal, epochMs: Date.parse(literal) };
    case 'binary':
      if (ordering || substring) throw invalidFilter(`'${op}' cannot compare the binary attribute '${attr.key}'`);
      if (typeof literal !== 'string') throw mismatch(attr, 'a string', literal);
      return { type: 'string', value: literal };
    default:
      if (typeof literal !== 'string') throw mismatch(attr, 'a string', literal);
      return { type: 'string', value: literal };
  }
}

function mismatch(attr: ResolvedAttribute, wanted: string, literal: FilterLiteral): Error {
  return invalidFilter(`Attribute '${attr.key}' is compared with ${JSON.stringify(literal)}, but it takes ${wanted}`);
}

function written(path: AttributePath): string {
  const name = path.subAttribute === undefined ? path.attribute : `${path.attribute}.${path.subAttribute}`;
  return path.uri === undefined ? name : `${path.uri}:${name}`;
}
