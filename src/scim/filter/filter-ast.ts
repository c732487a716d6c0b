import type { AttributePath, ResolvedAttribute } from '../schema/attribute-resolver.js';

/** RFC 7644 §3.4.2.2 comparison operators (`pr` is its own node). */
export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** A filter literal: JSON string, number, `true`/`false` or `null`. */
export type FilterLiteral = string | number | boolean | null;

/**
 * The parsed filter, before it is checked against a schema. Attribute names are kept as written.
 * `emails[type eq "work"].value eq "x"` (the form Entra sends) parses to a `valuePath` whose filter is
 * `type eq "work" and value eq "x"`: some email is of type work and has that value.
 */
export type FilterNode =
  | { readonly kind: 'compare'; readonly path: AttributePath; readonly op: CompareOperator; readonly value: FilterLiteral }
  | { readonly kind: 'present'; readonly path: AttributePath }
  | { readonly kind: 'and'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | { readonly kind: 'valuePath'; readonly path: AttributePath; readonly filter: FilterNode };

/**
 * A comparison value after binding, converted to the attribute's type: dateTime literals become epoch
 * milliseconds plus their ISO text, booleans stay booleans, numbers stay numbers.
 */
export type BoundLiteral =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'dateTime'; readonly value: string; readonly epochMs: number }
  | { readonly type: 'null' };

/**
 * The filter checked against a resource type: every attribute bound to its definition. Inside a `valuePath`,
 * attributes are bound as sub-attributes of the value path's attribute (so `emails[type eq "work"]` binds
 * `type` to `emails.type`). A comparison on a multi-valued complex attribute without a sub-attribute binds to
 * its `value` sub-attribute (RFC 7644 §3.4.2.2: `emails co "example.com"`).
 */
export type BoundFilter =
  | { readonly kind: 'compare'; readonly attr: ResolvedAttribute; readonly op: CompareOperator; readonly value: BoundLiteral }
  | { readonly kind: 'present'; readonly attr: ResolvedAttribute }
  | { readonly kind: 'and'; readonly left: BoundFilter; readonly right: BoundFilter }
  | { readonly kind: 'or'; readonly left: BoundFilter; readonly right: BoundFilter }
  | { readonly kind: 'not'; readonly operand: BoundFilter }
  | { readonly kind: 'valuePath'; readonly attr: ResolvedAttribute; readonly filter: BoundFilter };
