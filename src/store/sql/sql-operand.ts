import type { AttributeDefinition } from '../../scim/schema/attribute-definition.js';
import type { ResolvedAttribute } from '../../scim/schema/attribute-resolver.js';
import type { SqlDialect } from './sql-dialect.js';

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
  readonly json?: { readonly doc: string; readonly segments: readonly string[] };
}

/** A plain column operand; `folded` defaults to folding the column at query time. */
export function columnOperand(dialect: SqlDialect, expr: string, definition: AttributeDefinition, folded?: string): Operand {
  return { expr, folded: folded ?? dialect.fold(expr), definition, instantText: false };
}

/** An operand read from a JSON document column. */
export function jsonOperand(dialect: SqlDialect, doc: string, segments: readonly string[], definition: AttributeDefinition): Operand {
  const expr = dialect.jsonScalar(doc, segments, definition);
  return { expr, folded: dialect.fold(expr), definition, instantText: false, json: { doc, segments } };
}

/** The JSON path segments of an attribute inside a resource's `data` document. */
export function dataSegments(attr: ResolvedAttribute): string[] {
  return [
    ...(attr.isExtension ? [attr.schema.id] : []),
    attr.attribute.name,
    ...(attr.sub ? [attr.sub.name] : []),
  ];
}
