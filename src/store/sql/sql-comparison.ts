import { invalidFilter } from '../../scim/errors/scim-error.js';
import type { BoundLiteral, CompareOperator } from '../../scim/filter/filter-ast.js';
import { fold } from '../resource-layout.js';
import type { SqlValue } from '../resource-rows.js';
import type { SqlDialect, SqlFragment } from './sql-dialect.js';
import type { Operand } from './sql-operand.js';

/** A comparison operator other than `ne`, which callers write as `not eq` (docs/architecture.md). */
export type PositiveOperator = Exclude<CompareOperator, 'ne'>;

const TEXT_TYPES = new Set(['string', 'reference', 'binary', 'dateTime']);

const ORDERING: Partial<Record<PositiveOperator, string>> = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' };

/**
 * Every predicate starts with `lhs IS NOT NULL AND`: an absent value gives false, never NULL, so `not` stays
 * two-valued. Substring operators never use LIKE, so `%` and `_` in the literal match literally.
 */
function textPredicate(dialect: SqlDialect, lhs: string, op: PositiveOperator, value: SqlValue): SqlFragment {
  if (op === 'co' || op === 'sw' || op === 'ew') {
    const test = dialect.substring(op, lhs, value);
    return { sql: `(${lhs} IS NOT NULL AND ${test.sql})`, params: test.params };
  }
  return orderingPredicate(lhs, op, value);
}

function orderingPredicate(lhs: string, op: PositiveOperator, value: SqlValue): SqlFragment {
  const sqlOp = ORDERING[op];
  if (sqlOp === undefined) throw invalidFilter(`Operator '${op}' does not apply to this attribute's type`);
  return { sql: `(${lhs} IS NOT NULL AND ${lhs} ${sqlOp} ?)`, params: [value] };
}

/** `pr`: present and not null, not an empty string, not an empty array or object (RFC 7644 §3.4.2.2). */
export function presentSql(dialect: SqlDialect, operand: Operand): SqlFragment {
  if (operand.json) return { sql: dialect.jsonPresent(operand.json.doc, operand.json.segments), params: [] };
  // Only text can be empty; comparing a number or 0/1 boolean column with '' is a type error in PostgreSQL.
  if (!TEXT_TYPES.has(operand.definition.type)) return { sql: `(${operand.expr} IS NOT NULL)`, params: [] };
  return { sql: `(${operand.expr} IS NOT NULL AND ${operand.expr} <> '')`, params: [] };
}

function stringCompare(dialect: SqlDialect, operand: Operand, op: PositiveOperator, value: string): SqlFragment {
  if (operand.definition.caseExact) return textPredicate(dialect, operand.expr, op, value);
  return textPredicate(dialect, operand.folded, op, fold(value));
}

/** RFC 7644 §3.4.2.2: dateTimes compare as instants; stored meta timestamps are already fixed-width UTC text. */
function dateTimeCompare(dialect: SqlDialect, operand: Operand, op: PositiveOperator, text: string, epochMs: number): SqlFragment {
  if (op === 'co' || op === 'sw' || op === 'ew') return textPredicate(dialect, operand.expr, op, text);
  if (operand.instantText) return orderingPredicate(operand.expr, op, new Date(epochMs).toISOString());
  return orderingPredicate(dialect.instant(operand.expr), op, epochMs);
}

/** SQL for `operand op literal` (a literal other than null), never yielding NULL. */
export function compareSql(
  dialect: SqlDialect,
  operand: Operand,
  op: PositiveOperator,
  literal: Exclude<BoundLiteral, { type: 'null' }>,
): SqlFragment {
  switch (literal.type) {
    case 'string':
      return stringCompare(dialect, operand, op, literal.value);
    case 'dateTime':
      return dateTimeCompare(dialect, operand, op, literal.value, literal.epochMs);
    case 'number':
      if (op === 'co' || op === 'sw' || op === 'ew') throw invalidFilter(`Operator '${op}' does not apply to numbers`);
      return orderingPredicate(operand.expr, op, literal.value);
    case 'boolean':
      if (op !== 'eq') throw invalidFilter(`Operator '${op}' does not apply to booleans`);
      return orderingPredicate(operand.expr, op, literal.value ? 1 : 0);
  }
}
