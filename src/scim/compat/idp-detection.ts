/** The identity providers Roster recognises in traffic. */
export type IdpName = 'okta' | 'entra' | 'onelogin' | 'jumpcloud' | 'unknown';

/** Entra's PATCH behaviour flag, appended by admins to the tenant URL (`?aadOptscim062020`). */
export type EntraPatchMode = 'compliant' | 'legacy';

/** What is known about the client of one request. */
export interface IdpContext {
  readonly idp: IdpName;
  /** Only for Entra: which PATCH dialect the tenant URL flag selects (default legacy). */
  readonly entraPatchMode?: EntraPatchMode;
}

/** The parts of a request that identify its sender. */
export interface RequestFingerprint {
  readonly userAgent?: string;
  /** The raw query string (without `?`), where Entra's flags live. */
  readonly rawQuery?: string;
  readonly body?: unknown;
}

const USER_AGENTS: readonly [RegExp, IdpName][] = [
  [/okta/i, 'okta'],
  [/azure|microsoft|aad|entra/i, 'entra'],
  [/onelogin/i, 'onelogin'],
  [/jumpcloud/i, 'jumpcloud'],
];

/**
 * Names the IdP behind a request from its User-Agent, the Entra flags in the URL and, failing those, the
 * shape of the body (capitalised PATCH ops are Entra's). Detection only labels the request for the log:
 * normalisation of known quirks never depends on it, because User-Agents are configurable and often absent.
 */
export function detectIdp(request: RequestFingerprint): IdpContext {
  const flags = new Set((request.rawQuery ?? '').split('&').map((part) => part.split('=')[0]?.toLowerCase()));
  const entraFlag = flags.has('aadoptscim062020') ? 'compliant' : flags.has('azureadscimpatch2017') ? 'legacy' : undefined;
  if (entraFlag) return { idp: 'entra', entraPatchMode: entraFlag };
  const byAgent = USER_AGENTS.find(([pattern]) => pattern.test(request.userAgent ?? ''))?.[1];
  if (byAgent === 'entra') return { idp: 'entra', entraPatchMode: 'legacy' };
  if (byAgent) return { idp: byAgent };
  if (hasCapitalisedPatchOp(request.body)) return { idp: 'entra', entraPatchMode: 'legacy' };
  return { idp: 'unknown' };
}

function hasCapitalisedPatchOp(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('Operations' in body)) return false;
  const operations = (body as { Operations: unknown }).Operations;
  return (
    Array.isArray(operations) &&
    operations.some((op: unknown) => {
      const name = typeof op === 'object' && op !== null ? (op as { op?: unknown }).op : undefined;
      return typeof name === 'string' && /^(Add|Replace|Remove)$/.test(name);
    })
  );
}
