import { IConstruct } from 'constructs';

/**
 * A synth-time error tied to the construct that raised it.
 * The id is stable (documented, greppable); the message names the prop, the value received and what is expected.
 */
export class GatewayKitValidationError extends Error {
  constructor(public readonly errorId: string, message: string, scope: IConstruct) {
    super(`[${errorId}] ${scope.node.path}: ${message}`);
    this.name = 'ValidationError';
  }
}

/** Throws when a condition on user input does not hold. */
export function check(condition: boolean, scope: IConstruct, errorId: string, message: () => string): asserts condition {
  if (!condition) {
    throw new GatewayKitValidationError(errorId, message(), scope);
  }
}
