import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from '../../src/http/json-depth.js';

describe('exceedsJsonDepth', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
    ['"[[[[[[[["', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['[[[]],[[]]]', 3, false],
    ['[[[]],[[[]]]]', 3, true],
  ])('%s with max %i → %s', (text, max, expected) => {
    expect(exceedsJsonDepth(text, max)).toBe(expected);
  });

  it('scans a million brackets without recursion', () => {
    expect(exceedsJsonDepth('['.repeat(1_000_000), 64)).toBe(true);
  });
});
