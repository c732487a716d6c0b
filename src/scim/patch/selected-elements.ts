import { noTarget } from '../errors/scim-error.js';
import type { BoundFilter } from '../filter/filter-ast.js';
import { evaluateValueFilter } from '../filter/filter-evaluator.js';
import type { CanonicalizeReport } from '../resource/attribute-value.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { valueAfterAdd, valueAfterReplace } from './attribute-merge.js';
import { elementFromEqualities } from './filter-upsert.js';
import { patchElement, patchValue } from './patch-value.js';
import { keepOnePrimary } from './primary-value.js';

/**
 * The elements of a multi-valued attribute a path selects: those matching `filter` (`emails[type eq "work"]`),
 * or all of them when a sub-attribute is named without a filter (`emails.type`).
 */
export interface ElementSelection {
  readonly definition: AttributeDefinition;
  readonly filter?: BoundFilter;
  readonly sub?: AttributeDefinition;
  /** The path as written, for error messages. */
  readonly where: string;
}

/**
 * RFC 7644 §3.5.2.2: `remove` of the selected elements, or of their sub-attribute. Elements left empty are
 * dropped, and so is the attribute once no element remains (it is unassigned). Nothing selected is a no-op.
 */
export function elementsAfterRemove(selection: ElementSelection, before: JsonValue | undefined): JsonValue | undefined {
  const elements = Array.isArray(before) ? before : [];
  const sub = selection.sub;
  const result = elements.flatMap((element): JsonValue[] => {
    if (!selects(selection, element)) return [element];
    if (!sub || !isJsonObject(element)) return [];
    const { [sub.name]: _removed, ...rest } = element;
    return Object.keys(rest).length === 0 ? [] : [rest];
  });
  return result.length === 0 ? undefined : result;
}

/**
 * RFC 7644 §3.5.2.1 / §3.5.2.3: `add` or `replace` on the selected elements (or their sub-attribute). When
 * nothing is selected, an element is created from the filter's equalities if it has them (see
 * `elementFromEqualities`), else 400 noTarget.
 */
export function elementsAfterWrite(
  op: 'add' | 'replace',
  selection: ElementSelection,
  before: JsonValue | undefined,
  value: JsonValue,
  report: CanonicalizeReport,
): JsonValue | undefined {
  const { definition, sub, where } = selection;
  const content = sub ? patchValue(sub, value, where, report) : patchElement(definition, value, where, report);
  const elements = Array.isArray(before) ? before : [];
  const written = new Set<JsonValue>();
  let matched = 0;
  const result = elements.flatMap((element): JsonValue[] => {
    if (!selects(selection, element)) return [element];
    matched += 1;
    const next = writtenElement(op, selection, element, content);
    if (next !== undefined) written.add(next);
    return next === undefined ? [] : [next];
  });
  if (matched === 0) {
    const created = createdElement(selection, content, report);
    if (created === undefined) return before;
    result.push(created);
    written.add(created);
  }
  const kept = keepOnePrimary(result, written, where);
  return kept.length === 0 ? undefined : kept;
}

function selects(selection: ElementSelection, element: JsonValue): boolean {
  return selection.filter === undefined || evaluateValueFilter(selection.filter, element);
}

/** One selected element after the write of `content` (canonical: the element, or the sub-attribute's value). */
function writtenElement(
  op: 'add' | 'replace',
  selection: ElementSelection,
  element: JsonValue,
  content: JsonValue | undefined,
): JsonValue | undefined {
  const { definition, sub, where } = selection;
  if (!sub) {
    return op === 'replace' ? content : valueAfterAdd({ ...definition, multiValued: false }, element, content, where);
  }
  const { [sub.name]: current, ...rest } = isJsonObject(element) ? element : {};
  const next = op === 'replace' ? valueAfterReplace(sub, current, content) : valueAfterAdd(sub, current, content, where);
  const result: JsonObject = next === undefined ? rest : { ...rest, [sub.name]: next };
  return Object.keys(result).length === 0 ? undefined : result;
}

/** The element an unmatched filtered write creates, or undefined when the write has nothing to set. */
function createdElement(
  selection: ElementSelection,
  content: JsonValue | undefined,
  report: CanonicalizeReport,
): JsonValue | undefined {
  const { definition, filter, sub, where } = selection;
  const equalities = filter && definition.type === 'complex' ? elementFromEqualities(filter) : undefined;
  if (!equalities) throw noTarget(`Path '${where}' matched no value to change`);
  if (content === undefined) return undefined;
  const element = sub ? { ...equalities, [sub.name]: content } : { ...equalities, ...(isJsonObject(content) ? content : {}) };
  // The equalities come from filter literals: checked against the schema like any written value.
  return patchElement(definition, element, where, report);
}
