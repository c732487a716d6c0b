import { findAttribute, findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';
import { resolveAttribute, splitAttributeName, type ResolvedAttribute } from '../schema/attribute-resolver.js';
import { COMMON_ATTRIBUTES } from '../schema/common-attributes.js';
import { schemasOf, type ResourceType } from '../schema/resource-types.js';
import type { ReadOptions } from '../../store/store.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * The `attributes` / `excludedAttributes` of a request (RFC 7644 §3.4.2.5), bound to definitions. At most one
 * of the two is set. An empty list is meaningful: `attributes` naming only unknown attributes returns only the
 * `returned: always` ones.
 */
export interface Projection {
  readonly attributes?: readonly ResolvedAttribute[];
  readonly excludedAttributes?: readonly ResolvedAttribute[];
}

/**
 * Binds the comma-separated attribute lists of a request. Names are case-insensitive and may be URN-qualified
 * or name a sub-attribute; a bare schema URN stands for all of that schema's attributes; unknown names are
 * ignored. RFC 7644 §3.4.2.5 lets clients use "one of these two" parameters without saying what to do with
 * both: `attributes` is the more specific request, so it wins and `excludedAttributes` is dropped.
 */
export function parseProjection(
  type: ResourceType,
  attributes: string | undefined,
  excludedAttributes: string | undefined,
): Projection {
  if (attributes !== undefined && attributes.trim() !== '') return { attributes: resolveList(type, attributes) };
  if (excludedAttributes !== undefined && excludedAttributes.trim() !== '') {
    return { excludedAttributes: resolveList(type, excludedAttributes) };
  }
  return DEFAULT_PROJECTION;
}

/** True when the request named no attributes to return or exclude: every attribute returned by default. */
export function isDefaultProjection(projection: Projection): boolean {
  return projection.attributes === undefined && projection.excludedAttributes === undefined;
}

/** Neither list: every attribute returned by default. One object, so its plan (below) is built once per type. */
const DEFAULT_PROJECTION: Projection = Object.freeze({});

function resolveList(type: ResourceType, list: string): ResolvedAttribute[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .flatMap((name) => resolveName(type, name));
}

function resolveName(type: ResourceType, name: string): ResolvedAttribute[] {
  const path = splitAttributeName(type, name);
  if (path.attribute !== '') {
    const resolved = resolveAttribute(type, path);
    return resolved ? [resolved] : [];
  }
  const schema = schemasOf(type).find((candidate) => candidate.id.toLowerCase() === path.uri?.toLowerCase());
  if (!schema) return [];
  const names = schema === type.schema ? [...COMMON_ATTRIBUTES, ...schema.attributes] : schema.attributes;
  return names
    .map((definition) => resolveAttribute(type, { uri: schema.id, attribute: definition.name }))
    .filter((r): r is ResolvedAttribute => r !== undefined);
}

/** Which sub-attributes of a returned complex attribute survive; `undefined` when the attribute is not returned. */
type SubFilter = ((sub: AttributeDefinition) => boolean) | undefined;

/**
 * RFC 7643 §7 `returned` against the request: never → never; always → always; request → only when named in
 * `attributes`; default → unless `attributes` leaves it out or `excludedAttributes` names it. Naming
 * sub-attributes keeps (or removes) just those sub-attributes.
 */
function selectionFor(definition: AttributeDefinition, projection: Projection): SubFilter {
  if (definition.returned === 'never') return undefined;
  const visible = (sub: AttributeDefinition): boolean => sub.returned !== 'never';
  if (definition.returned === 'always') return visible;
  if (projection.attributes) {
    const named = projection.attributes.filter((r) => r.attribute === definition);
    if (named.length === 0) return undefined;
    if (named.some((r) => r.sub === undefined)) return visible;
    const subs = new Set(named.map((r) => r.sub));
    return (sub) => visible(sub) && (sub.returned === 'always' || subs.has(sub));
  }
  if (definition.returned === 'request') return undefined;
  const excluded = (projection.excludedAttributes ?? []).filter((r) => r.attribute === definition);
  if (excluded.some((r) => r.sub === undefined)) return undefined;
  const subs = new Set(excluded.map((r) => r.sub));
  return (sub) => visible(sub) && sub.returned !== 'request' && (sub.returned === 'always' || !subs.has(sub));
}

/** What a projection does to one attribute's value: `undefined` when the attribute is not returned at all. */
type AttributeRule = ((value: JsonValue) => JsonValue | undefined) | undefined;

/** The attribute is returned as it is. */
const KEEP: AttributeRule = (value) => value;

/** The rule of one attribute, decided once per projection instead of once per resource. */
function attributeRule(definition: AttributeDefinition, projection: Projection): AttributeRule {
  const keep = selectionFor(definition, projection);
  if (!keep) return undefined;
  if (definition.type !== 'complex') return KEEP;
  const subAttributes = new AttributeRules((name) => findSubAttribute(definition, name), (sub) => (keep(sub) ? KEEP : undefined));
  const complex = (value: JsonValue): JsonObject | undefined => projectObject(subAttributes, value);
  return (value) => {
    if (!Array.isArray(value)) return complex(value);
    const items = value.map(complex);
    if (items.every((item, index) => item === value[index])) return value.length === 0 ? undefined : value;
    const kept = items.filter((item): item is JsonObject => item !== undefined);
    return kept.length === 0 ? undefined : kept;
  };
}

/**
 * Rules of the attributes of one schema (or of one complex attribute's sub-attributes), looked up by name and
 * remembered. Only names spelt as defined are remembered, so what a client sends cannot grow the memory.
 */
class AttributeRules {
  private readonly rules = new Map<string, AttributeRule>();

  constructor(
    private readonly definitionOf: (name: string) => AttributeDefinition | undefined,
    private readonly ruleOf: (definition: AttributeDefinition) => AttributeRule,
  ) {}

  /** The projected value of attribute `name`, `undefined` when it is not returned or no schema defines it. */
  project(name: string, value: JsonValue): JsonValue | undefined {
    const known = this.rules.get(name);
    if (known !== undefined || this.rules.has(name)) return known?.(value);
    const definition = this.definitionOf(name);
    if (definition === undefined) return undefined;
    const rule = this.ruleOf(definition);
    if (definition.name === name) this.rules.set(name, rule);
    return rule?.(value);
  }
}

/** A projection bound to a resource type: the per-attribute decisions every resource of a page shares. */
class ProjectionPlan {
  private readonly core: AttributeRules;
  private readonly extensions: ReadonlyMap<string, AttributeRules>;

  constructor(type: ResourceType, projection: Projection) {
    const rule = (definition: AttributeDefinition): AttributeRule => attributeRule(definition, projection);
    this.core = new AttributeRules(
      (key) => findAttribute(type.schema, key) ?? COMMON_ATTRIBUTES.find((common) => common.name === key),
      rule,
    );
    this.extensions = new Map(
      type.extensions.map(({ schema }) => [schema.id, new AttributeRules((name) => findAttribute(schema, name), rule)]),
    );
  }

  project(resource: JsonObject): JsonObject {
    const result: JsonObject = {};
    for (const key of Object.keys(resource)) {
      const value = resource[key]!;
      const extension = this.extensions.get(key);
      const projected = key === 'schemas' ? value : extension ? projectObject(extension, value) : this.core.project(key, value);
      if (projected !== undefined) result[key] = projected;
    }
    return result;
  }
}

/**
 * An extension's or a complex value's attributes through `rules`; `undefined` when none is left. Copied only
 * when the projection changes something: a value it returns whole is the value given (the usual case for
 * stored data under the default projection), so results share objects with their input and neither may be
 * changed afterwards.
 */
function projectObject(rules: AttributeRules, value: JsonValue): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const names = Object.keys(value);
  let result: JsonObject | undefined;
  for (const [index, name] of names.entries()) {
    const original = value[name]!;
    const projected = rules.project(name, original);
    if (result === undefined) {
      if (projected === original) continue;
      result = {};
      for (const kept of names.slice(0, index)) result[kept] = value[kept]!;
    }
    if (projected !== undefined) result[name] = projected;
  }
  if (result === undefined) return names.length === 0 ? undefined : value;
  return Object.keys(result).length === 0 ? undefined : result;
}

