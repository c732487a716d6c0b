import { invalidSyntax, tooMany } from '../errors/scim-error.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import { URN } from '../schema/schema-urns.js';

/** The three PATCH operations of RFC 7644 §3.5.2. */
export type PatchOpName = 'add' | 'replace' | 'remove';

/**
 * One operation of a PatchOp request, checked for shape only (paths and values are checked when applied).
 * `path` is as written; `value` is as sent, absent only on a remove (null is a value).
 */
export type PatchOperation =
  | { readonly op: 'add' | 'replace'; readonly path?: string; readonly value: JsonValue }
  | { readonly op: 'remove'; readonly path?: string; readonly value?: JsonValue };

/**
 * The most operations one PATCH may carry. Beyond it the request is refused with 400 tooMany: RFC 7644 defines
 * no PATCH limit, and tooMany ("more than the server is willing to process", §3.12) says what happened, where
 * invalidSyntax would wrongly call a well-formed request malformed.
 */
export const MAX_PATCH_OPERATIONS = 1000;

const OP_NAMES: readonly PatchOpName[] = ['add', 'replace', 'remove'];

/**
 * Reads a PatchOp message (RFC 7644 §3.5.2): `schemas` must contain the PatchOp URN and `Operations` must be a
 * non-empty array of operations, each with an `op` of add/replace/remove in any case (Entra sends `Replace`).
 * Anything else is 400 invalidSyntax.
 */
export function readPatchRequest(request: unknown): PatchOperation[] {
  if (!isJsonObject(request)) throw invalidSyntax('The PATCH body must be a JSON object (a PatchOp message)');
  checkSchemas(request['schemas']);
  const operations = request['Operations'];
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax("'Operations' must be a non-empty array of PATCH operations");
  }
  if (operations.length > MAX_PATCH_OPERATIONS) {
    throw tooMany(`A PATCH may carry at most ${MAX_PATCH_OPERATIONS} operations; this one has ${operations.length}`);
  }
  return operations.map((operation, index) => readOperation(operation, index));
}

function checkSchemas(schemas: JsonValue | undefined): void {
  const wanted = URN.patchOp.toLowerCase();
  const found = Array.isArray(schemas) && schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === wanted);
  if (!found) throw invalidSyntax(`'schemas' must be an array containing "${URN.patchOp}"`);
}

function readOperation(operation: JsonValue, index: number): PatchOperation {
  const where = `Operations[${index}]`;
  if (!isJsonObject(operation)) throw invalidSyntax(`${where} must be a JSON object`);
  const op = readOpName(operation, where);
  const path = operation['path'];
  if (path !== undefined && typeof path !== 'string') throw invalidSyntax(`${where}.path must be a string`);
  const at = path === undefined ? {} : { path };
  const value = operation['value'];
  if (op === 'remove') return value === undefined ? { op, ...at } : { op, ...at, value };
  // RFC 7644 §3.5.2.1 / §3.5.2.3: add and replace "MUST contain a value member".
  if (value === undefined) throw invalidSyntax(`${where} (${op}) must have a 'value'`);
  return { op, ...at, value };
}

function readOpName(operation: JsonObject, where: string): PatchOpName {
  const op = operation['op'];
  const name = typeof op === 'string' ? OP_NAMES.find((known) => known === op.toLowerCase()) : undefined;
  if (!name) throw invalidSyntax(`${where}.op must be "add", "replace" or "remove", not ${JSON.stringify(op ?? null)}`);
  return name;
}
