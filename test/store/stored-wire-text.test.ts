import { describe, expect, it } from 'vitest';
import { parseProjection } from '../../src/scim/resource/attribute-projection.js';
import { newReport } from '../../src/scim/resource/attribute-value.js';
import { readBodyAttributes } from '../../src/scim/resource/body-attributes.js';
import type { JsonObject, JsonValue } from '../../src/scim/resource/json.js';
import { toWireResource } from '../../src/scim/resource/wire-resource.js';
import type { AttributeDefinition } from '../../src/scim/schema/attribute-definition.js';
import type { ResourceType } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { GROUP_LAYOUT, USER_LAYOUT, type ResourceLayout } from '../../src/store/resource-layout.js';
import { elementsInReadOrder, fromRecord, toRecord } from '../../src/store/resource-rows.js';
import { withManagerNames } from '../../src/service/manager-display.js';
import { references, type ReferenceRow } from '../../src/store/sql/sql-row-assembly.js';
import type { TextAroundManager } from '../../src/store/store.js';
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
  // A read returns child rows ORDER BY attr, position (attribute keys are ASCII: byte and code-unit order agree).
  return { columns: record.columns, data: JSON.stringify(record.data), version, elements: elementsInReadOrder(record.elements), derived };
}

type Names = ReadonlyMap<string, string>;
const NO_NAMES: Names = new Map();

/**
 * The long way: rebuild the resource, add its derived references, fill the manager's displayName from `names`
 * (the service's withManagerNames), wire form under the default projection.
 */
function longWay(layout: ResourceLayout, row: StoredRowText, baseUrl = BASE, names = NO_NAMES): string {
  const resource = fromRecord(layout, { ...row, data: JSON.parse(row.data) as JsonObject });
  if (row.derived.length > 0) resource[layout.derived] = references(row.derived);
  const [filled] = withManagerNames([resource], names);
  return JSON.stringify(toWireResource(layout.type, filled!, baseUrl, parseProjection(layout.type, undefined, undefined)));
}

/** The spliced text as the service completes it: the manager's displayName member between head and tail. */
function completed(spliced: string | TextAroundManager, names = NO_NAMES): string {
  if (typeof spliced === 'string') return spliced;
  const name = names.get(spliced.managerId);
  return `${spliced.head}${name === undefined ? '' : `,"displayName":${JSON.stringify(name)}`}${spliced.tail}`;
}

function splicedText(layout: ResourceLayout, row: StoredRowText, baseUrl = BASE, names = NO_NAMES): string {
  const spliced = storedWireText(layout, baseUrl)(row);
  expect(spliced).toBeDefined();
  return completed(spliced!, names);
}

function expectSameText(layout: ResourceLayout, row: StoredRowText, baseUrl = BASE, names = NO_NAMES): void {
  expect(splicedText(layout, row, baseUrl, names)).toBe(longWay(layout, row, baseUrl, names));
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
      if (definition.name !== 'manager') fill(extension, definition);
      // The write path takes a manager only with a non-empty value; a $ref sent with it is stored as sent.
      else if (next() < 0.5) {
        const value = `${pick(next, TRICKY)}${Math.floor(next() * 1e6)}`;
        extension['manager'] = next() < 0.3 ? { value, $ref: `https://idp.example.com/u/${value}` } : { value };
      }
    }
    body[schema.id] = extension;
  }
  return body;
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
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
    const parsed = JSON.parse(splicedText(USER_LAYOUT, row)) as JsonObject;
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
      expect((JSON.parse(splicedText(USER_LAYOUT, row)) as JsonObject)[URN.teamsUser]).toEqual({ teams: ['Red', 'Blue "B"'] });
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

  it('gives a user with a manager around the manager displayName the service fills, as the long way does', () => {
    const names: Names = new Map([
      ['boss-1', 'Boss "One" Müller'],
      ['boss-"2"\\', 'Boss Two'],
    ]);
    const managers: JsonObject[] = [
      { value: 'boss-1' },
      { value: 'boss-"2"\\', $ref: 'https://idp.example.com/Users/boss-2' },
      { value: 'nobody-known' },
    ];
    for (const manager of managers) {
      const row = storedRow(USER_LAYOUT, {
        userName: 'managed',
        title: '"manager"',
        [URN.enterpriseUser]: { department: 'Ops', manager, costCenter: 'CC 1' },
      });
      const spliced = storedWireText(USER_LAYOUT, BASE)(row);
      expect(spliced).toMatchObject({ managerId: manager['value'] });
      expectSameText(USER_LAYOUT, row, BASE, names);
      const wire = JSON.parse(completed(spliced!, names)) as JsonObject;
      expect((wire[URN.enterpriseUser] as JsonObject)['manager']).toEqual({
        value: manager['value'],
        $ref: `${BASE}/Users/${String(manager['value'])}`,
        ...(names.has(String(manager['value'])) ? { displayName: names.get(String(manager['value'])) } : {}),
      });
    }
  });

  it('leaves a manager stored in another shape to the long way', () => {
    const user = storedRow(USER_LAYOUT, { userName: 'u' });
    const enterprise = JSON.stringify(URN.enterpriseUser);
    for (const data of [
      `{${enterprise}:{"manager":{"value":"b","displayName":"Old"}}}`,
      `{${enterprise}:{"manager":{"$ref":"x","value":"b"}}}`,
      `{"manager":{"value":"b"}}`,
    ]) {
      expect(storedWireText(USER_LAYOUT, BASE)({ ...user, data }), data).toBeUndefined();
    }
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
    let managed = 0;
    for (let seed = 1; seed <= 600; seed += 1) {
      const next = random(seed);
      const layout = seed % 5 === 0 ? GROUP_LAYOUT : USER_LAYOUT;
      const derived = GROUPS.slice(0, Math.floor(next() * 4)).map((group) =>
        layout === GROUP_LAYOUT ? { ...group, type: next() < 0.5 ? 'User' : 'Group' } : group,
      );
      const row = storedRow(layout, randomBody(layout.type, next), derived, seed);
      const text = storedWireText(layout, BASE)(row);
      const managerId = typeof text === 'object' ? text.managerId : undefined;
      const names: Names = managerId !== undefined && next() < 0.7 ? new Map([[managerId, pick(next, TRICKY)]]) : NO_NAMES;
      if (text === undefined) {
        // Only a text the projection may change sends a row the long way (here: 'annullment {} []', empty values).
        const stored = [row.data, ...row.elements.map((element) => element.element)].join();
        expect(['{}', '[]', 'null'].some((pattern) => stored.includes(pattern)), `seed ${seed}`).toBe(true);
        continue;
      }
      spliced += 1;
      if (managerId !== undefined) managed += 1;
      expect(completed(text, names), `seed ${seed}`).toBe(longWay(layout, row, BASE, names));
    }
    expect(spliced).toBeGreaterThan(150);
    expect(managed).toBeGreaterThan(10);
  });
});
