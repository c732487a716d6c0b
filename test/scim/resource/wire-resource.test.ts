import { describe, expect, it } from 'vitest';
import { parseProjection } from '../../../src/scim/resource/attribute-projection.js';
import type { JsonObject } from '../../../src/scim/resource/json.js';
import { toWireResource } from '../../../src/scim/resource/wire-resource.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../../src/scim/schema/resource-types.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const BASE = 'https://roster.example/scim/v2/o1';
const meta = { resourceType: 'User', created: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-02T00:00:00.000Z', version: 'W/"2"' };

describe('toWireResource', () => {
  it('puts schemas, id, externalId first and meta (with location) last', () => {
    const stored: JsonObject = { meta, userName: 'a', externalId: 'e1', active: true, id: 'u1' };
    const wire = toWireResource(USER_RESOURCE_TYPE, stored, BASE, {});
    expect(Object.keys(wire)).toEqual(['schemas', 'id', 'externalId', 'userName', 'active', 'meta']);
    expect(wire['meta']).toEqual({ ...meta, location: `${BASE}/Users/u1` });
    expect(Object.keys(wire['meta'] as JsonObject)).toEqual(['resourceType', 'created', 'lastModified', 'location', 'version']);
  });

  it.each<{ name: string; stored: JsonObject; schemas: string[] }>([
    { name: 'core only without extension values', stored: { id: 'u1', userName: 'a' }, schemas: [URN.user] },
    { name: 'an empty extension object does not count', stored: { id: 'u1', userName: 'a', [URN.enterpriseUser]: {} }, schemas: [URN.user] },
    {
      name: 'each extension with values, in resource-type order',
      stored: { id: 'u1', userName: 'a', [URN.teamsUser]: { teams: ['t'] }, [URN.enterpriseUser]: { department: 'd' } },
      schemas: [URN.user, URN.enterpriseUser, URN.teamsUser],
    },
    { name: 'a stored schemas member is recomputed', stored: { id: 'u1', schemas: ['urn:stale'], userName: 'a' }, schemas: [URN.user] },
  ])('schemas (RFC 7643 §3): $name', ({ stored, schemas }) => {
    expect(toWireResource(USER_RESOURCE_TYPE, stored, BASE, {})['schemas']).toEqual(schemas);
  });

  it('adds $ref to group members by their type, and location at /Groups', () => {
    const group: JsonObject = {
      id: 'g1',
      displayName: 'Admins',
      members: [
        { value: 'u1', display: 'Ann', type: 'User' },
        { value: 'g2', display: 'Ops', type: 'Group' },
      ],
      meta: { resourceType: 'Group' },
    };
    const wire = toWireResource(GROUP_RESOURCE_TYPE, group, `${BASE}/`, {});
    expect(wire['members']).toEqual([
      { value: 'u1', $ref: `${BASE}/Users/u1`, display: 'Ann', type: 'User' },
      { value: 'g2', $ref: `${BASE}/Groups/g2`, display: 'Ops', type: 'Group' },
    ]);
    expect(wire['meta']).toEqual({ resourceType: 'Group', location: `${BASE}/Groups/g1` });
  });

  it("adds $ref to a user's groups and to the manager", () => {
    const stored: JsonObject = {
      id: 'u1',
      userName: 'a',
      groups: [{ value: 'g1', display: 'Admins', type: 'direct' }],
      [URN.enterpriseUser]: { manager: { value: 'm1', displayName: 'Boss' } },
    };
    const wire = toWireResource(USER_RESOURCE_TYPE, stored, BASE, {});
    expect(wire['groups']).toEqual([{ value: 'g1', $ref: `${BASE}/Groups/g1`, display: 'Admins', type: 'direct' }]);
    expect(wire[URN.enterpriseUser]).toEqual({ manager: { value: 'm1', $ref: `${BASE}/Users/m1`, displayName: 'Boss' } });
  });

  it('applies the projection last, keeping schemas and id', () => {
    const stored: JsonObject = { id: 'u1', userName: 'a', displayName: 'A', meta };
    const wire = toWireResource(USER_RESOURCE_TYPE, stored, BASE, parseProjection(USER_RESOURCE_TYPE, 'meta.location', undefined));
    expect(wire).toEqual({ schemas: [URN.user], id: 'u1', meta: { location: `${BASE}/Users/u1` } });
  });

  it('never sends a password even if one reached it', () => {
    const wire = toWireResource(USER_RESOURCE_TYPE, { id: 'u1', userName: 'a', password: 'x' }, BASE, {});
    expect(wire).not.toHaveProperty('password');
  });
});