const PLANS = new WeakMap<Projection, WeakMap<ResourceType, ProjectionPlan>>();

function planOf(type: ResourceType, projection: Projection): ProjectionPlan {
  let byType = PLANS.get(projection);
  if (!byType) PLANS.set(projection, (byType = new WeakMap()));
  let plan = byType.get(type);
  if (!plan) byType.set(type, (plan = new ProjectionPlan(type, projection)));
  return plan;
}

/**
 * The resource as the client asked to see it. `schemas` is always kept; keys no schema defines are dropped.
 * What to do with each attribute is decided once per projection and type (a page of 100 users shares it).
 */
export function projectResource(type: ResourceType, resource: JsonObject, projection: Projection): JsonObject {
  return planOf(type, projection).project(resource);
}

/**
 * Which derived, possibly huge parts a read must load: Group.members and User.groups only when the projection
 * returns them (`excludedAttributes=members` spares loading 100k members).
 */
export function readOptionsFor(type: ResourceType, projection: Projection): ReadOptions {
  return {
    members: type.id === 'Group' && isReturned(type, 'members', projection),
    groups: type.id === 'User' && isReturned(type, 'groups', projection),
  };
}

function isReturned(type: ResourceType, name: string, projection: Projection): boolean {
  const definition = findAttribute(type.schema, name);
  return definition !== undefined && selectionFor(definition, projection) !== undefined;
}
