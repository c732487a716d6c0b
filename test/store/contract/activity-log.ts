import { expect, it } from 'vitest';
import type { ActivityEntry, Store } from '../../../src/store/store.js';
import { ORG_A, ORG_B } from '../store-fixtures.js';

function entry(requestId: string, at: string, orgId = ORG_A): ActivityEntry {
  return {
    orgId,
    requestId,
    at,
    method: 'PATCH',
    path: '/Users/u1',
    status: 200,
    durationMs: 1.5,
    idp: 'entra',
    userAgent: null,
    quirks: ['capitalised-patch-op', 'string-boolean'],
    ignored: ['urn:x:custom'],
  };
}

/** The activity log: what each request did and which IdP quirks it needed. */
export function activityLog(store: () => Store): void {
  it('appends entries and lists one organization newest first', async () => {
    await store().appendActivity([entry('r1', '2026-03-01T00:00:01.000Z'), entry('r2', '2026-03-01T00:00:02.000Z')], '2026-01-01T00:00:00.000Z');
    await store().appendActivity([entry('r3', '2026-03-01T00:00:03.000Z', ORG_B)], '2026-01-01T00:00:00.000Z');
    const listed = await store().listActivity(ORG_A, 10);
    expect(listed.map((e) => e.requestId)).toEqual(['r2', 'r1']);
    expect(listed[0]).toEqual(entry('r2', '2026-03-01T00:00:02.000Z'));
    expect((await store().listActivity(ORG_A, 1)).map((e) => e.requestId)).toEqual(['r2']);
  });

  it('drops entries older than the retention point', async () => {
    await store().appendActivity([entry('old', '2026-01-01T00:00:00.000Z')], '2025-01-01T00:00:00.000Z');
    await store().appendActivity([entry('new', '2026-03-01T00:00:00.000Z')], '2026-02-01T00:00:00.000Z');
    expect((await store().listActivity(ORG_A, 10)).map((e) => e.requestId)).toEqual(['new']);
  });
}
