import {
  ScimError,
  invalidSyntax,
  payloadTooLarge,
  unsupportedMediaType,
} from '../scim/errors/scim-error.js';

/** The shape of the errors Fastify itself raises (route, body and content-type handling). */
interface FastifyLikeError {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly message: string;
}

function isFastifyLikeError(error: unknown): error is FastifyLikeError {
  return error instanceof Error && ('code' in error || 'statusCode' in error);
}

/**
 * The ScimError for anything a client caused: ScimErrors as they are, Fastify's own 4xx errors (body too large,
 * bad media type, unreadable body) translated. Undefined for everything else, which is the server's fault.
 */
export function clientErrorOf(error: unknown): ScimError | undefined {
  if (error instanceof ScimError) return error;
  if (!isFastifyLikeError(error)) return undefined;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge('The request body is larger than this server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType('Send request bodies as application/scim+json or application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidSyntax('The request body is not valid JSON');
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) return new ScimError(status, undefined, error.message);
  return undefined;
}
