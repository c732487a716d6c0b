import { describe, expect, it } from 'vitest';
import { schemaResource, schemasResponse } from '../../../src/scim/discovery/schema-documents.js';
import type { JsonObject, JsonValue } from '../../../src/scim/resource/json.js';
import type { AttributeDefinition } from '../../../src/scim/schema/attribute-definition.js';
import { ALL_SCHEMAS } from '../../../src/scim/schema/resource-types.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const BASE = 'https://r.example/scim/v2/o1';
const CHARACTERISTICS = ['name', 'type', 'multiValued', 'description', 'required', 'caseExact', 'mutability', 'returned', 'uniqueness'];

/** Checks one published attribute against its definition, every characteristic, recursively. */
function expectPublished(published: JsonValue | undefined, definition: AttributeDefinition): void {
  const document = published as JsonObject;
  for (const characteristic of CHARACTERISTICS) {
    expect(document[characteristic], `${definition.name}.${characteristic}`).toEqual(definition[characteristic as keyof AttributeDefinition]);
  }
  expect(document['canonicalValues']).toEqual(definition.canonicalValues);
  expect(document['referenceTypes']).toEqual(definition.referenceTypes);
  const subs = (document['subAttributes'] ?? []) as JsonValue[];
  expect(subs).toHaveLength(definition.subAttributes?.length ?? 0);
  definition.subAttributes?.forEach((sub, index) => expectPublished(subs[index], sub));
}

describe('schemas (RFC 7643 §7, RFC 7644 §4)', () => {
  const response = schemasResponse(`${BASE}/`);

  it('is a ListResponse of every schema', () => {
    expect(response['schemas']).toEqual([URN.listResponse]);
    expect(response['totalResults']).toBe(ALL_SCHEMAS.length);
    expect(response['itemsPerPage']).toBe(ALL_SCHEMAS.length);
    expect(response['startIndex']).toBe(1);
    expect((response['Resources'] as JsonObject[]).map((schema) => schema['id'])).toEqual(ALL_SCHEMAS.map((schema) => schema.id));
  });

  it.each(ALL_SCHEMAS.map((schema) => ({ id: schema.id, schema })))('publishes $id with every attribute and characteristic', ({ schema }) => {
    const document = schemaResource(schema.id, BASE)!;
    expect(document['schemas']).toEqual([URN.schema]);
    expect(document['name']).toBe(schema.name);
    expect(document['description']).toBe(schema.description);
    expect(document['meta']).toEqual({ resourceType: 'Schema', location: `${BASE}/Schemas/${schema.id}` });
    const attributes = document['attributes'] as JsonValue[];
    expect(attributes).toHaveLength(schema.attributes.length);
    schema.attributes.forEach((definition, index) => expectPublished(attributes[index], definition));
  });

  it('contains no nulls', () => {
    expect(JSON.stringify(response)).not.toMatch(/:null/);
  });

  it.each<{ id: string; found: string | undefined }>([
    { id: URN.enterpriseUser.toLowerCase(), found: URN.enterpriseUser },
    { id: URN.group, found: URN.group },
    { id: 'urn:example:nope', found: undefined },
  ])('finds $id case-insensitively', ({ id, found }) => {
    expect(schemaResource(id, BASE)?.['id']).toBe(found);
  });

  it('publishes User.password as writeOnly and never returned', () => {
    const user = schemaResource(URN.user, BASE)!;
    const password = (user['attributes'] as JsonObject[]).find((attr) => attr['name'] === 'password');
    expect(password).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
  });
});
