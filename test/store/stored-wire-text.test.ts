import { describe, expect, it } from 'vitest';
import { parseProjection } from '../../src/scim/resource/attribute-projection.js';
import { newReport } from '../../src/scim/resource/attribute-value.js';
import { readBodyAttributes } from '../../src/scim/resource/body-attributes.js';
import type { JsonObject, JsonValue } from '../../src/scim/resource/json.js';
import { toWireResource } from '../../src/scim/resource/wire-resource.js';
import type { AttributeDefinition } from '../../src/scim/schema/attribute-definition.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, type ResourceType } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { GROUP_LAYOUT, USER_LAYOUT, type ResourceLayout } from '../../src/store/resource-layout.js';
import { fromRecord, toRecord } from '../../src/store/resource-rows.js';
import { references, type ReferenceRow } from '../../src/store/sql/sql-row-assembly.js';
import { storedWireText, type StoredRowText } from '../../src/store/stored-wire-text.js';
import { random } from './filter-differential-data.js';

const BASE = 'https://roster.example.com/scim/v2/org-1';
const CREATED = '2026-12-01T10:00:00.000Z';
const MODIFIED = '2026-12-02T11:30:00.000Z';

/** What a store keeps for `body` written through the write path's canonicalisation, as a read gets it back. */
function storedRow(layout: ResourceLayout, body: JsonObject, derived: readonly ReferenceRow[] = [], version = 3): StoredRowText {
  const canonical = readBodyAttributes(layout.type, body, newReport()).resource;
  const resource = { ...canonical, id: 'id-"1"', meta: { resourceType: layout.type.name, created: CREATED, lastModified: MODIFIED } };
  const record = toRecord(layout, resource);
  // A read returns child rows ORDER BY attr, position (SQLite's BINARY order: code units, as `<` compares them).
  const elements = [...record.elements].sort((a, b) => (a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : a.position - b.position));
  return { columns: record.columns, data: JSON.stringify(record.data), version, elements, derived };
}

/** The long way: rebuild the resource, add its derived references, wire form under the default projection. */
function longWay(layout: ResourceLayout, row: StoredRowText, baseUrl = BASE): string {
  const resource = fromRecord(layout, { ...row, data: JSON.parse(row.data) as JsonObject });
  if (row.derived.length > 0) resource[layout.derived] = references(row.derived);
  return JSON.stringify(toWireResource(layout.type, resource, baseUrl, parseProjection(layout.type, undefined, undefined)));
}

function expectSameText(layout: ResourceLayout, row: StoredRowText, baseUrl = BASE): void {
  const spliced = storedWireText(layout, baseUrl)(row);
  expect(spliced).toBeDefined();
  expect(spliced).toBe(longWay(layout, row, baseUrl));
}

const TRICKY = [
  'plain',
  'with "quotes" and \\backslashes\\',
  'tab\tnew\nline\r',
  'ünïcödé Müller García',
  'emoji 😀 and a lone \ud800 surrogate',
  '</script><b>',
  'line\u2028separator\u2029',
  'control \u0001 \u001f',
  '"manager"',
  `"${URN.enterpriseUser}":{`,
  'annullment {} []',
  '',
];

function valueFor(definition: AttributeDefinition, next: () => number, index: number): JsonValue | undefined {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  if (definition.mutability === 'readOnly' || definition.returned === 'never') return undefined;
  switch (definition.type) {
    case 'boolean':
      return definition.name === 'primary' ? index === 0 && next() < 0.5 : next() < 0.5;
    case 'reference':
      return `https://cdn.example.com/${pick(TRICKY).replace(/[^a-z]/gi, '')}`;
    case 'binary':
      return Buffer.from(pick(TRICKY)).toString('base64');
    case 'complex': {
      const value: JsonObject = {};
      for (const sub of definition.subAttributes ?? []) {
        if (next() < 0.4) continue;
        const subValue = sub.canonicalValues?.length ? pick(sub.canonicalValues) : valueFor(sub, next, index);
        if (subValue !== undefined) value[sub.name] = subValue;
      }
      return value;
    }
    default:
      return pick(TRICKY);
  }
}

/** A body with a random selection of every writable attribute of `type`, of the types its schemas give. */
function randomBody(type: ResourceType, next: () => number): JsonObject {
  const body: JsonObject = { schemas: [type.schema.id] };
  const fill = (target: JsonObject, definition: AttributeDefinition): void => {
    if (next() < 0.3) return;
    if (!definition.multiValued) {
      const value = valueFor(definition, next, 0);
      if (value !== undefined) target[definition.name] = value;
      return;
    }
    const count = Math.floor(next() * 4);
    const items = Array.from({ length: count }, (_, index) => valueFor(definition, next, index)).filter(
      (item): item is JsonValue => item !== undefined,
    );
    if (items.length > 0) target[definition.name] = items;
  };
  // Members are not stored with the group (the store's group_members table holds them): derived here.
  for (const definition of type.schema.attributes) if (definition.name !== 'members') fill(body, definition);
  body['userName'] = `user-${Math.floor(next() * 1e9)}`;
  if (type.id === 'Group') body['displayName'] = `group-${Math.floor(next() * 1e9)}`;
  if (next() < 0.7) body['externalId'] = `ext-${Math.floor(next() * 1e9)}`;
  for (const { schema } of type.extensions) {
    if (next() < 0.4) continue;
    const extension: JsonObject = {};
    for (const definition of schema.attributes) {
      // A manager always takes the long way (its displayName is the service's to fill): tested apart.
      if (definition.name !== 'manager') fill(extension, definition);
    }
    body[schema.id] = extension;
  }
  return body;
}

