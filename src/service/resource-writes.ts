import { normalizePatchRequest } from '../scim/compat/patch-request-quirks.js';
import { normalizeResourceBody } from '../scim/compat/resource-body-quirks.js';
import { applyPatch } from '../scim/patch/patch-engine.js';
import { readOptionsFor } from '../scim/resource/attribute-projection.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../scim/resource/json.js';
import { canonicalizeForCreate, canonicalizeForReplace } from '../scim/resource/resource-body.js';
import type { ResourceType } from '../scim/schema/resource-types.js';
import type { MemberOperation, MutationResult, ReadOptions, WriteConditions } from '../store/store.js';
import { withManagerDisplayName } from './manager-display.js';
import { hashPassword } from './password-hasher.js';
import { hashPasswordsIn, passwordHashFor } from './request-passwords.js';
import { asksForProjection, projectionOf, replyFor, type ResourceReply } from './resource-reply.js';
import type { ProjectionParams, ScimContext } from './scim-context.js';

const NOTHING_DERIVED: ReadOptions = { members: false, groups: false };

/** A PUT or PATCH as the client sent it: the body, the projection of the answer, the If-Match condition. */
export interface ResourceWrite {
  readonly body: unknown;
  readonly params: ProjectionParams;
  readonly conditions: WriteConditions;
}

/** POST /<Type> (RFC 7644 §3.3): the server sets id and meta; group members are inserted with the group. */
export async function createResource(
  context: ScimContext,
  type: ResourceType,
  body: unknown,
  params: ProjectionParams,
): Promise<ResourceReply> {
  const projection = projectionOf(type, params);
  const { resource, password } = canonicalizeForCreate(type, normalizeResourceBody(type, body, context.quirks), context.report);
  const passwordHash = typeof password === 'string' ? await hashPassword(password) : null;
  const now = context.now();
  const toStore = { ...resource, id: context.newId(), meta: { resourceType: type.name, created: now, lastModified: now } };
  const stored = await context.store.createResource(context.orgId, type.id, toStore, passwordHash);
  return replyFor(context, type, await withManagerDisplayName(context, type, stored), projection);
}

/**
 * PUT /<Type>/<id> (RFC 7644 §3.5.1): the body replaces the resource, checked against the current state inside
 * the store's transaction. A group's membership is replaced too: every member out, the listed ones in.
 */
export async function replaceResource(
  context: ScimContext,
  type: ResourceType,
  id: string,
  write: ResourceWrite,
): Promise<ResourceReply> {
  const projection = projectionOf(type, write.params);
  const body = normalizeResourceBody(type, write.body, context.quirks);
  const hashes = await hashPasswordsIn(body);
  const mutation = (current: JsonObject): MutationResult => {
    const { resource, password } = canonicalizeForReplace(type, current, body, context.report);
    return { ...replacement(type, resource), ...passwordChange(passwordHashFor(password, hashes)) };
  };
  const read = readOptionsFor(type, projection);
  const stored = await context.store.updateResource(context.orgId, type.id, id, mutation, write.conditions, context.now(), read);
  return replyFor(context, type, await withManagerDisplayName(context, type, stored), projection);
}

/**
 * PATCH /<Type>/<id> (RFC 7644 §3.5.2). Passwords are hashed before the (synchronous) mutation runs. A group
 * answers 204 without reading its members unless the client asked for attributes: a group may be huge.
 */
export async function patchResource(
  context: ScimContext,
  type: ResourceType,
  id: string,
  write: ResourceWrite,
): Promise<ResourceReply> {
  const projection = projectionOf(type, write.params);
  const withBody = type.id !== 'Group' || asksForProjection(write.params);
  const body = normalizePatchRequest(type, write.body, context.quirks);
  const hashes = await hashPasswordsIn(body);
  const mutation = (current: JsonObject): MutationResult => {
    const patched = applyPatch(type, current, body, context.report);
    return { resource: patched.resource, memberOps: patched.memberOps, ...passwordChange(passwordHashFor(patched.password, hashes)) };
  };
  const read = withBody ? readOptionsFor(type, projection) : NOTHING_DERIVED;
  const stored = await context.store.updateResource(context.orgId, type.id, id, mutation, write.conditions, context.now(), read);
  return replyFor(context, type, withBody ? await withManagerDisplayName(context, type, stored) : stored, projection, withBody);
}

/** DELETE /<Type>/<id> (RFC 7644 §3.6); memberships naming the resource go with it. */
export async function deleteResource(
  context: ScimContext,
  type: ResourceType,
  id: string,
  conditions: WriteConditions,
): Promise<void> {
  await context.store.deleteResource(context.orgId, type.id, id, conditions);
}

/** `passwordHash` only when the change touches it (undefined keeps the stored hash). */
function passwordChange(passwordHash: string | null | undefined): { passwordHash?: string | null } {
  return passwordHash === undefined ? {} : { passwordHash };
}

/** A group's members travel as deltas, never inside the stored resource. */
function replacement(type: ResourceType, resource: JsonObject): MutationResult {
  if (type.id !== 'Group') return { resource };
  const { members, ...rest } = resource;
  return { resource: rest, memberOps: replacedMembers(members) };
}

/** PUT replaces membership: remove all, then add the members the body lists. */
function replacedMembers(members: JsonValue | undefined): MemberOperation[] {
  const listed = Array.isArray(members) ? members : [];
  const values = listed.flatMap((member) =>
    isJsonObject(member) && typeof member['value'] === 'string' ? [{ value: member['value'] }] : [],
  );
  return values.length === 0 ? [{ op: 'removeAll' }] : [{ op: 'removeAll' }, { op: 'add', members: values }];
}
