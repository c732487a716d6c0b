import type { BoundFilter } from '../scim/filter/filter-ast.js';
import type { JsonObject } from '../scim/resource/json.js';
import type { ResolvedAttribute } from '../scim/schema/attribute-resolver.js';
import type { ResourceTypeName } from '../scim/schema/resource-types.js';

/** A tenant: one customer organization with its own SCIM base URL and its own data. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

/** A bearer token's stored record: only the hash of the secret is kept. */
export interface TokenRecord {
  readonly id: string;
  readonly orgId: string;
  /** hex SHA-256 of the secret part of the token */
  readonly secretHash: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/**
 * A SCIM resource in canonical form: canonical attribute names, extension attributes under their schema URN
 * key, `meta` with resourceType/created/lastModified/version (never `location`, which depends on the public
 * URL and is added by the HTTP layer). Never contains `password`.
 */
export type ScimResource = JsonObject;

/** Which derived, potentially large parts of a resource a read must load. */
export interface ReadOptions {
  /** Load Group.members (skip when the client excluded them: a group may have 100k members). */
  readonly members: boolean;
  /** Load User.groups (derived from memberships, direct and indirect). */
  readonly groups: boolean;
}

/** A change to a group's membership, applied as a delta: cost O(k) in the members named, never O(group). */
export type MemberOperation =
  | { readonly op: 'add'; readonly members: readonly { readonly value: string }[] }
  | { readonly op: 'remove'; readonly values: readonly string[] }
  | { readonly op: 'removeAll' }
  /** Remove the members matching a filter bound to `members` sub-attributes (value, display, type). */
  | { readonly op: 'removeWhere'; readonly filter: BoundFilter };

/** What a mutation computed from the current state: the new resource and, for groups, membership deltas. */
export interface MutationResult {
  /** The new resource (without Group.members, without User.groups, without meta). */
  readonly resource: ScimResource;
  /** A new password hash, when the change sets one; `null` clears it; undefined leaves it as it is. */
  readonly passwordHash?: string | null;
  readonly memberOps?: readonly MemberOperation[];
}

/**
 * A pure, synchronous function from the current resource to its new state. It runs inside the store's
 * transaction, after the row is locked, so read-modify-write is atomic. It may throw a ScimError to abort.
 * For groups the current resource has no `members` (they are never loaded to be changed).
 */
export type Mutation = (current: ScimResource) => MutationResult;

/** A list request after parsing and binding (RFC 7644 §3.4.2). */
export interface ListQuery {
  readonly filter?: BoundFilter;
  /** 1-based. */
  readonly startIndex: number;
  /** 0 gives only the total. */
  readonly count: number;
  readonly sortBy?: ResolvedAttribute;
  readonly sortOrder: 'ascending' | 'descending';
  readonly read: ReadOptions;
}

export interface ListResult {
  readonly totalResults: number;
  readonly resources: readonly ScimResource[];
}

/**
 * A user's wire text but for its manager's `displayName` member (`,"displayName":…`), which the service fills
 * from the manager's record between `head` and `tail`, or leaves out when `managerId` names no user.
 */
export interface TextAroundManager {
  readonly head: string;
  readonly managerId: string;
  readonly tail: string;
}

/**
 * One resource of a page read for the wire (Store.listForWire): its default wire form as JSON text when the
 * store rendered it from what it keeps (for a user with a manager, the text around the manager's displayName,
 * which the service fills), else the resource, for the service to render.
 */
export type WireEntry = { readonly text: string } | TextAroundManager | { readonly resource: ScimResource };

export interface WireListResult {
  readonly totalResults: number;
  readonly entries: readonly WireEntry[];
}

/**
 * One SCIM request as the activity log keeps it: who sent it (the detected IdP), what it did, and which IdP
 * quirks and ignored attributes the server applied to accept it. Never holds bodies or credentials.
 */
export interface ActivityEntry {
  readonly orgId: string;
  readonly requestId: string;
  readonly at: string;
  readonly method: string;
  /** The path below the org's base URL, without the query string (it may carry filter values). */
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly idp: string;
  readonly userAgent: string | null;
  readonly quirks: readonly string[];
  readonly ignored: readonly string[];
}

/** Conditions on a write (RFC 7644 §3.14). */
export interface WriteConditions {
  /** The `meta.version` the client last saw (from If-Match); a mismatch is a 412. `*` matches any. */
  readonly ifMatch?: string;
}

/**
 * A resource as `roster migrate` copies it: everything the store keeps for it, including what reads never
 * return (the password hash) and what creates never accept (the version, so ETags clients hold stay valid).
 */
export interface ExportedResource {
  /** Position in the source's stable order: pass the last one as `afterSeq` to read the next page. */
  readonly seq: number;
  /** The canonical resource with `meta` (created, lastModified, version), without derived attributes. */
  readonly resource: ScimResource;
  /** Users only; always null for groups. */
  readonly passwordHash: string | null;
  /** The number behind `meta.version`. */
  readonly version: number;
}

/** One membership row: `value` is a member (user or group) of group `groupId`. */
export interface Membership {
  readonly groupId: string;
  readonly value: string;
  readonly type: ResourceTypeName;
}

/**
 * A page of an organization's memberships. The order is the adapter's own (each walks the index it has), but
 * always keeps each group's members in the order they were added.
 */
export interface MembershipPage {
  readonly memberships: readonly Membership[];
  /** Pass to the next call; undefined when this page was the last one. */
  readonly next?: string;
}

/** What an organization holds, by kind: the figures `roster migrate` compares on both sides. */
export interface OrganizationCounts {
  readonly users: number;
  readonly groups: number;
  readonly memberships: number;
  readonly tokens: number;
}

/**
 * The one storage interface. Every method is scoped to one organization: an id of another organization's
 * resource is simply not found. Every write is one transaction. Errors the client caused are thrown as
 * ScimError (uniqueness 409, not found 404, precondition 412, invalid member 400).
 */
export interface Store {
  /** Applies pending migrations. Safe to call at every start. */
  migrate(): Promise<void>;
  /** Closes connections. */
  close(): Promise<void>;

