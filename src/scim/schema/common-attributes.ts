import { attribute, complex, str, type AttributeDefinition } from './attribute-definition.js';

/**
 * RFC 7643 §3.1: attributes every resource carries, whatever its schema. They are not part of any schema's
 * `attributes` in `/Schemas`, but filters, sorting and projection reach them like any other.
 */
export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [
  str('id', { caseExact: true, mutability: 'readOnly', returned: 'always', uniqueness: 'server' }),
  str('externalId', { caseExact: true }),
  complex(
    'meta',
    [
      str('resourceType', { caseExact: true, mutability: 'readOnly' }),
      attribute('created', 'dateTime', { mutability: 'readOnly' }),
      attribute('lastModified', 'dateTime', { mutability: 'readOnly' }),
      attribute('location', 'reference', { caseExact: true, mutability: 'readOnly', referenceTypes: ['uri'] }),
      str('version', { caseExact: true, mutability: 'readOnly' }),
    ],
    { mutability: 'readOnly' },
  ),
];
