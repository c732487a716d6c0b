import type { JsonObject } from '../resource/json.js';
import { URN } from '../schema/schema-urns.js';

/** The limits the ServiceProviderConfig publishes, from configuration. */
export interface ServiceProviderConfigOptions {
  readonly baseUrl: string;
  readonly maxResults: number;
  readonly maxPayloadBytes: number;
  readonly maxOperations: number;
}

/**
 * RFC 7643 §5: what this server actually supports. Bulk is not implemented (its maxOperations/maxPayloadSize
 * are REQUIRED members, so they carry the configured limits); passwords are accepted and stored hashed.
 */
export function serviceProviderConfig(options: ServiceProviderConfigOptions): JsonObject {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    schemas: [URN.serviceProviderConfig],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: options.maxOperations, maxPayloadSize: options.maxPayloadBytes },
    filter: { supported: true, maxResults: options.maxResults },
    changePassword: { supported: true },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with a bearer token issued for one organization (RFC 6750)',
        specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}
