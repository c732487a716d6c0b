import { attribute, complex, str, type SchemaDefinition } from './attribute-definition.js';
import { URN } from './schema-urns.js';

/** RFC 7643 §4.3: the Enterprise User extension. */
export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: URN.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    str('employeeNumber'),
    str('costCenter'),
    str('organization'),
    str('division'),
    str('department'),
    complex('manager', [
      str('value', { description: 'The id of the SCIM resource representing the manager' }),
      attribute('$ref', 'reference', { referenceTypes: ['User'] }),
      str('displayName', { mutability: 'readOnly' }),
    ]),
  ],
};
