import { describe, expect, it } from 'vitest';
import { listResponse, listResponseText } from '../../../src/scim/list/list-response.js';
import type { JsonObject } from '../../../src/scim/resource/json.js';

const RESOURCES: JsonObject[] = [
  { id: 'a', userName: 'ann' },
  { id: 'b', displayName: 'Bob "B" Müller', emails: [{ value: 'b@example.com', primary: true }] },
  { id: 'c', nested: { deep: ['x', 1, null] } },
];

describe('listResponseText (RFC 7644 §3.4.2 ListResponse around resources already serialised)', () => {
  it('is JSON.stringify of the ListResponse object for pages of 0, 1 and several resources', () => {
    for (const count of [0, 1, 3]) {
      const page = RESOURCES.slice(0, count);
      const text = listResponseText(
        page.map((resource) => JSON.stringify(resource)),
        42,
        7,
      );
      expect(text).toBe(JSON.stringify(listResponse(page, 42, 7)));
    }
  });
});
