import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApiGatewayCloudWatchRole, SecureWebSocketApi, SecureWebSocketApiProps } from '../../src';
import { newFunction, newStack } from '../support/fixtures';

/**
 * A SecureWebSocketApi in a fresh stack with the account role present (so that no warning is expected), and one
 * function to route to.
 */
export function newWebSocketApi(props: (fn: lambda.Function, stack: Stack) => SecureWebSocketApiProps = () => ({})) {
  const stack = newStack();
  new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
  const fn = newFunction(stack);
  const api = new SecureWebSocketApi(stack, 'Api', props(fn, stack));
  return { stack, fn, api };
}

/** Props as JavaScript could pass them, bypassing the TypeScript types. */
export function untyped<T>(value: unknown): T {
  return value as T;
}
