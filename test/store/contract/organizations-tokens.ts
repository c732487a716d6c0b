import { expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { ORG_A, ORG_B } from '../store-fixtures.js';

/** Organizations and bearer tokens. */
export function organizationsAndTokens(store: () => Store): void {
  it('creates, gets and lists organizations in creation order', async () => {
    expect(await store().getOrganization(ORG_A)).toEqual({ id: ORG_A, name: 'Org A', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await store().getOrganization('nope')).toBeUndefined();
    expect((await store().listOrganizations()).map((org) => org.id)).toEqual([ORG_A, ORG_B]);
  });

  it('stores tokens by id, lists them per org and revokes them once', async () => {
    const token = { id: 't1', orgId: ORG_A, secretHash: 'ab'.repeat(32), createdAt: '2026-01-03T00:00:00.000Z', revokedAt: null };
    await store().createToken(token);
    await store().createToken({ ...token, id: 't2', orgId: ORG_B });
    expect(await store().findToken('t1')).toEqual(token);
    expect(await store().findToken('missing')).toBeUndefined();
    expect((await store().listTokens(ORG_A)).map((t) => t.id)).toEqual(['t1']);
    expect(await store().revokeToken(ORG_B, 't1', '2026-01-04T00:00:00.000Z')).toBe(false);
    expect(await store().revokeToken(ORG_A, 't1', '2026-01-04T00:00:00.000Z')).toBe(true);
    expect((await store().findToken('t1'))?.revokedAt).toBe('2026-01-04T00:00:00.000Z');
  });
}
