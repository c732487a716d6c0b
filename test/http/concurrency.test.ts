import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBody, httpFixture, patchBody, userBody, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(async () => f.close());

describe('concurrent requests', () => {
  it('two simultaneous creates of one userName: exactly one 201, the other 409 uniqueness', async () => {
    const [first, second] = await Promise.all([
      f.scim('POST', '/Users', { body: userBody('race', { password: 'pw-one' }) }),
      f.scim('POST', '/Users', { body: userBody('RACE', { password: 'pw-two' }) }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body['scimType']).toBe('uniqueness');
  });

  it('concurrent member additions to one group lose none', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 10; index++) {
      ids.push(String((await f.scim('POST', '/Users', { body: userBody(`member.${index}`) })).body['id']));
    }
    const group = await f.scim('POST', '/Groups', { body: groupBody('Crowd') });
    const path = `/Groups/${String(group.body['id'])}`;
    const responses = await Promise.all(
      ids.map((value) => f.scim('PATCH', path, { body: patchBody({ op: 'add', path: 'members', value: [{ value }] }) })),
    );
    expect(responses.every((response) => response.status === 204)).toBe(true);
    const members = ((await f.scim('GET', path)).body['members'] ?? []) as unknown[];
    expect(members).toHaveLength(10);
  });
});
