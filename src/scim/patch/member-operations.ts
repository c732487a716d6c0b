import { invalidPath, mutability } from '../errors/scim-error.js';
import type { BoundFilter } from '../filter/filter-ast.js';
import type { CanonicalizeReport } from '../resource/attribute-value.js';
import type { JsonValue } from '../resource/json.js';
import { canonicalMembers } from '../resource/reference-values.js';
import type { ResourceType } from '../schema/resource-types.js';
import type { MemberOperation } from '../../store/store.js';
import type { AttributeTarget } from './patch-path.js';
import type { PatchOpName } from './patch-request.js';
import { patchValue } from './patch-value.js';

/** True when `target` is a Group's `members`, which the engine never loads and changes only as deltas. */
export function isGroupMembers(type: ResourceType, target: AttributeTarget): boolean {
  return type.id === 'Group' && !target.attr.isExtension && target.attr.attribute.name === 'members';
}

/**
 * The membership deltas one operation on Group `members` means: add → add; replace → removeAll then add;
 * remove → removeAll, or remove of the values listed in a `value` (Entra's legacy form), or of the members a
 * filter matches (`remove` by ids when it is `value eq` comparisons joined by `or`, else `removeWhere`).
 * A filter that matches nobody is a no-op, left to the store. Only each member's `value` matters.
 */
export function memberOperations(
  op: PatchOpName,
  target: AttributeTarget,
  value: JsonValue | undefined,
  report: CanonicalizeReport,
): MemberOperation[] {
  // members.value/$ref/type are immutable and members.display readOnly (RFC 7643 §4.2): a member is added or removed.
  if (target.sub) throw mutability(`Path '${target.text}': a member's sub-attributes cannot be changed; add or remove the member`);
  if (op === 'remove') return removals(target, value, report);
  if (target.filter) throw invalidPath(`Path '${target.text}': members are added with path 'members', not a filter`);
  const additions = addedMembers(value, target.attr, report);
  const add: MemberOperation[] = additions.length === 0 ? [] : [{ op: 'add', members: additions.map((id) => ({ value: id })) }];
  return op === 'replace' ? [{ op: 'removeAll' }, ...add] : add;
}

function removals(target: AttributeTarget, value: JsonValue | undefined, report: CanonicalizeReport): MemberOperation[] {
  if (target.filter) {
    const values = valueEqualities(target.filter);
    return [values ? { op: 'remove', values } : { op: 'removeWhere', filter: target.filter }];
  }
  if (value === undefined || value === null) return [{ op: 'removeAll' }];
  const values = addedMembers(value, target.attr, report);
  return values.length === 0 ? [] : [{ op: 'remove', values }];
}

/** The distinct member ids a `members` value lists; each element needs a non-empty string `value`. */
function addedMembers(value: JsonValue | undefined, attr: AttributeTarget['attr'], report: CanonicalizeReport): string[] {
  if (value === undefined || value === null) return [];
  const members = canonicalMembers(value);
  // Types checked and unknown sub-attributes reported like any written value; only the ids are kept.
  patchValue(attr.attribute, value, 'members', report);
  return [...new Set(members.map((member) => String(member['value'])))];
}

/** The ids of a filter made only of `value eq "<id>"` joined by `or`, else undefined. */
function valueEqualities(filter: BoundFilter): string[] | undefined {
  if (filter.kind === 'or') {
    const left = valueEqualities(filter.left);
    const right = valueEqualities(filter.right);
    return left && right ? [...left, ...right] : undefined;
  }
  if (filter.kind !== 'compare' || filter.op !== 'eq' || filter.attr.leaf.name !== 'value') return undefined;
  return filter.value.type === 'string' ? [filter.value.value] : undefined;
}
