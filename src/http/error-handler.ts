import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ScimError, badRequest, notFound } from '../scim/errors/scim-error.js';
import { URN } from '../scim/schema/schema-urns.js';
import type { JsonObject } from '../scim/resource/json.js';
import { clientErrorOf } from './client-error-mapping.js';
import { sendScim } from './scim-reply.js';

/** RFC 7644 §3.12: the Error message; the detail ends with the request id so a report can be traced. */
export function scimErrorBody(error: ScimError, requestId: string): JsonObject {
  return {
    schemas: [URN.error],
    status: String(error.status),
    ...(error.scimType === undefined ? {} : { scimType: error.scimType }),
    detail: `${error.detail} (request ${requestId})`,
  };
}

/** Writes `error` as a SCIM Error response, with the headers its status calls for. */
export function sendScimError(request: FastifyRequest, reply: FastifyReply, error: ScimError): FastifyReply {
  // RFC 6750 §3: a 401 names the scheme the client must use.
  if (error.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="roster"');
  return sendScim(reply, error.status, scimErrorBody(error, request.id));
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (a URL that is not valid percent-encoding)
 * get the SCIM Error shape and the request id too, though no hook has run yet.
 */
export function sendFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('X-Request-Id', request.id);
  return sendScimError(request, reply, clientErrorOf(error) ?? badRequest('The request could not be routed'));
}

/**
 * The one place errors become responses: client errors as SCIM Errors with their status; anything else as a
 * generic 500 whose details (stack included) go to the log only, never to the client.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const clientError = clientErrorOf(error);
    if (clientError) {
      request.log.info({ status: clientError.status, scimType: clientError.scimType, detail: clientError.detail }, 'client error');
      return sendScimError(request, reply, clientError);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendScimError(request, reply, new ScimError(500, undefined, 'The server failed to process the request'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendScimError(request, reply, notFound(`No endpoint at ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`)),
  );
}
