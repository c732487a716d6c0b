import type { FastifyInstance } from 'fastify';
import { notImplemented } from '../scim/errors/scim-error.js';

/**
 * Endpoints RFC 7644 defines that this server does not implement: /Bulk (§3.7; ServiceProviderConfig says
 * bulk.supported=false) and /Me (§3.11; a bearer token here stands for an IdP, not a user). Both answer 501.
 */
export function registerUnsupportedRoutes(app: FastifyInstance): void {
  app.all('/Bulk', async () => {
    throw notImplemented('Bulk operations are not supported by this server');
  });
  app.all('/Me', async () => {
    throw notImplemented('/Me is not supported: tokens identify an organization, not a user');
  });
}
