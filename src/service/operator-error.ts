/**
 * An operator's mistake in an administrative command (unknown organization or token, bad name): shown to the
 * operator as is. SCIM clients never see it; they get ScimErrors.
 */
export class OperatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperatorError';
  }
}
