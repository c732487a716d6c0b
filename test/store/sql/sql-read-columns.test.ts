import { describe, expect, it } from 'vitest';
import { GROUP_LAYOUT, USER_LAYOUT } from '../../../src/store/resource-layout.js';
import { fromRecord, toRecord } from '../../../src/store/resource-rows.js';
import { readColumnsOf } from '../../../src/store/sql/sql-read-columns.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const user = {
  id: 'u1',
  externalId: 'e1',
  userName: 'Bjensen',
  displayName: 'Babs Jensen',
  active: true,
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: 'b@example.com', type: 'work', primary: true }],
  [URN.enterpriseUser]: { employeeNumber: '7' },
  meta: { resourceType: 'User', created: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-02T00:00:00.000Z' },
};

/** A row as the table holds it: every column, including the folded and sort copies and the password hash. */
function fullRow(): Record<string, unknown> {
  const record = toRecord(USER_LAYOUT, user);
  return { seq: 1, org_id: 'o1', version: 3, data: record.data, password_hash: 'hash', ...record.columns };
}

describe('readColumnsOf', () => {
  it('leaves out the folded copies, the sort copy and the password hash', () => {
    const columns = readColumnsOf(USER_LAYOUT);
    expect(columns).not.toContain('user_name_fold');
    expect(columns).not.toContain('display_name_fold');
    expect(columns).not.toContain('family_name');
    expect(columns).not.toContain('family_name_fold');
    expect(columns).not.toContain('password_hash');
    expect(readColumnsOf(GROUP_LAYOUT)).not.toContain('display_name_fold');
  });

  it('keeps every column a resource is rebuilt from: the same resource as from the whole row', () => {
    const row = fullRow();
    const elements = toRecord(USER_LAYOUT, user).elements;
    const readOnly = Object.fromEntries(readColumnsOf(USER_LAYOUT).map((column) => [column, row[column]]));
    const rebuild = (columns: Record<string, unknown>) =>
      fromRecord(USER_LAYOUT, { columns, data: toRecord(USER_LAYOUT, user).data, version: 3, elements });
    expect(rebuild(readOnly)).toEqual(rebuild(row));
    expect(rebuild(readOnly)['userName']).toBe('Bjensen');
    expect(rebuild(readOnly)['meta']).toMatchObject({ created: user.meta.created, lastModified: user.meta.lastModified });
  });
});
