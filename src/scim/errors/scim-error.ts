/** RFC 7644 §3.12 Table 9: the `scimType` values a 400 (or 409/413) error may carry. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/**
 * The one error type of the SCIM core. Code anywhere below the HTTP layer throws it; the HTTP layer alone turns
 * it into the Error schema response (RFC 7644 §3.12).
 */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ScimError';
  }
}

/** 400 invalidFilter: the filter syntax is invalid or the filter is not supported. */
export const invalidFilter = (detail: string): ScimError => new ScimError(400, 'invalidFilter', detail);
/** 400 invalidSyntax: the request body is not a valid SCIM message. */
export const invalidSyntax = (detail: string): ScimError => new ScimError(400, 'invalidSyntax', detail);
/** 400 invalidPath: a PATCH path is malformed or names no attribute. */
export const invalidPath = (detail: string): ScimError => new ScimError(400, 'invalidPath', detail);
/** 400 noTarget: a PATCH path with a filter matched nothing where something is required. */
export const noTarget = (detail: string): ScimError => new ScimError(400, 'noTarget', detail);
/** 400 invalidValue: a required value is missing or a value has the wrong type or form. */
export const invalidValue = (detail: string): ScimError => new ScimError(400, 'invalidValue', detail);
/** 400 mutability: an attempt to change a readOnly or immutable attribute. */
export const mutability = (detail: string): ScimError => new ScimError(400, 'mutability', detail);
/** 400 tooMany: the request would return or touch more resources than the server will process. */
export const tooMany = (detail: string): ScimError => new ScimError(400, 'tooMany', detail);
/** 400 without a scimType: a malformed request that none of the RFC's scimTypes describes. */
export const badRequest = (detail: string): ScimError => new ScimError(400, undefined, detail);
/** 401: missing or invalid credentials. */
export const unauthorized = (detail: string): ScimError => new ScimError(401, undefined, detail);
/** 403: authenticated but not allowed. */
export const forbidden = (detail: string): ScimError => new ScimError(403, undefined, detail);
/** 404: the resource or endpoint does not exist (for this organization). */
export const notFound = (detail: string): ScimError => new ScimError(404, undefined, detail);
/** 405: the endpoint exists but does not take this method. */
export const methodNotAllowed = (detail: string): ScimError => new ScimError(405, undefined, detail);
/** 409 uniqueness: a unique attribute's value is already taken. */
export const uniqueness = (detail: string): ScimError => new ScimError(409, 'uniqueness', detail);
/** 412: the If-Match precondition failed (RFC 7644 §3.14). */
export const preconditionFailed = (detail: string): ScimError => new ScimError(412, undefined, detail);
/** 413: the request body is larger than the server accepts. */
export const payloadTooLarge = (detail: string): ScimError => new ScimError(413, undefined, detail);
/** 415: the request body is not JSON. */
export const unsupportedMediaType = (detail: string): ScimError => new ScimError(415, undefined, detail);
/** 501: the operation is not implemented by this server (e.g. /Bulk). */
export const notImplemented = (detail: string): ScimError => new ScimError(501, undefined, detail);
