import { invalidFilter } from '../../scim/errors/scim-error.js';
import type { BoundLiteral, CompareOperator } from '../../scim/filter/filter-ast.js';
import { fold } from '../resource-layout.js';
import type { SqlValue } from '../resource-rows.js';
import type { Operand, SqlFragment } from './sqlite-operand.js';

/** A comparison operator other than `ne`, which callers write as `not eq` (docs/architecture.md). */
export type PositiveOperator = Exclude<CompareOperator, 'ne'>;

const ORDERING: Partial<Record<PositiveOperator, string>> = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' };

/**
 * Every predicate starts with `lhs IS NOT NULL AND`: an absent value gives 0, never NULL, so `not` stays
 * two-valued. Substring operators use instr/substr, never LIKE, so `%` and `_` in the literal match literally.
 */
function textPredicate(lhs: string, op: PositiveOperator, value: SqlValue): SqlFragment {
  switch (op) {
    case 'co':
      return { sql: `(${lhs} IS NOT NULL AND instr(${lhs}, ?) > 0)`, params: [value] };
    case 'sw':
      return { sql: `(${lhs} IS NOT NULL AND substr(${lhs}, 1, length(?)) = ?)`, params: [value, value] };
    case 'ew':
      return {
        sql: `(${lhs} IS NOT NULL AND length(${lhs}) >= length(?) AND substr(${lhs}, length(${lhs}) - length(?) + 1) = ?)`,
        params: [value, value, value],
      };
    default:
      return orderingPredicate(lhs, op, value);
  }
}

function orderingPredicate(lhs: string, op: PositiveOperator, value: SqlValue): SqlFragment {
  const sqlOp = ORDERING[op];
  if (sqlOp === undefined) throw invalidFilter(`Operator '${op}' does not apply to this attribute's type`);
  return { sql: `(${lhs} IS NOT NULL AND ${lhs} ${sqlOp} ?)`, params: [value] };
}

/** `pr`: present and not null, not an empty string, not an empty array or object (RFC 7644 §3.4.2.2). */
export function presentSql(operand: Operand): SqlFragment {
  if (operand.json) {
    const { doc, path } = operand.json;
    // A missing path gives json_type NULL, which falls to ELSE 0: every branch is 0 or 1, never NULL.
    return {
      sql:
        `(CASE json_type(${doc}, '${path}') ` +
        `WHEN 'text' THEN json_extract(${doc}, '${path}') <> '' ` +
        `WHEN 'array' THEN json_array_length(${doc}, '${path}') > 0 ` +
        `WHEN 'object' THEN json_extract(${doc}, '${path}') <> '{}' ` +
        `WHEN 'null' THEN 0 WHEN 'true' THEN 1 WHEN 'false' THEN 1 WHEN 'integer' THEN 1 WHEN 'real' THEN 1 ELSE 0 END)`,
      params: [],
    };
  }
  return { sql: `(${operand.expr} IS NOT NULL AND ${operand.expr} <> '')`, params: [] };
}

function stringCompare(operand: Operand, op: PositiveOperator, value: string): SqlFragment {
  if (operand.definition.caseExact) return textPredicate(operand.expr, op, value);
  return textPredicate(operand.folded, op, fold(value));
}

/** RFC 7644 §3.4.2.2: dateTimes compare as instants; stored meta timestamps are already fixed-width UTC text. */
function dateTimeCompare(operand: Operand, op: PositiveOperator, text: string, epochMs: number): SqlFragment {
  if (op === 'co' || op === 'sw' || op === 'ew') return textPredicate(operand.expr, op, text);
  if (operand.instantText) return orderingPredicate(operand.expr, op, new Date(epochMs).toISOString());
  return orderingPredicate(`scim_instant(${operand.expr})`, op, epochMs);
}

/** SQL for `operand op literal` (a literal other than null), never yielding NULL. */
export function compareSql(operand: Operand, op: PositiveOperator, literal: Exclude<BoundLiteral, { type: 'null' }>): SqlFragment {
  switch (literal.type) {
    case 'string':
      return stringCompare(operand, op, literal.value);
    case 'dateTime':
      return dateTimeCompare(operand, op, literal.value, literal.epochMs);
    case 'number':
      if (op === 'co' || op === 'sw' || op === 'ew') throw invalidFilter(`Operator '${op}' does not apply to numbers`);
      return orderingPredicate(operand.expr, op, literal.value);
    case 'boolean':
      if (op !== 'eq') throw invalidFilter(`Operator '${op}' does not apply to booleans`);
      return orderingPredicate(operand.expr, op, literal.value ? 1 : 0);
  }
}
