import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ResourceType } from '../scim/schema/resource-types.js';
import { searchResources } from '../service/resource-lists.js';
import type { ResourceReply } from '../service/resource-reply.js';
import {
  createResource,
  deleteResource,
  patchResource,
  replaceResource,
  type ResourceWrite,
} from '../service/resource-writes.js';
import { isNotModified, writeConditionsOf } from './conditional-headers.js';
import { rejectOtherMethods } from './method-not-allowed.js';
import { queryParamsOf, withScimContext, type ScimDependencies } from './scim-dependencies.js';
import { sendScim, sendScimJson } from './scim-reply.js';

interface IdParams {
  readonly orgId: string;
  readonly id: string;
}

/** Sends a resource with its ETag (and its Location on creation, RFC 7644 §3.3). */
function sendResource(reply: FastifyReply, status: number, result: ResourceReply): FastifyReply {
  if (result.version !== undefined) reply.header('ETag', result.version);
  if (status === 201) reply.header('Location', result.location);
  return sendScim(reply, result.resource === undefined ? 204 : status, result.resource);
}

/** The write a PUT/PATCH carries: its body, projection parameters and If-Match. */
function writeOf(request: FastifyRequest): ResourceWrite {
  return { body: request.body, params: queryParamsOf(request), conditions: writeConditionsOf(request) };
}

/** CRUD and search routes of one resource type (RFC 7644 §3.3–§3.6), under the organization's base URL. */
export function registerResourceRoutes(app: FastifyInstance, deps: ScimDependencies, type: ResourceType): void {
  const collection = type.endpoint;
  const item = `${type.endpoint}/:id`;
  const search = `${type.endpoint}/.search`;

  app.get(collection, async (request, reply) => {
    const list = await withScimContext(deps, request, (context) =>
      deps.reads.answer(context, { kind: 'list', type: type.id, params: queryParamsOf(request) }),
    );
    return sendScimJson(reply, 200, list.json);
  });
  app.post(collection, async (request, reply) => {
    const created = await withScimContext(deps, request, (context) =>
      createResource(context, type, request.body, queryParamsOf(request)),
    );
    return sendResource(reply, 201, created);
  });
  app.post(search, async (request, reply) => {
    const list = await withScimContext(deps, request, (context) => searchResources(context, type, request.body));
    return sendScimJson(reply, 200, list);
  });
  app.get<{ Params: IdParams }>(item, async (request, reply) => {
    const found = await withScimContext(deps, request, (context) =>
      deps.reads.answer(context, { kind: 'resource', type: type.id, id: request.params.id, params: queryParamsOf(request) }),
    );
    if (found.version !== undefined) reply.header('ETag', found.version);
    if (isNotModified(request, found.version)) return sendScim(reply, 304);
    return sendScimJson(reply, 200, found.json);
  });
  app.put<{ Params: IdParams }>(item, async (request, reply) => {
    const replaced = await withScimContext(deps, request, (context) =>
      replaceResource(context, type, request.params.id, writeOf(request)),
    );
    return sendResource(reply, 200, replaced);
  });
  app.patch<{ Params: IdParams }>(item, async (request, reply) => {
    const patched = await withScimContext(deps, request, (context) =>
      patchResource(context, type, request.params.id, writeOf(request)),
    );
    return sendResource(reply, 200, patched);
  });
  app.delete<{ Params: IdParams }>(item, async (request, reply) => {
    await withScimContext(deps, request, (context) =>
      deleteResource(context, type, request.params.id, writeConditionsOf(request)),
    );
    return sendScim(reply, 204);
  });

  rejectOtherMethods(app, collection, ['GET', 'POST']);
  rejectOtherMethods(app, search, ['POST']);
  rejectOtherMethods(app, item, ['GET', 'PUT', 'PATCH', 'DELETE']);
}
