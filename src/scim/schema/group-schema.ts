import { attribute, complex, str, type SchemaDefinition } from './attribute-definition.js';
import { URN } from './schema-urns.js';

/** RFC 7643 §4.2 / §8.7.1: the core Group schema. `displayName` is unique per organization here. */
export const GROUP_SCHEMA: SchemaDefinition = {
  id: URN.group,
  name: 'Group',
  description: 'Group',
  attributes: [
    str('displayName', { required: true, uniqueness: 'server' }),
    complex(
      'members',
      [
        str('value', { mutability: 'immutable' }),
        attribute('$ref', 'reference', { mutability: 'immutable', referenceTypes: ['User', 'Group'] }),
        str('type', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
        str('display', { mutability: 'readOnly' }),
      ],
      { multiValued: true },
    ),
  ],
};
