import type { FastifyReply } from 'fastify';
import type { JsonObject } from '../scim/resource/json.js';

/** RFC 7644 §3.1: SCIM responses are `application/scim+json`. */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/** Sends a SCIM JSON document (or no body, for 204/304) with the SCIM media type. */
export function sendScim(reply: FastifyReply, status: number, body?: JsonObject): FastifyReply {
  if (body === undefined) return reply.code(status).send();
  return sendScimJson(reply, status, JSON.stringify(body));
}

/** Sends a SCIM JSON document already serialised (text, or its UTF-8 bytes) with the SCIM media type. */
export function sendScimJson(reply: FastifyReply, status: number, json: string | Buffer): FastifyReply {
  return reply.code(status).type(SCIM_CONTENT_TYPE).send(json);
}
