import type { FastifyInstance } from 'fastify';
import { notFound } from '../scim/errors/scim-error.js';
import { resourceTypeResource, resourceTypesResponse } from '../scim/discovery/resource-type-documents.js';
import { schemaResource, schemasResponse } from '../scim/discovery/schema-documents.js';
import { serviceProviderConfig } from '../scim/discovery/service-provider-config.js';
import { MAX_PATCH_OPERATIONS } from '../scim/patch/patch-request.js';
import { rejectOtherMethods } from './method-not-allowed.js';
import { baseUrlOf, type ScimDependencies } from './scim-dependencies.js';
import { sendScim } from './scim-reply.js';

interface IdParams {
  readonly orgId: string;
  readonly id: string;
}

/** RFC 7644 §4: /ServiceProviderConfig, /ResourceTypes[/id], /Schemas[/id] (read-only). */
export function registerDiscoveryRoutes(app: FastifyInstance, deps: ScimDependencies): void {
  app.get('/ServiceProviderConfig', async (request, reply) =>
    sendScim(
      reply,
      200,
      serviceProviderConfig({
        baseUrl: baseUrlOf(deps, request),
        maxResults: deps.limits.maxResults,
        maxPayloadBytes: deps.maxBodyBytes,
        maxOperations: MAX_PATCH_OPERATIONS,
      }),
    ),
  );
  app.get('/ResourceTypes', async (request, reply) => sendScim(reply, 200, resourceTypesResponse(baseUrlOf(deps, request))));
  app.get<{ Params: IdParams }>('/ResourceTypes/:id', async (request, reply) => {
    const document = resourceTypeResource(request.params.id, baseUrlOf(deps, request));
    if (!document) throw notFound(`No resource type '${request.params.id}'`);
    return sendScim(reply, 200, document);
  });
  app.get('/Schemas', async (request, reply) => sendScim(reply, 200, schemasResponse(baseUrlOf(deps, request))));
  app.get<{ Params: IdParams }>('/Schemas/:id', async (request, reply) => {
    const document = schemaResource(request.params.id, baseUrlOf(deps, request));
    if (!document) throw notFound(`No schema '${request.params.id}'`);
    return sendScim(reply, 200, document);
  });
  for (const url of ['/ServiceProviderConfig', '/ResourceTypes', '/ResourceTypes/:id', '/Schemas', '/Schemas/:id']) {
    rejectOtherMethods(app, url, ['GET']);
  }
}
