import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpFixture, type HttpFixture } from './http-fixture.js';

describe('GET /healthz', () => {
  let fixture: HttpFixture;
  beforeEach(async () => {
    fixture = await httpFixture();
  });
  afterEach(async () => fixture.close());

  it('answers 200 without a token while the database is reachable', async () => {
    const response = await fixture.scim('GET', '//healthz', { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 once the database is gone, so a load balancer takes the instance out', async () => {
    await fixture.store.close();
    const response = await fixture.scim('GET', '//healthz', { token: null });
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'unavailable' });
    // close() in afterEach closes the store again: reopen nothing, just make that second close harmless.
    fixture = { ...fixture, close: () => fixture.app.close() };
  });
});
