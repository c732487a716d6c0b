import { describe, expect, it } from 'vitest';
import { matchFixture, substitute, type Variables } from './fixture-matcher.js';

describe('golden fixture matcher', () => {
  it('accepts extra keys, rejects a wrong or missing one', () => {
    const vars: Variables = new Map();
    expect(matchFixture({ a: 1 }, { a: 1, b: 2 }, vars)).toEqual([]);
    expect(matchFixture({ a: 1 }, { a: 2 }, vars)).toEqual(['$.a: expected 1, got 2']);
    expect(matchFixture({ a: '{{any}}' }, {}, vars)).toEqual(['$.a: expected a value, got nothing']);
    expect(matchFixture({ a: '{{absent}}' }, { a: null }, vars)).toEqual(['$.a: expected no value, got null']);
  });

  it('captures values and substitutes them later, whole or inline', () => {
    const vars: Variables = new Map();
    expect(matchFixture({ id: '{{capture:userId}}', n: '{{capture:n}}' }, { id: 'u-1', n: 3 }, vars)).toEqual([]);
    expect(substitute({ path: '/Users/{{userId}}', count: '{{n}}' }, vars)).toEqual({ path: '/Users/u-1', count: 3 });
    expect(matchFixture({ members: [{ value: '{{userId}}' }] }, { members: [{ value: 'u-2' }] }, vars)).toEqual([
      '$.members[0].value: expected "u-1", got "u-2"',
    ]);
  });

  it('compares arrays by length and order', () => {
    const vars: Variables = new Map();
    expect(matchFixture([1, 2], [1, 2, 3], vars)).toHaveLength(1);
    expect(matchFixture([1, 2], [2, 1], vars)).toHaveLength(2);
    expect(matchFixture([], [], vars)).toEqual([]);
  });
});
