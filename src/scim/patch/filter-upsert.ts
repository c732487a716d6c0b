import type { BoundFilter, BoundLiteral } from '../filter/filter-ast.js';
import type { JsonObject } from '../resource/json.js';

/**
 * The element a filtered add or replace creates when its value filter matches nothing, or undefined when the
 * filter cannot describe one. RFC 7644 §3.5.2.3 says such a replace is 400 noTarget, but Entra sends
 * `replace phoneNumbers[type eq "work"].value` for users without phones and expects the phone to be created;
 * a conjunction of `eq` comparisons on sub-attributes says exactly what the new element holds.
 */
export function elementFromEqualities(filter: BoundFilter): JsonObject | undefined {
  switch (filter.kind) {
    case 'compare': {
      const value = literalValue(filter.value);
      if (filter.op !== 'eq' || !filter.attr.sub || value === undefined) return undefined;
      return { [filter.attr.sub.name]: value };
    }
    case 'and': {
      const left = elementFromEqualities(filter.left);
      const right = elementFromEqualities(filter.right);
      if (!left || !right) return undefined;
      const conflict = Object.keys(right).some((key) => key in left && left[key] !== right[key]);
      return conflict ? undefined : { ...left, ...right };
    }
    default:
      return undefined;
  }
}

function literalValue(literal: BoundLiteral): string | number | boolean | undefined {
  return literal.type === 'null' ? undefined : literal.value;
}
