import type { FastifyInstance } from 'fastify';
import { searchAllTypes } from '../service/cross-type-search.js';
import { rejectOtherMethods } from './method-not-allowed.js';
import { withScimContext, type ScimDependencies } from './scim-dependencies.js';
import { sendScim } from './scim-reply.js';

/** POST /.search at the base URL (RFC 7644 §3.4.3): one search over every resource type. */
export function registerRootSearchRoute(app: FastifyInstance, deps: ScimDependencies): void {
  app.post('/.search', async (request, reply) => {
    const list = await withScimContext(deps, request, (context) => searchAllTypes(context, request.body));
    return sendScim(reply, 200, list);
  });
  rejectOtherMethods(app, '/.search', ['POST']);
}
