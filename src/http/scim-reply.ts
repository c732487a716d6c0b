import type { FastifyReply } from 'fastify';
import type { JsonObject } from '../scim/resource/json.js';

/** RFC 7644 §3.1: SCIM responses are `application/scim+json`. */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/** Sends a SCIM JSON document (or no body, for 204/304) with the SCIM media type. */
export function sendScim(reply: FastifyReply, status: number, body?: JsonObject): FastifyReply {
  reply.code(status);
  if (body === undefined) return reply.send();
  return reply.type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}
