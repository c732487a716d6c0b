/**
 * Compares a golden fixture with what the server answered. Placeholders in the fixture:
 * - `"{{any}}"`: any value, as long as the key is present;
 * - `"{{absent}}"`: the key must not be present;
 * - `"{{capture:name}}"`: any value, remembered as `name` for later steps;
 * - `{{name}}` inside a string: replaced by the remembered value before comparing.
 * Objects match when every expected key matches (extra keys are allowed); arrays match element by element
 * and must have the same length.
 */
export type Variables = Map<string, unknown>;

const WHOLE = /^\{\{([a-zA-Z0-9_:.-]+)\}\}$/;
const INLINE = /\{\{([a-zA-Z0-9_.-]+)\}\}/g;

/** Replaces `{{name}}` references in every string of `template` with remembered values. */
export function substitute(template: unknown, vars: Variables): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole?.[1] && vars.has(whole[1])) return vars.get(whole[1]);
    return template.replace(INLINE, (match, name: string) => (vars.has(name) ? String(vars.get(name)) : match));
  }
  if (Array.isArray(template)) return template.map((item) => substitute(item, vars));
  if (typeof template === 'object' && template !== null) {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [substitute(key, vars), substitute(value, vars)]));
  }
  return template;
}

/** The differences between `expected` and `actual`, as readable lines (empty when they match). */
export function matchFixture(expected: unknown, actual: unknown, vars: Variables, where = '$'): string[] {
  if (typeof expected === 'string') {
    const whole = WHOLE.exec(expected);
    const name = whole?.[1];
    if (name === 'any') return actual === undefined ? [`${where}: expected a value, got nothing`] : [];
    if (name === 'absent') return actual === undefined ? [] : [`${where}: expected no value, got ${JSON.stringify(actual)}`];
    if (name?.startsWith('capture:')) {
      if (actual === undefined) return [`${where}: expected a value to capture as ${name.slice(8)}`];
      vars.set(name.slice(8), actual);
      return [];
    }
    const wanted = substitute(expected, vars);
    return Object.is(wanted, actual) ? [] : [`${where}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${where}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) {
      return [`${where}: expected ${expected.length} elements, got ${actual.length}: ${JSON.stringify(actual)}`];
    }
    return expected.flatMap((item, index) => matchFixture(item, actual[index], vars, `${where}[${index}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return [`${where}: expected an object, got ${JSON.stringify(actual)}`];
    }
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([key, value]) => matchFixture(value, record[key], vars, `${where}.${key}`));
  }
  return Object.is(expected, actual) ? [] : [`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
