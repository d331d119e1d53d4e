import { App, Duration, RemovalPolicies, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ApiGatewayCloudWatchRole } from '../src';

/** How long an assertion retries while IAM and Lambda permissions propagate after a deployment. */
export const PROPAGATION = { totalTimeout: Duration.minutes(3), interval: Duration.seconds(10) };

/**
 * The app and stack of one integ test, with the account's CloudWatch role that every API here logs with.
 * Log groups are retained by default; a test deployment should leave nothing behind.
 */
export function integStack(stackName: string): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, stackName);
  new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
  RemovalPolicies.of(stack).destroy({ applyToResourceTypes: ['AWS::Logs::LogGroup'] });
  return { app, stack };
}

/** A Lambda function whose whole source is `code`, so the test needs no bundling. */
export function inlineFunction(scope: Construct, id: string, code: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(code),
    ...props,
  });
}
