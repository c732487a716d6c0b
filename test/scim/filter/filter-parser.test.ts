import { describe, expect, it } from 'vitest';
import type { FilterNode } from '../../../src/scim/filter/filter-ast.js';
import { MAX_FILTER_LENGTH } from '../../../src/scim/filter/filter-lexer.js';
import { MAX_FILTER_DEPTH, parseFilter } from '../../../src/scim/filter/filter-parser.js';

/** A compact rendering of the AST, so expectations read like the grammar. */
function show(node: FilterNode): string {
  const path = (p: { uri?: string; attribute: string; subAttribute?: string }): string =>
    `${p.uri ? `${p.uri}:` : ''}${p.attribute}${p.subAttribute ? `.${p.subAttribute}` : ''}`;
  switch (node.kind) {
    case 'compare':
      return `(${path(node.path)} ${node.op} ${JSON.stringify(node.value)})`;
    case 'present':
      return `(${path(node.path)} pr)`;
    case 'and':
    case 'or':
      return `(${show(node.left)} ${node.kind} ${show(node.right)})`;
    case 'not':
      return `(not ${show(node.operand)})`;
    case 'valuePath':
      return `${path(node.path)}[${show(node.filter)}]`;
  }
}

describe('parseFilter: RFC 7644 §3.4.2.2 operators and literals', () => {
  it.each([
    ['userName eq "bjensen"', '(userName eq "bjensen")'],
    ['userName ne "x"', '(userName ne "x")'],
    ['name.familyName co "O\'Malley"', '(name.familyName co "O\'Malley")'],
    ['userName sw "J"', '(userName sw "J")'],
    ['userName ew "n"', '(userName ew "n")'],
    ['title pr', '(title pr)'],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', '(meta.lastModified gt "2011-05-13T04:42:34Z")'],
    ['meta.lastModified ge "2011-05-13T04:42:34Z"', '(meta.lastModified ge "2011-05-13T04:42:34Z")'],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', '(meta.lastModified lt "2011-05-13T04:42:34Z")'],
    ['meta.lastModified le "2011-05-13T04:42:34Z"', '(meta.lastModified le "2011-05-13T04:42:34Z")'],
    ['active eq true', '(active eq true)'],
    ['active eq FALSE', '(active eq false)'],
    ['title eq null', '(title eq null)'],
    ['x eq 42', '(x eq 42)'],
    ['x eq -1.5e3', '(x eq -1500)'],
    ['x eq 0.25', '(x eq 0.25)'],
    ['USERNAME EQ "a"', '(USERNAME eq "a")'],
    ['userName Eq "a"', '(userName eq "a")'],
    ['userName eq "quote \\" and backslash \\\\"', '(userName eq "quote \\" and backslash \\\\")'],
    ['userName eq "\\u00e9mile"', '(userName eq "émile")'],
    ['userName eq ""', '(userName eq "")'],
    ['  userName   eq\t"a"  ', '(userName eq "a")'],
    ['$ref eq "x"', '($ref eq "x")'],
  ])('%s', (filter, expected) => {
    expect(show(parseFilter(filter))).toBe(expected);
  });
});

describe('parseFilter: logic, precedence, grouping', () => {
  it.each([
    ['a pr and b pr or c pr', '(((a pr) and (b pr)) or (c pr))'],
    ['a pr or b pr and c pr', '((a pr) or ((b pr) and (c pr)))'],
    ['(a pr or b pr) and c pr', '(((a pr) or (b pr)) and (c pr))'],
    ['not (a pr) and b pr', '((not (a pr)) and (b pr))'],
    ['not(a pr)', '(not (a pr))'],
    ['NOT (a pr OR b pr)', '(not ((a pr) or (b pr)))'],
    ['a pr AND b pr', '((a pr) and (b pr))'],
    ['((a pr))', '(a pr)'],
    ['a pr and b pr and c pr', '(((a pr) and (b pr)) and (c pr))'],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      '((userType eq "Employee") and ((emails co "example.com") or (emails.value co "example.org")))',
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      '((userType ne "Employee") and (not ((emails co "example.com") or (emails.value co "example.org"))))',
    ],
  ])('%s', (filter, expected) => {
    expect(show(parseFilter(filter))).toBe(expected);
  });
});

