import type { AttributeDefinition } from '../../scim/schema/attribute-definition.js';
import type { ResolvedAttribute } from '../../scim/schema/attribute-resolver.js';
import type { SqlValue } from '../resource-rows.js';

/** A piece of SQL and the values of its `?` placeholders, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** A scalar SQL expression standing for one attribute value in some row. */
export interface Operand {
  /** The value as stored. */
  readonly expr: string;
  /** The value folded with `toLowerCase()` (an indexed `*_fold` column when there is one). */
  readonly folded: string;
  /** The leaf definition: its type and caseExact decide how comparisons are written. */
  readonly definition: AttributeDefinition;
  /** True for fixed-width UTC ISO columns, where text order is time order (and an index can be used). */
  readonly instantText: boolean;
  /** Set when the value lives in a JSON document, so `pr` can tell empty objects and arrays apart. */
  readonly json?: { readonly doc: string; readonly path: string };
}

/** A plain column operand; `folded` defaults to folding the column at query time. */
export function columnOperand(expr: string, definition: AttributeDefinition, folded?: string): Operand {
  return { expr, folded: folded ?? `scim_fold(${expr})`, definition, instantText: false };
}

/** A JSON path built only from schema-defined names, each quoted (URN keys contain `:` and `.`). */
export function jsonPathOf(segments: readonly string[]): string {
  for (const segment of segments) {
    // Names come from the schema definitions; a quote would break out of the path literal.
    if (/["\\']/.test(segment)) throw new Error(`Unsupported attribute name in JSON path: ${segment}`);
  }
  return `$${segments.map((segment) => `."${segment}"`).join('')}`;
}

/** An operand read from a JSON document column with json_extract. */
export function jsonOperand(doc: string, segments: readonly string[], definition: AttributeDefinition): Operand {
  const path = jsonPathOf(segments);
  const expr = `json_extract(${doc}, '${path}')`;
  return { expr, folded: `scim_fold(${expr})`, definition, instantText: false, json: { doc, path } };
}

/** The JSON path segments of an attribute inside a resource's `data` document. */
export function dataSegments(attr: ResolvedAttribute): string[] {
  return [
    ...(attr.isExtension ? [attr.schema.id] : []),
    attr.attribute.name,
    ...(attr.sub ? [attr.sub.name] : []),
  ];
}
