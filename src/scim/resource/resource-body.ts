import type { ResourceType } from '../schema/resource-types.js';
import type { CanonicalizeReport } from './attribute-value.js';
import { readBodyAttributes } from './body-attributes.js';
import { checkBodySchemas, requireResourceObject } from './body-schemas.js';
import type { JsonObject } from './json.js';
import { applyReplaceRules, checkSentId } from './replace-rules.js';
import { checkRequiredAttributes } from './required-attributes.js';

/**
 * A request body in canonical form. `resource` never holds `schemas` (the wire layer derives it from the
 * extensions that have values) nor `password`, which travels apart: undefined means "not given".
 */
export interface CanonicalBody {
  readonly resource: JsonObject;
  readonly password?: string | null;
}

/** POST: the canonical resource to create (no id/meta: the server sets them). */
export function canonicalizeForCreate(type: ResourceType, body: unknown, report: CanonicalizeReport): CanonicalBody {
  const object = requireResourceObject(type, body);
  checkBodySchemas(type, object, report);
  const { resource, password } = readBodyAttributes(type, object, report);
  checkRequiredAttributes(type, resource);
  return withPassword(resource, password);
}

/** PUT (RFC 7644 §3.5.1): the canonical replacement of `current`. */
export function canonicalizeForReplace(
  type: ResourceType,
  current: JsonObject,
  body: unknown,
  report: CanonicalizeReport,
): CanonicalBody {
  const object = requireResourceObject(type, body);
  checkBodySchemas(type, object, report);
  const sent = readBodyAttributes(type, object, report);
  checkSentId(current, sent.id);
  const resource = applyReplaceRules(type, current, sent.resource);
  checkRequiredAttributes(type, resource);
  return withPassword(resource, sent.password);
}

function withPassword(resource: JsonObject, password: string | null | undefined): CanonicalBody {
  return password === undefined ? { resource } : { resource, password };
}
