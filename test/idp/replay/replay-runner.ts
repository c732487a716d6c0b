import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ResourceTypeName } from '../../../src/scim/schema/resource-types.js';
import { httpFixture, type HttpFixture } from '../../http/http-fixture.js';
import { matchFixture, substitute, type Variables } from './fixture-matcher.js';

/** One request of a recorded IdP conversation, relative to the organization's SCIM base URL. */
interface FixtureRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Headers;
  readonly body?: unknown;
  /** Send this raw text as the body instead of `body`. */
  readonly payload?: string;
}

/** A check of the stored state after a step, read through the store, not through HTTP. */
interface StateCheck {
  readonly type: ResourceTypeName;
  readonly id: string;
  /** Fixture-matched against the stored resource (members and groups loaded); omit with `absent`. */
  readonly expect?: unknown;
  readonly absent?: boolean;
}

interface FixtureResponse {
  readonly status: number;
  readonly headers?: Headers;
  readonly body?: unknown;
  readonly state?: readonly StateCheck[];
}

/** Request headers; `null` sends the header not at all (Entra may send no `User-Agent`). */
type Headers = Record<string, string | null>;

/** `idp.json` in a fixture folder: what every request of that IdP carries. */
interface IdpDefaults {
  readonly headers?: Headers;
  /** Appended to every path's query string (Entra's `aadOptscim062020` flag lives in the tenant URL). */
  readonly query?: string;
  /**
   * The IdP label the activity log must give these requests (e.g. `okta`, `entra:compliant`), or every label
   * it must give when requests without an identifying agent, flag or body shape are logged as `unknown`.
   */
  readonly expectIdp?: string | readonly string[];
  /** Quirk codes that must appear in the activity log of the replay. */
  readonly expectQuirks?: readonly string[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The steps of a fixture folder, in file-name order: `NN-name.request.json` + `NN-name.response.json`. */
function stepsIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.request.json'))
    .sort()
    .map((name) => name.slice(0, -'.request.json'.length));
}

function headerValues(headers: Headers): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value ?? undefined]));
}

function withQuery(path: string, query: string | undefined): string {
  if (!query) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Registers one test per recorded step of `test/idp/<name>/`, replayed in order against one fresh server:
 * each asserts the status, the headers and body given in the response fixture, and the stored state.
 * Values captured by `{{capture:x}}` in one step are substituted into later requests and expectations.
 */
export function replayIdpFixtures(name: string): void {
  const folder = join(import.meta.dirname, '..', name);
  const defaults = readJson<IdpDefaults>(join(folder, 'idp.json'));
  const vars: Variables = new Map();
  let fixture: HttpFixture | undefined;

  it('starts a server with an organization and a token', async () => {
    fixture = await httpFixture();
    vars.set('orgId', fixture.orgId);
    vars.set('baseUrl', `${fixture.config.publicUrl}/scim/v2/${fixture.orgId}`);
  });

  for (const step of stepsIn(folder)) {
    it(step, async () => {
      if (!fixture) throw new Error('the server did not start');
      const request = substitute(readJson<FixtureRequest>(join(folder, `${step}.request.json`)), vars) as FixtureRequest;
      const expected = readJson<FixtureResponse>(join(folder, `${step}.response.json`));
      const response = await fixture.scim(request.method, withQuery(request.path, defaults.query), {
        headers: headerValues({ ...defaults.headers, ...request.headers }),
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      });
      const problems = [
        ...matchFixture(expected.status, response.status, vars, 'status'),
        // The body first: it captures the values (ids) that headers such as Location refer to.
        ...(expected.body === undefined ? [] : matchFixture(expected.body, response.body, vars, 'body')),
        ...matchFixture(expected.headers ?? {}, response.headers, vars, 'headers'),
      ];
      for (const check of expected.state ?? []) {
        const id = String(substitute(check.id, vars));
        const stored = await fixture.store.getResource(fixture.orgId, check.type, id, { members: true, groups: true });
        if (check.absent) problems.push(...(stored ? [`state ${check.type} ${id}: expected it to be gone`] : []));
        else problems.push(...matchFixture(check.expect ?? {}, stored, vars, `state ${check.type} ${id}`));
      }
      expect(problems, `${step}: ${JSON.stringify(response.body)}`).toEqual([]);
    });
  }

  it('records the requests in the activity log with the detected IdP and the quirks applied', async () => {
    if (!fixture) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 400)); // the log is written in batches every 250 ms
    const entries = await fixture.store.listActivity(fixture.orgId, 1000);
    const authenticated = stepsIn(folder).length - 1; // the bad-token step is not logged
    expect(entries.length).toBeGreaterThanOrEqual(Math.min(authenticated, 1));
    if (defaults.expectIdp) {
      expect(new Set(entries.map((entry) => entry.idp))).toEqual(new Set([defaults.expectIdp].flat()));
    }
    const quirks = new Set(entries.flatMap((entry) => entry.quirks));
    for (const quirk of defaults.expectQuirks ?? []) expect(quirks, `quirk ${quirk}`).toContain(quirk);
  });

  it('stops the server', async () => {
    await fixture?.close();
  });
}
