import { invalidSyntax } from '../errors/scim-error.js';
import { schemasOf, type ResourceType } from '../schema/resource-types.js';
import type { CanonicalizeReport } from './attribute-value.js';
import { isJsonObject, type JsonObject } from './json.js';

/** The request body as a JSON object, or 400 invalidSyntax: a resource is always an object (RFC 7644 §3.3). */
export function requireResourceObject(type: ResourceType, body: unknown): JsonObject {
  if (!isJsonObject(body)) throw invalidSyntax(`The request body must be a JSON object representing a ${type.name}`);
  return body;
}

/**
 * RFC 7643 §3: `schemas` is REQUIRED and names the resource's core schema. Strict here: an array of strings that
 * contains the core schema URN (compared case-insensitively, as URNs are), else 400 invalidSyntax. URNs this
 * resource type does not know are reported and otherwise ignored.
 */
export function checkBodySchemas(type: ResourceType, body: JsonObject, report: CanonicalizeReport): void {
  const schemas = Object.entries(body).find(([key]) => key.toLowerCase() === 'schemas')?.[1];
  if (!Array.isArray(schemas) || !schemas.every((urn): urn is string => typeof urn === 'string')) {
    throw invalidSyntax(`'schemas' must be an array of schema URNs containing "${type.schema.id}"`);
  }
  const known = new Set(schemasOf(type).map((schema) => schema.id.toLowerCase()));
  if (!schemas.some((urn) => urn.toLowerCase() === type.schema.id.toLowerCase())) {
    throw invalidSyntax(`'schemas' must contain "${type.schema.id}"`);
  }
  for (const urn of schemas) {
    if (!known.has(urn.toLowerCase())) report.ignored.push(`schemas: ${urn}`);
  }
}
