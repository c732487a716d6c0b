import { invalidFilter } from '../errors/scim-error.js';
import type { AttributePath } from '../schema/attribute-resolver.js';
import type { CompareOperator, FilterLiteral, FilterNode } from './filter-ast.js';
import { tokenizeFilter, type FilterToken } from './filter-lexer.js';

/** The deepest nesting of parentheses, `not` and value paths accepted (bounded so recursion stays shallow). */
export const MAX_FILTER_DEPTH = 50;

const COMPARE_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const ATTRIBUTE_NAME = /^[A-Za-z$][A-Za-z0-9_$-]*$/;

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2) into its AST. Keywords and operators are case-insensitive;
 * precedence is `not` over `and` over `or`. Also accepts `attr[filter].sub op value` (sent by Entra) as a
 * value path whose filter includes the sub-attribute comparison. Throws 400 invalidFilter naming the position.
 */
export function parseFilter(text: string): FilterNode {
  const parser = new FilterParser(tokenizeFilter(text));
  const node = parser.parseOr(0, false);
  parser.expectEnd();
  return node;
}

/** Parses an attribute path as written in a filter: `[urn:…:]attribute[.subAttribute]`. */
export function parseAttributePathText(text: string, position: number): AttributePath {
  let uri: string | undefined;
  let rest = text;
  if (text.toLowerCase().startsWith('urn:')) {
    const colon = text.lastIndexOf(':');
    uri = text.slice(0, colon);
    rest = text.slice(colon + 1);
  }
  const [attribute, subAttribute, extra] = rest.split('.');
  if (!attribute || !ATTRIBUTE_NAME.test(attribute) || extra !== undefined) {
    throw invalidFilter(`'${text}' at position ${position} is not a valid attribute path`);
  }
  if (subAttribute !== undefined && !ATTRIBUTE_NAME.test(subAttribute)) {
    throw invalidFilter(`'${text}' at position ${position} is not a valid attribute path`);
  }
  return {
    ...(uri === undefined ? {} : { uri }),
    attribute,
    ...(subAttribute === undefined ? {} : { subAttribute }),
  };
}

class FilterParser {
  private index = 0;

  constructor(private readonly tokens: readonly FilterToken[]) {}

  parseOr(depth: number, inValuePath: boolean): FilterNode {
    let left = this.parseAnd(depth, inValuePath);
    while (this.peekKeyword('or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd(depth, inValuePath) };
    }
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw invalidFilter(`Unexpected ${describe(token)} at position ${token.position}; expected 'and', 'or' or the end of the filter`);
  }

  private parseAnd(depth: number, inValuePath: boolean): FilterNode {
    let left = this.parseUnary(depth, inValuePath);
    while (this.peekKeyword('and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.parseUnary(depth, inValuePath) };
    }
    return left;
  }

  private parseUnary(depth: number, inValuePath: boolean): FilterNode {
    if (depth > MAX_FILTER_DEPTH) {
      throw invalidFilter(`Filter is nested more than ${MAX_FILTER_DEPTH} levels deep at position ${this.peek().position}`);
    }
    const token = this.peek();
    if (token.kind === 'word' && token.text.toLowerCase() === 'not') {
      this.index += 1;
      this.expect('(', "'(' after 'not'");
      const operand = this.parseOr(depth + 1, inValuePath);
      this.expect(')', "')' closing 'not ('");
      return { kind: 'not', operand };
    }
    if (token.kind === '(') {
      this.index += 1;
      const inner = this.parseOr(depth + 1, inValuePath);
      this.expect(')', "')'");
      return inner;
    }
    return this.parseAttributeExpression(depth, inValuePath);
  }

  private parseAttributeExpression(depth: number, inValuePath: boolean): FilterNode {
    const token = this.next();
    if (token.kind !== 'word') {
      throw invalidFilter(`Expected an attribute name at position ${token.position}, found ${describe(token)}`);
    }
    const path = parseAttributePathText(token.text, token.position);
    if (this.peek().kind === '[') return this.parseValuePath(path, token.position, depth, inValuePath);
    return this.parseComparison(path);
  }

  private parseValuePath(path: AttributePath, position: number, depth: number, inValuePath: boolean): FilterNode {
    if (inValuePath) throw invalidFilter(`Value paths cannot be nested (position ${position})`);
    if (path.subAttribute !== undefined) {
      throw invalidFilter(`A value path applies to an attribute, not to the sub-attribute '${path.attribute}.${path.subAttribute}' (position ${position})`);
    }
    this.index += 1;
    const inner = this.parseOr(depth + 1, true);
    this.expect(']', "']' closing the value path");
    const after = this.peek();
    // Entra: `emails[type eq "work"].value eq "x"` — the sub-attribute comparison joins the element filter.
    if (after.kind === 'word' && after.text.startsWith('.')) {
      this.index += 1;
      const sub = parseAttributePathText(after.text.slice(1), after.position + 1);
      if (sub.uri !== undefined || sub.subAttribute !== undefined) {
        throw invalidFilter(`'${after.text}' at position ${after.position} is not a sub-attribute`);
      }
      const comparison = this.parseComparison({ attribute: sub.attribute });
      return { kind: 'valuePath', path, filter: { kind: 'and', left: inner, right: comparison } };
    }
    return { kind: 'valuePath', path, filter: inner };
  }

  private parseComparison(path: AttributePath): FilterNode {
    const operator = this.next();
    const name = operator.kind === 'word' ? operator.text.toLowerCase() : '';
    if (name === 'pr') return { kind: 'present', path };
    if (!COMPARE_OPERATORS.has(name)) {
      throw invalidFilter(
        `Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) at position ${operator.position}, found ${describe(operator)}`,
      );
    }
    return { kind: 'compare', path, op: name as CompareOperator, value: this.parseLiteral(name) };
  }

  private parseLiteral(operator: string): FilterLiteral {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    if (token.kind === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
      throw invalidFilter(
        `Expected a comparison value after '${operator}' at position ${token.position}, found '${token.text}'; string values must be quoted: "${token.text}"`,
      );
    }
    throw invalidFilter(`Expected a comparison value after '${operator}' at position ${token.position}, found ${describe(token)}`);
  }

  private peek(): FilterToken {
    return this.tokens[this.index]!;
  }

  private next(): FilterToken {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private peekKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toLowerCase() === keyword;
  }

  private expect(kind: '(' | ')' | ']', what: string): void {
    const token = this.next();
    if (token.kind !== kind) throw invalidFilter(`Expected ${what} at position ${token.position}, found ${describe(token)}`);
  }
}

function describe(token: FilterToken): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the filter';
    case 'word':
      return `'${token.text}'`;
    case 'string':
      return `the string ${JSON.stringify(token.value)}`;
    case 'number':
      return `the number ${token.text}`;
    default:
      return `'${token.kind}'`;
  }
}
