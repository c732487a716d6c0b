import type { ResourceTypeName } from '../scim/schema/resource-types.js';
import type { Organization, Store } from '../store/store.js';

/** Rows read from the source and written to the target per transaction: memory stays bounded by one page. */
const COPY_PAGE_SIZE = 500;

/** A copy that stopped part-way: which organization it was copying, and why. */
export class PartialCopyError extends Error {
  constructor(
    readonly orgId: string,
    cause: unknown,
  ) {
    super(`copying organization '${orgId}' failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PartialCopyError';
  }
}

async function copyResources(source: Store, target: Store, orgId: string, type: ResourceTypeName): Promise<void> {
  for (let afterSeq = 0; ; ) {
    const page = await source.exportResources(orgId, type, afterSeq, COPY_PAGE_SIZE);
    if (page.length === 0) return;
    await target.importResources(orgId, type, page);
    afterSeq = page[page.length - 1]!.seq;
  }
}

async function copyMemberships(source: Store, target: Store, orgId: string): Promise<void> {
  let after: string | undefined;
  do {
    const page = await source.exportMemberships(orgId, after, COPY_PAGE_SIZE);
    await target.importMemberships(orgId, page.memberships);
    after = page.next;
  } while (after !== undefined);
}

/** One organization: its row and tokens, its users, its groups, then memberships (which need every group). */
async function copyOrganization(source: Store, target: Store, org: Organization): Promise<void> {
  await target.createOrganization(org);
  // Tokens are few per organization (one per IdP connection), so one list is bounded too.
  for (const token of await source.listTokens(org.id)) await target.createToken(token);
  await copyResources(source, target, org.id, 'User');
  await copyResources(source, target, org.id, 'Group');
  await copyMemberships(source, target, org.id);
}

/**
 * Copies every organization of `source` into `target` as it is (ids, meta, versions, password and token hashes,
 * member order), 500 rows per transaction, in the source's order. Throws PartialCopyError on a failure:
 * what was written stays written, so the target then holds a partial copy.
 */
export async function copyDeployment(
  source: Store,
  target: Store,
  onOrganization: (org: Organization) => void = () => undefined,
): Promise<Organization[]> {
  const orgs = await source.listOrganizations();
  for (const org of orgs) {
    onOrganization(org);
    try {
      await copyOrganization(source, target, org);
    } catch (error) {
      throw new PartialCopyError(org.id, error);
    }
  }
  return orgs;
}
