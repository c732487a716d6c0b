import type { FastifyInstance, HTTPMethods } from 'fastify';
import { methodNotAllowed } from '../scim/errors/scim-error.js';

const ALL_METHODS: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Answers every method `url` does not serve with a 405 SCIM error and an `Allow` header (RFC 9110 §15.5.6). */
export function rejectOtherMethods(app: FastifyInstance, url: string, allowed: readonly HTTPMethods[]): void {
  const served = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  const others = ALL_METHODS.filter((method) => !served.includes(method));
  app.route({
    method: others,
    url,
    handler: async (request, reply) => {
      reply.header('Allow', served.join(', '));
      throw methodNotAllowed(`${request.method} is not supported here; use ${allowed.join(' or ')}`);
    },
  });
}
