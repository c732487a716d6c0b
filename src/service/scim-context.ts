import type { ListLimits } from '../scim/list/list-request.js';
import type { QuirkLog } from '../scim/compat/quirk.js';
import type { CanonicalizeReport } from '../scim/resource/attribute-value.js';
import type { Store } from '../store/store.js';

/** What every SCIM operation of one request needs: the organization, its store, its URLs and limits. */
export interface ScimContext {
  readonly store: Store;
  readonly orgId: string;
  /** The organization's SCIM base URL, e.g. `https://scim.example.com/scim/v2/<orgId>`. */
  readonly baseUrl: string;
  readonly limits: ListLimits;
  /** The current instant as an ISO string (passed in so tests control time). */
  readonly now: () => string;
  /** A new resource id. */
  readonly newId: () => string;
  /** Collects what canonicalisation ignored, for the request's log line. */
  readonly report: CanonicalizeReport;
  /** Collects the IdP quirks normalised to accept this request, for the activity log. */
  readonly quirks: QuirkLog;
}

/** The `attributes` / `excludedAttributes` parameters of a request (RFC 7644 §3.9), as sent. */
export interface ProjectionParams {
  readonly attributes?: string;
  readonly excludedAttributes?: string;
}
