import { Duration, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from './errors';

/**
 * Validates a number against an inclusive range, skipping unresolved tokens.
 * @param whole whether the number counts something (requests, periods), so that a fraction is refused
 */
export function checkRange(scope: IConstruct, prop: string, value: number | undefined, min: number, max: number, whole = false): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  check(Number.isFinite(value) && value >= min && value <= max, scope, 'OutOfRange', () =>
    `${prop} must be between ${min} and ${max}, got ${value}`);
  check(!whole || Number.isInteger(value), scope, 'NegativeOrFractional', () => `${prop} must be a whole number, got ${value}`);
}

/** Validates a whole number that must not be negative. */
export function checkNonNegativeInteger(scope: IConstruct, prop: string, value: number | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  check(Number.isInteger(value) && value >= 0, scope, 'NegativeOrFractional', () =>
    `${prop} must be a whole number of 0 or more, got ${value}`);
}

/** Validates a number that must not be negative (fractions allowed, as for request rates). */
export function checkNonNegative(scope: IConstruct, prop: string, value: number | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  check(Number.isFinite(value) && value >= 0, scope, 'Negative', () => `${prop} must be 0 or more, got ${value}`);
}

/** Validates a duration in whole seconds against an inclusive range. */
export function checkSeconds(scope: IConstruct, prop: string, value: Duration | undefined, min: number, max: number): void {
  if (value === undefined || value.isUnresolved()) {
    return;
  }
  // aws-cdk-lib refuses a fraction of a second where the duration is rendered, naming neither prop nor construct.
  const seconds = value.toSeconds({ integral: false });
  check(Number.isInteger(seconds), scope, 'NegativeOrFractional', () => `${prop} must be a whole number of seconds, got ${seconds} seconds`);
  check(seconds >= min && seconds <= max, scope, 'OutOfRange', () =>
    `${prop} must be between ${min} and ${max} seconds, got ${seconds} seconds`);
}
