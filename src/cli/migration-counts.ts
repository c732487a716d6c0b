import type { Organization, OrganizationCounts, Store } from '../store/store.js';

/** One organization's counts on both sides of a migration. */
export interface OrganizationComparison {
  readonly id: string;
  readonly name: string;
  readonly source: OrganizationCounts;
  readonly target: OrganizationCounts;
  readonly matches: boolean;
}

/** What `roster migrate` checked after copying: the organizations on each side and each one's counts. */
export interface MigrationCounts {
  readonly organizations: { readonly source: number; readonly target: number };
  readonly counts: readonly OrganizationComparison[];
  readonly matches: boolean;
}

/** The kinds counted, in the order reports show them. */
export const COUNTED_KINDS: readonly (keyof OrganizationCounts)[] = ['users', 'groups', 'memberships', 'tokens'];

const sameCounts = (a: OrganizationCounts, b: OrganizationCounts): boolean => COUNTED_KINDS.every((kind) => a[kind] === b[kind]);

/**
 * Counts, independently on each side (SQL COUNT, not what the copy believes it wrote), the organizations and
 * each copied organization's users, groups, memberships and tokens.
 */
export async function compareCounts(source: Store, target: Store, orgs: readonly Organization[]): Promise<MigrationCounts> {
  const counts: OrganizationComparison[] = [];
  for (const org of orgs) {
    const [before, after] = await Promise.all([source.countOrganization(org.id), target.countOrganization(org.id)]);
    counts.push({ id: org.id, name: org.name, source: before, target: after, matches: sameCounts(before, after) });
  }
  const organizations = {
    source: (await source.listOrganizations()).length,
    target: (await target.listOrganizations()).length,
  };
  const matches = organizations.source === organizations.target && counts.every((org) => org.matches);
  return { organizations, counts, matches };
}
