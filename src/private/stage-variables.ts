import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from './errors';

const VARIABLE_NAME = /^[A-Za-z0-9_]+$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/;

/**
 * Validates stage variables as API Gateway does for REST, HTTP and WebSocket stages alike: names are letters, digits
 * and underscores; values are non-empty and use only letters, digits and `-._~:/?#&=,`. Unresolved values are skipped.
 */
export function validateStageVariables(scope: IConstruct, prop: string, variables: { [name: string]: string } | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    check(VARIABLE_NAME.test(name), scope, 'InvalidStageVariable', () =>
      `${prop} has the variable name '${name}'; stage variable names are letters, digits and underscores`);
    if (!Token.isUnresolved(value)) {
      check(typeof value === 'string' && VARIABLE_VALUE.test(value), scope, 'InvalidStageVariable', () =>
        `${prop}['${name}'] is ${JSON.stringify(value)}; stage variable values are non-empty and use only letters, digits and -._~:/?#&=,`);
    }
  }
}
