import type { BoundFilter, CompareOperator } from '../../src/scim/filter/filter-ast.js';
import type { JsonObject } from '../../src/scim/resource/json.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { and, cmp, group, meta, not, or, pr, user, valuePath } from './store-fixtures.js';

/** A small deterministic PRNG (mulberry32): the same users and filters on every run. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const maybe = <T>(rand: Rand, value: () => T, chance = 0.6): T | undefined => (rand() < chance ? value() : undefined);

/** Few distinct values, with case variants, Unicode, `%` and `_`, so comparisons often collide. */
const WORDS = ['Émile', 'émile', 'ANNA', 'anna', 'b_o%b', 'Zoë', 'zoe', 'x', '', 'Straße'];
const DOMAINS = ['@work.example', '@Home.Example', '@x_y.org', '@100%.net'];
const EMAIL_TYPES = ['work', 'home', 'other', 'WORK'];
const TEAMS = ['red', 'Red', 'blue', 'grün'];
const DATES = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-06-15T12:30:00.000Z', '2027-03-01T00:00:00.000Z'];

function emails(rand: Rand): JsonObject[] {
  const count = Math.floor(rand() * 4);
  const primaryAt = rand() < 0.5 ? Math.floor(rand() * 4) : -1;
  return Array.from({ length: count }, (_, index) => ({
    value: `${pick(rand, WORDS)}${pick(rand, DOMAINS)}`,
    ...(rand() < 0.8 ? { type: pick(rand, EMAIL_TYPES) } : {}),
    ...(index === primaryAt ? { primary: true } : {}),
  }));
}

function defined(object: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as JsonObject;
}

/** The i-th generated user: every attribute may be absent, empty or present. */
export function generatedUser(rand: Rand, index: number): JsonObject {
  const mails = emails(rand);
  const teams = Array.from({ length: Math.floor(rand() * 3) }, () => pick(rand, TEAMS));
  const enterprise = defined({
    employeeNumber: maybe(rand, () => String(Math.floor(rand() * 300))),
    department: maybe(rand, () => pick(rand, WORDS)),
  });
  const name = defined({ givenName: maybe(rand, () => pick(rand, WORDS)), familyName: maybe(rand, () => pick(rand, WORDS)) });
  const resource = user(`id-${index}`, `${pick(rand, WORDS)}-${index}`, defined({
    externalId: maybe(rand, () => pick(rand, WORDS)),
    displayName: maybe(rand, () => pick(rand, WORDS)),
    title: maybe(rand, () => pick(rand, WORDS)),
    active: maybe(rand, () => rand() < 0.5),
    name: Object.keys(name).length > 0 ? name : undefined,
    emails: mails.length > 0 ? mails : undefined,
    [URN.enterpriseUser]: Object.keys(enterprise).length > 0 ? enterprise : undefined,
    [URN.teamsUser]: teams.length > 0 ? { teams } : undefined,
  }));
  return { ...resource, meta: meta('User', pick(rand, DATES)) };
}

const STRING_OPS: readonly CompareOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
const DATE_OPS: readonly CompareOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const STRING_PATHS = [
  'userName', 'displayName', 'externalId', 'title', 'name.givenName', 'name.familyName', 'emails.value', 'emails.type',
  `${URN.enterpriseUser}:department`, `${URN.enterpriseUser}:employeeNumber`, `${URN.teamsUser}:teams`, 'id',
];
const PRESENT_PATHS = ['displayName', 'title', 'name', 'emails', 'emails.type', 'active', `${URN.teamsUser}:teams`, URN.enterpriseUser + ':department'];
const LITERALS = [...WORDS, 'e', 'É', '%', '_', 'b_o', 'work', 'WORK', '@work.example', 'anna-1', 'red', '1', '2'];

/** Nested groups: group i holds some users and group i-1, so users have direct and indirect groups. */
export function generatedGroups(rand: Rand, users: number): JsonObject[] {
  return Array.from({ length: 6 }, (_, index) => {
    const members = Array.from({ length: 20 }, () => `id-${Math.floor(rand() * users)}`);
    const nested = index > 0 && rand() < 0.7 ? [`grp-${index - 1}`] : [];
    return group(`grp-${index}`, `${pick(rand, ['Team', 'TEAM', 'Équipe'])} ${index}`, [...new Set([...nested, ...members])]);
  });
}

const GROUP_LITERALS = ['grp-0', 'grp-3', 'grp-5', 'team 1', 'ÉQUIPE', 'direct', 'indirect', 'grp'];

function groupLeaf(rand: Rand): BoundFilter {
  const compare = (): BoundFilter =>
    cmp('User', pick(rand, ['groups.value', 'groups.display', 'groups.type']), pick(rand, STRING_OPS), pick(rand, GROUP_LITERALS));
  return rand() < 0.6 ? compare() : valuePath('User', 'groups', and(compare(), compare()));
}

function leaf(rand: Rand): BoundFilter {
  const roll = rand();
  if (roll < 0.1) return groupLeaf(rand);
  if (roll < 0.55) return cmp('User', pick(rand, STRING_PATHS), pick(rand, STRING_OPS), pick(rand, LITERALS));
  if (roll < 0.7) return pr('User', pick(rand, PRESENT_PATHS));
  if (roll < 0.8) return cmp('User', pick(rand, ['active', 'emails.primary']), pick(rand, ['eq', 'ne'] as const), rand() < 0.5);
  if (roll < 0.9) return cmp('User', pick(rand, ['meta.created', 'meta.lastModified']), pick(rand, DATE_OPS), pick(rand, [...DATES, '2026-06-15T14:30:00+02:00']));
  const inner = (): BoundFilter => cmp('User', pick(rand, ['emails.value', 'emails.type']), pick(rand, STRING_OPS), pick(rand, LITERALS));
  return valuePath('User', 'emails', rand() < 0.5 ? and(inner(), inner()) : or(inner(), not(inner())));
}

/** A random filter of up to `depth` levels of and/or/not over the leaves above. */
export function generatedFilter(rand: Rand, depth: number): BoundFilter {
  if (depth === 0 || rand() < 0.35) return leaf(rand);
  const roll = rand();
  if (roll < 0.4) return and(generatedFilter(rand, depth - 1), generatedFilter(rand, depth - 1));
  if (roll < 0.8) return or(generatedFilter(rand, depth - 1), generatedFilter(rand, depth - 1));
  return not(generatedFilter(rand, depth - 1));
}