const GROUPS: ReferenceRow[] = [
  { value: 'g-1', display: 'Engineering "core"', type: 'direct' },
  { value: 'g-2', display: null, type: 'direct' },
  { value: 'g-3', display: 'Everyone ünïcödé', type: 'indirect' },
  { value: 'g-"4"\\', display: 'quoted id', type: 'direct' },
];

describe('storedWireText: the default wire form spliced from stored texts (docs/performance.md)', () => {
  it('gives the bench user (name, two emails, enterprise fields, groups) byte for byte as the long way does', () => {
    const row = storedRow(
      USER_LAYOUT,
      {
        userName: 'user1@bench.example.com',
        externalId: 'ext-user-1',
        name: { givenName: 'Given1', familyName: 'Jensen1' },
        displayName: 'Bench User 1',
        active: true,
        emails: [
          { value: 'user1@bench.example.com', type: 'work', primary: true },
          { value: 'user1@home.example.org', type: 'home' },
        ],
        [URN.enterpriseUser]: { employeeNumber: '100001', department: 'Dept 1' },
      },
      GROUPS,
    );
    expectSameText(USER_LAYOUT, row);
    const parsed = JSON.parse(storedWireText(USER_LAYOUT, BASE)(row)!) as JsonObject;
    expect(parsed['schemas']).toEqual([URN.user, URN.enterpriseUser]);
    expect(parsed['meta']).toEqual({
      resourceType: 'User',
      created: CREATED,
      lastModified: MODIFIED,
      location: `${BASE}/Users/id-"1"`,
      version: 'W/"3"',
    });
  });

  it('places the teams extension made from child rows, with or without other extensions, where the long way does', () => {
    for (const extras of [{}, { [URN.enterpriseUser]: { costCenter: 'CC 7' } }] as JsonObject[]) {
      const body: JsonObject = { userName: 'teams@example.com', active: false, [URN.teamsUser]: { teams: ['Red', 'Blue "B"'] }, ...extras };
      const row = storedRow(USER_LAYOUT, body);
      expectSameText(USER_LAYOUT, row);
      expect((JSON.parse(storedWireText(USER_LAYOUT, BASE)(row)!) as JsonObject)[URN.teamsUser]).toEqual({ teams: ['Red', 'Blue "B"'] });
    }
  });

  it('gives a user with only a userName, and a base URL with a trailing slash, as the long way does', () => {
    expectSameText(USER_LAYOUT, storedRow(USER_LAYOUT, { userName: 'bare' }), `${BASE}/`);
  });

  it('gives groups with members of both types (and of an unknown type, left without $ref) as the long way does', () => {
    const members: ReferenceRow[] = [
      { value: 'u-1', display: 'Ann', type: 'User' },
      { value: 'g-9', display: null, type: 'Group' },
      { value: 'x-1', display: 'odd', type: 'Device' },
    ];
    expectSameText(GROUP_LAYOUT, storedRow(GROUP_LAYOUT, { displayName: 'Ops "on call"', externalId: 'e-7' }, members));
    expectSameText(GROUP_LAYOUT, storedRow(GROUP_LAYOUT, { displayName: 'Empty' }));
  });

  it('leaves a user with a manager to the long way, which fills the manager displayName', () => {
    const row = storedRow(USER_LAYOUT, { userName: 'managed', [URN.enterpriseUser]: { manager: { value: 'boss-1' } } });
    expect(row.data).toContain('"manager"');
    expect(storedWireText(USER_LAYOUT, BASE)(row)).toBeUndefined();
  });

  it('leaves rows the projection would change to the long way: an empty object, a null, an element with both', () => {
    const user = storedRow(USER_LAYOUT, { userName: 'u' });
    for (const data of ['{"name":{}}', '{"title":null}', `{"${URN.enterpriseUser}":{}}`]) {
      expect(storedWireText(USER_LAYOUT, BASE)({ ...user, data })).toBeUndefined();
    }
    const emptyElement = { ...user, elements: [{ attr: 'emails', element: '{}' }] };
    expect(storedWireText(USER_LAYOUT, BASE)(emptyElement)).toBeUndefined();
    expect(longWay(USER_LAYOUT, emptyElement)).not.toContain('"emails"');
  });

  it('leaves an extension whose attributes are split between data and child rows to the long way, which merges them', () => {
    const row = storedRow(USER_LAYOUT, { userName: 'u', [URN.teamsUser]: { teams: ['A'] } });
    const split = { ...row, data: `{"${URN.teamsUser}":{"future":"x"}}` };
    expect(storedWireText(USER_LAYOUT, BASE)(split)).toBeUndefined();
  });

  it('agrees with the long way on 600 random users and groups written through the write path', () => {
    let spliced = 0;
    for (let seed = 1; seed <= 600; seed += 1) {
      const next = random(seed);
      const layout = seed % 5 === 0 ? GROUP_LAYOUT : USER_LAYOUT;
      const derived = GROUPS.slice(0, Math.floor(next() * 4)).map((group) =>
        layout === GROUP_LAYOUT ? { ...group, type: next() < 0.5 ? 'User' : 'Group' } : group,
      );
      const row = storedRow(layout, randomBody(layout.type, next), derived, seed);
      const text = storedWireText(layout, BASE)(row);
      if (text === undefined) {
        // Only a text the projection may change sends a row the long way (here: 'annullment {} []', empty values).
        const stored = [row.data, ...row.elements.map((element) => element.element)].join();
        expect(['{}', '[]', 'null'].some((pattern) => stored.includes(pattern)), `seed ${seed}`).toBe(true);
        continue;
      }
      spliced += 1;
      expect(text, `seed ${seed}`).toBe(longWay(layout, row));
    }
    expect(spliced).toBeGreaterThan(150);
  });
});
