import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SecureHttpApi, SecureHttpApiProps } from '../../src';
import { newFunction, newStack } from '../support/fixtures';

/** A SecureHttpApi in a fresh stack, with one function to route to. */
export function newHttpApi(props: (fn: lambda.IFunction, stack: Stack) => SecureHttpApiProps = () => ({})) {
  const stack = newStack();
  const fn = newFunction(stack);
  const api = new SecureHttpApi(stack, 'Api', props(fn, stack));
  return { stack, fn, api };
}

/** The props object as JavaScript (or a spread of REST props) could pass it, bypassing the TypeScript types. */
export function untyped(props: object): SecureHttpApiProps {
  return props as SecureHttpApiProps;
}
