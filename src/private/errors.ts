import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ErrorId, WarningId } from './error-ids';

/**
 * A synth-time error tied to the construct that raised it: `[ErrorId] construct/path: message`.
 * The id is stable (listed in error-ids.ts, greppable); the message names the prop, the value received and what is
 * expected.
 */
export class GatewayKitValidationError extends Error {
  constructor(public readonly errorId: ErrorId, message: string, scope: IConstruct) {
    super(`[${errorId}] ${scope.node.path}: ${message}`);
    this.name = 'ValidationError';
  }
}

/** Throws when a condition on user input does not hold. */
export function check(condition: boolean, scope: IConstruct, errorId: ErrorId, message: () => string): asserts condition {
  if (!condition) {
    throw new GatewayKitValidationError(errorId, message(), scope);
  }
}

/**
 * A problem found by a validation (`node.addValidation`), which runs once the app is complete and reports every
 * problem at once: `[ErrorId] construct/path: message`, as the thrown errors read.
 */
export function validationProblem(errorId: ErrorId, scope: IConstruct, message: string): string {
  return `[${errorId}] ${scope.node.path}: ${message}`;
}

/** A warning the user can acknowledge by its id (`Annotations.of(scope).acknowledgeWarning(id)`). */
export function warn(scope: IConstruct, warningId: WarningId, message: string): void {
  Annotations.of(scope).addWarningV2(warningId, message);
}
