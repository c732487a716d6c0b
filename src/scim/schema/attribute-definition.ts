/** RFC 7643 §2.3 attribute data types. */
export type AttributeType =
  | 'string'
  | 'boolean'
  | 'decimal'
  | 'integer'
  | 'dateTime'
  | 'reference'
  | 'complex'
  | 'binary';

/** RFC 7643 §7 `mutability`. */
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
/** RFC 7643 §7 `returned`. */
export type Returned = 'always' | 'never' | 'default' | 'request';
/** RFC 7643 §7 `uniqueness`. */
export type Uniqueness = 'none' | 'server' | 'global';

/** One attribute of a schema, exactly as `/Schemas` publishes it (RFC 7643 §7). */
export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDefinition[];
}

/** A schema: its URN id and its top-level attributes (RFC 7643 §7). */
export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDefinition[];
}

type AttributeOptions = Partial<Omit<AttributeDefinition, 'name' | 'type'>>;

/** Builds an attribute with the RFC 7643 §2.2 defaults for every characteristic not given. */
export function attribute(name: string, type: AttributeType, options: AttributeOptions = {}): AttributeDefinition {
  return Object.freeze({
    name,
    type,
    multiValued: options.multiValued ?? false,
    description: options.description ?? '',
    required: options.required ?? false,
    caseExact: options.caseExact ?? false,
    mutability: options.mutability ?? 'readWrite',
    returned: options.returned ?? 'default',
    uniqueness: options.uniqueness ?? 'none',
    ...(options.canonicalValues ? { canonicalValues: options.canonicalValues } : {}),
    ...(options.referenceTypes ? { referenceTypes: options.referenceTypes } : {}),
    ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
  });
}

/** A string attribute. */
export const str = (name: string, options: AttributeOptions = {}): AttributeDefinition =>
  attribute(name, 'string', options);

/** A complex attribute with the given sub-attributes. */
export const complex = (
  name: string,
  subAttributes: readonly AttributeDefinition[],
  options: AttributeOptions = {},
): AttributeDefinition => attribute(name, 'complex', { ...options, subAttributes });

/**
 * The sub-attributes RFC 7643 §2.4 gives every multi-valued complex attribute (`type`, `primary`, `display`,
 * `value`, `$ref`), with the value's own type and the canonical types of this attribute.
 */
export function multiValuedSubAttributes(
  valueType: 'string' | 'reference' | 'binary',
  canonicalTypes: readonly string[],
  options: { valueRequired?: boolean; referenceTypes?: readonly string[]; extra?: readonly AttributeDefinition[] } = {},
): AttributeDefinition[] {
  return [
    attribute('value', valueType, {
      required: options.valueRequired ?? false,
      ...(options.referenceTypes ? { referenceTypes: options.referenceTypes } : {}),
    }),
    str('display'),
    str('type', canonicalTypes.length > 0 ? { canonicalValues: canonicalTypes } : {}),
    attribute('primary', 'boolean'),
    ...(options.extra ?? []),
  ];
}

const byName = new WeakMap<readonly AttributeDefinition[], ReadonlyMap<string, AttributeDefinition>>();

/**
 * The attribute of `attributes` called `name`, compared case-insensitively (RFC 7643 §2.1). Every key of every
 * resource read or written is looked up here, so each list is indexed once, by its names as defined and
 * lower-cased: a name sent as defined is found without lower-casing it.
 */
export function findNamed(attributes: readonly AttributeDefinition[], name: string): AttributeDefinition | undefined {
  let index = byName.get(attributes);
  if (!index) {
    const built = new Map<string, AttributeDefinition>();
    for (const attr of attributes) {
      if (!built.has(attr.name.toLowerCase())) built.set(attr.name.toLowerCase(), attr);
      if (!built.has(attr.name)) built.set(attr.name, attr);
    }
    byName.set(attributes, built);
    index = built;
  }
  return index.get(name) ?? index.get(name.toLowerCase());
}

/** The sub-attribute of `parent` called `name`, compared case-insensitively (RFC 7643 §2.1). */
export function findSubAttribute(parent: AttributeDefinition, name: string): AttributeDefinition | undefined {
  return parent.subAttributes && findNamed(parent.subAttributes, name);
}

/** The top-level attribute of `schema` called `name`, compared case-insensitively. */
export function findAttribute(schema: SchemaDefinition, name: string): AttributeDefinition | undefined {
  return findNamed(schema.attributes, name);
}
