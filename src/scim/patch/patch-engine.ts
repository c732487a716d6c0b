import { invalidValue, noTarget } from '../errors/scim-error.js';
import type { CanonicalizeReport } from '../resource/attribute-value.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import type { ResourceType } from '../schema/resource-types.js';
import type { MemberOperation } from '../../store/store.js';
import { applyToAttribute } from './attribute-operation.js';
import { isGroupMembers, memberOperations } from './member-operations.js';
import { parsePatchPath, type AttributeTarget, type ExtensionTarget } from './patch-path.js';
import { readPatchRequest, type PatchOperation } from './patch-request.js';
import { checkPatchedResource } from './patched-resource-checks.js';

/** What a PATCH computed from the current resource. */
export interface PatchResult {
  /** The new resource (never includes Group.members or User.groups). */
  readonly resource: JsonObject;
  /** Plaintext password set by the patch (null = cleared); undefined = untouched. */
  readonly password?: string | null;
  /** Group membership deltas, in order (empty for users). */
  readonly memberOps: readonly MemberOperation[];
}

/** The state the operations of one PATCH build up, on a private copy of the resource. */
interface PatchState {
  readonly resource: JsonObject;
  readonly memberOps: MemberOperation[];
  password?: string | null;
}

/**
 * Applies a PatchOp request (RFC 7644 §3.5.2) to `current`, the canonical stored resource (for a Group without
 * its members). Operations apply in order to a deep copy; the first error throws its ScimError and, as the
 * RFC requires, nothing is applied: `current` is never modified. Unknown sub-attributes in values are
 * reported in `report.ignored`.
 */
export function applyPatch(
  type: ResourceType,
  current: JsonObject,
  request: unknown,
  report: CanonicalizeReport,
): PatchResult {
  const operations = readPatchRequest(request);
  const state: PatchState = { resource: workingCopy(type, current), memberOps: [] };
  for (const operation of operations) applyOperation(type, state, operation, report);
  checkPatchedResource(type, state.resource);
  const { resource, memberOps, password } = state;
  return password === undefined ? { resource, memberOps } : { resource, memberOps, password };
}

/** Derived, never-stored attributes are left out so no operation can write them back. */
function workingCopy(type: ResourceType, current: JsonObject): JsonObject {
  const copy = structuredClone(current);
  delete copy[type.id === 'Group' ? 'members' : 'groups'];
  return copy;
}

function applyOperation(type: ResourceType, state: PatchState, operation: PatchOperation, report: CanonicalizeReport): void {
  if (operation.path === undefined) {
    applyWithoutPath(type, state, operation, report);
    return;
  }
  const target = parsePatchPath(type, operation.path);
  if (target.kind === 'extension') applyToExtension(type, state, target, operation, report);
  else if (isGroupMembers(type, target)) state.memberOps.push(...memberOperations(operation.op, target, operation.value, report));
  else if (isPassword(target)) state.password = passwordAfter(operation);
  else applyToAttribute(state.resource, target, operation, report);
}

/**
 * RFC 7644 §3.5.2.1 / §3.5.2.3: without a path, the value is an object of attributes, each applied as if it
 * were the path (keys may be dotted, URN-qualified, or an extension URN holding an object). `schemas` is not
 * an attribute the client sets: the server derives it. §3.5.2.2: a remove without a path is 400 noTarget.
 */
function applyWithoutPath(type: ResourceType, state: PatchState, operation: PatchOperation, report: CanonicalizeReport): void {
  if (operation.op === 'remove') throw noTarget("A 'remove' operation needs a 'path'");
  const attributes = objectValue(operation.value, 'An operation without a path');
  for (const [key, value] of Object.entries(attributes)) {
    if (key.toLowerCase() === 'schemas') continue;
    applyOperation(type, state, { op: operation.op, path: key, value }, report);
  }
}

/** The URN of an extension alone: remove drops the extension; add/replace apply to each attribute given. */
function applyToExtension(
  type: ResourceType,
  state: PatchState,
  target: ExtensionTarget,
  operation: PatchOperation,
  report: CanonicalizeReport,
): void {
  if (operation.op === 'remove' || (operation.op === 'replace' && operation.value === null)) {
    delete state.resource[target.schema.id];
    return;
  }
  if (operation.value === null) return;
  const attributes = objectValue(operation.value, `The value of '${target.text}'`);
  for (const [key, value] of Object.entries(attributes)) {
    applyOperation(type, state, { op: operation.op, path: `${target.schema.id}:${key}`, value }, report);
  }
}

function objectValue(value: JsonValue, what: string): JsonObject {
  if (!isJsonObject(value)) throw invalidValue(`${what} must be a JSON object of attributes`);
  return value;
}

/** RFC 7643 §4.1.1: password is writeOnly; it travels in the result apart and never enters the resource. */
function isPassword(target: AttributeTarget): boolean {
  return target.attr.attribute.mutability === 'writeOnly';
}

function passwordAfter(operation: PatchOperation): string | null {
  if (operation.op === 'remove' || operation.value === null) return null;
  if (typeof operation.value !== 'string' || operation.value === '') {
    throw invalidValue(`Attribute 'password' must be a non-empty string`);
  }
  return operation.value;
}
