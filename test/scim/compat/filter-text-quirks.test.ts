import { describe, expect, it } from 'vitest';
import { quoteBarewordValues } from '../../../src/scim/compat/filter-text-quirks.js';
import { QuirkLog } from '../../../src/scim/compat/quirk.js';

describe('quoteBarewordValues', () => {
  it.each([
    ['externalId eq jyoung', 'externalId eq "jyoung"', true],
    ['userName eq "a b" and externalId eq x-1', 'userName eq "a b" and externalId eq "x-1"', true],
    ['(externalId eq abc)', '(externalId eq "abc")', true],
    ['userName eq "already quoted"', 'userName eq "already quoted"', false],
    ['displayName eq "contains eq bare"', 'displayName eq "contains eq bare"', false],
    ['active eq true', 'active eq true', false],
    ['meta.version eq null', 'meta.version eq null', false],
    ['x gt 42 and y le -1.5e3', 'x gt 42 and y le -1.5e3', false],
    ['title pr', 'title pr', false],
    ['userName eq "esc \\" eq bare"', 'userName eq "esc \\" eq bare"', false],
  ])('%s', (input, expected, quirked) => {
    const quirks = new QuirkLog();
    expect(quoteBarewordValues(input, quirks)).toBe(expected);
    expect(quirks.codes().includes('unquoted-filter-value')).toBe(quirked);
  });
});
