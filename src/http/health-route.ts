import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';

/** The path a load balancer probes; outside every organization's base URL and needing no token. */
export const HEALTH_PATH = '/healthz';

/**
 * `GET /healthz`: 200 when this instance can reach its database (one indexed read), 503 when it cannot, so a
 * load balancer stops sending SCIM traffic to an instance that would answer it with errors. Reveals nothing else.
 */
export function registerHealthRoute(app: FastifyInstance, store: Store): void {
  app.get(HEALTH_PATH, async (request, reply) => {
    try {
      await store.getOrganization('healthz');
      return reply.header('cache-control', 'no-store').send({ status: 'ok' });
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
    }
  });
}