describe('parseFilter: value paths and URN-qualified names', () => {
  it.each([
    ['emails[type eq "work" and value co "@example.com"]', 'emails[((type eq "work") and (value co "@example.com"))]'],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      '((userType eq "Employee") and emails[((type eq "work") and (value co "@example.com"))])',
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      '(emails[((type eq "work") and (value co "@example.com"))] or ims[((type eq "xmpp") and (value co "@foo.com"))])',
    ],
    ['emails[type eq "work"].value eq "a@x.org"', 'emails[((type eq "work") and (value eq "a@x.org"))]'],
    ['emails[not (type eq "work")]', 'emails[(not (type eq "work"))]'],
    ['urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "J"', '(urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "J")'],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "7"',
      '(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "7")',
    ],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "m"',
      '(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "m")',
    ],
  ])('%s', (filter, expected) => {
    expect(show(parseFilter(filter))).toBe(expected);
  });
});

describe('parseFilter: errors are 400 invalidFilter pointing at the problem', () => {
  it.each([
    ['', /Expected an attribute name at position 1, found the end of the filter/],
    ['userName', /Expected an operator .* at position 9, found the end/],
    ['userName eq', /Expected a comparison value after 'eq' at position 12/],
    ['userName eq bjensen', /position 13, found 'bjensen'; string values must be quoted: "bjensen"/],
    ['userName equals "a"', /Expected an operator .* at position 10, found 'equals'/],
    ['userName eq "a" userName eq "b"', /Unexpected 'userName' at position 17; expected 'and', 'or'/],
    ['(userName eq "a"', /Expected '\)' at position 17/],
    ['userName eq "a")', /Unexpected '\)' at position 16/],
    ['not userName eq "a"', /Expected '\(' after 'not' at position 5/],
    ['userName eq "open', /Unterminated string starting at position 13/],
    ['userName eq "bad \\x escape"', /Invalid string literal at position 13/],
    ['userName eq "a" & x pr', /Unexpected character '&' at position 17/],
    ['emails[type eq "work"', /Expected '\]' closing the value path at position 22/],
    ['emails[type[value eq "x"] pr]', /Value paths cannot be nested/],
    ['name.familyName.x eq "a"', /'name.familyName.x' at position 1 is not a valid attribute path/],
    ['emails.value[type eq "w"]', /not to the sub-attribute 'emails.value'/],
    ['eq eq', /Expected a comparison value after 'eq' at position 6/],
    ['userName eq "a" and', /Expected an attribute name at position 20/],
  ])('%j', (filter, detail) => {
    let thrown: unknown;
    try {
      parseFilter(filter);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect((thrown as Error).message).toMatch(detail);
  });

  it('bounds length and depth instead of overflowing the stack', () => {
    expect(() => parseFilter(`userName eq "${'a'.repeat(MAX_FILTER_LENGTH)}"`)).toThrow(/at most 4096/);
    const deep = `${'('.repeat(MAX_FILTER_DEPTH + 5)}a pr${')'.repeat(MAX_FILTER_DEPTH + 5)}`;
    expect(() => parseFilter(deep)).toThrow(/nested more than 50 levels/);
    const deepNot = `${'not ('.repeat(500)}a pr${')'.repeat(500)}`;
    expect(() => parseFilter(deepNot)).toThrow(/nested more than 50 levels/);
    const shallow = `${'('.repeat(MAX_FILTER_DEPTH)}a pr${')'.repeat(MAX_FILTER_DEPTH)}`;
    expect(show(parseFilter(shallow))).toBe('(a pr)');
  });
});
