import { invalidValue } from '../errors/scim-error.js';

/** The server's paging limits (configuration). */
export interface ListLimits {
  readonly maxResults: number;
  readonly defaultCount: number;
}

/**
 * RFC 7644 §3.4.2.4: `startIndex` is 1-based; a value below 1 is interpreted as 1. One past any list there can
 * be (a `startIndex=1e20`) is interpreted as the largest exact integer: an empty page, as for any index past the
 * end, instead of an offset no database takes.
 */
export function boundStartIndex(startIndex: number | undefined): number {
  if (startIndex === undefined || startIndex < 1) return 1;
  return Math.min(startIndex, Number.MAX_SAFE_INTEGER);
}

/**
 * RFC 7644 §3.4.2.4: a negative `count` is interpreted as 0; above `maxResults` the server returns at most
 * `maxResults` (§4 `filter.maxResults`); absent means the server's default page size.
 */
export function boundCount(count: number | undefined, limits: ListLimits): number {
  const wanted = count ?? limits.defaultCount;
  return Math.min(Math.max(wanted, 0), limits.maxResults);
}

/** A query-string integer (`startIndex=10`), or 400 invalidValue naming the parameter. */
export function integerParameter(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) throw invalidValue(`'${name}' must be an integer, got ${JSON.stringify(text)}`);
  return Number(trimmed);
}