  createOrganization(org: Organization): Promise<Organization>;
  getOrganization(id: string): Promise<Organization | undefined>;
  listOrganizations(): Promise<Organization[]>;

  createToken(token: TokenRecord): Promise<void>;
  /** The token with this id, revoked or not. */
  findToken(id: string): Promise<TokenRecord | undefined>;
  listTokens(orgId: string): Promise<TokenRecord[]>;
  /** Marks the token revoked; false when the org has no such token. */
  revokeToken(orgId: string, tokenId: string, at: string): Promise<boolean>;

  /**
   * Inserts a resource. `resource` carries `id` and `meta` (created, lastModified, resourceType); the store
   * sets `meta.version`. Group `members` in it are inserted as memberships. Returns the stored resource.
   */
  createResource(
    orgId: string,
    type: ResourceTypeName,
    resource: ScimResource,
    passwordHash: string | null,
  ): Promise<ScimResource>;

  getResource(orgId: string, type: ResourceTypeName, id: string, read: ReadOptions): Promise<ScimResource | undefined>;

  /**
   * Each of `ids` that names a user of `orgId`, with the name a reference to that user shows: its displayName,
   * else its userName. One read for a page of managers, whatever their number.
   */
  userDisplayNames(orgId: string, ids: readonly string[]): Promise<Map<string, string>>;

  /**
   * Runs `mutation` on the current resource inside one transaction, writes its result, bumps `meta.version`
   * and sets `meta.lastModified` to `now`. Returns the stored resource, read with `read`.
   */
  updateResource(
    orgId: string,
    type: ResourceTypeName,
    id: string,
    mutation: Mutation,
    conditions: WriteConditions,
    now: string,
    read: ReadOptions,
  ): Promise<ScimResource>;

  /** Deletes a resource and every membership that names it. */
  deleteResource(orgId: string, type: ResourceTypeName, id: string, conditions: WriteConditions): Promise<void>;

  /** Filters, sorts and pages resources in the database (never in memory). */
  listResources(orgId: string, type: ResourceTypeName, query: ListQuery): Promise<ListResult>;

  /**
   * The same page for an answer under the default projection: a resource the store can render straight from the
   * JSON text it keeps comes as the text `JSON.stringify(toWireResource(…))` would give for `baseUrl`; the others
   * (one with a manager, whose displayName the service fills; a store that keeps parsed JSON) as resources.
   */
  listForWire(orgId: string, type: ResourceTypeName, query: ListQuery, baseUrl: string): Promise<WireListResult>;

  /**
   * Up to `limit` resources of the organization with `seq` above `afterSeq` (0 for the first page), in seq
   * order, for `roster migrate`: never loads more than one page.
   */
  exportResources(orgId: string, type: ResourceTypeName, afterSeq: number, limit: number): Promise<ExportedResource[]>;
  /**
   * Inserts exported resources as they are (ids, meta, version, password hash), in one transaction, in the
   * order given. Group members are not in them: import them with `importMemberships` once every group exists.
   */
  importResources(orgId: string, type: ResourceTypeName, rows: readonly ExportedResource[]): Promise<void>;
  /** Up to `limit` memberships of the organization after cursor `after` (undefined for the first page). */
  exportMemberships(orgId: string, after: string | undefined, limit: number): Promise<MembershipPage>;
  /** Appends memberships in the order given, in one transaction; a group that does not exist is an error. */
  importMemberships(orgId: string, memberships: readonly Membership[]): Promise<void>;
  /** How many users, groups, memberships and tokens the organization holds. */
  countOrganization(orgId: string): Promise<OrganizationCounts>;

  /** Appends entries to the activity log in one transaction and drops entries older than `retainSince`. */
  appendActivity(entries: readonly ActivityEntry[], retainSince: string): Promise<void>;
  /** The organization's most recent activity, newest first. */
  listActivity(orgId: string, limit: number): Promise<ActivityEntry[]>;
}
