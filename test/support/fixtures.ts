import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApiGatewayCloudWatchRole, SecureLambdaApi, SecureLambdaApiProps } from '../../src';

/** A stack in a fixed environment, so that ARNs and regions in templates are stable. */
export function newStack(id = 'TestStack'): Stack {
  const app = new App();
  return new Stack(app, id, { env: { account: '123456789012', region: 'eu-west-1' } });
}

/** A minimal Lambda function to route to. */
export function newFunction(stack: Stack, id = 'Handler'): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
  });
}

export function templateOf(stack: Stack): Template {
  return Template.fromStack(stack);
}

/** Count of the resources of one type in a synthesized stack. */
export function countOf(stack: Stack, type: string): number {
  return Object.keys(templateOf(stack).findResources(type)).length;
}

/** A SecureLambdaApi in a fresh stack, with the account role present so that no warning is expected. */
export function newApi(props: (fn: lambda.IFunction, stack: Stack) => SecureLambdaApiProps = () => ({})) {
  const stack = newStack();
  new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
  const fn = newFunction(stack);
  const api = new SecureLambdaApi(stack, 'Api', props(fn, stack));
  return { stack, fn, api };
}
