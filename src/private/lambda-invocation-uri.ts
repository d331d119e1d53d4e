import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** The URI through which API Gateway invokes a function, as integrations and Lambda authorizers name it. */
export function lambdaInvocationUri(scope: Construct, handler: lambda.IFunction): string {
  return Stack.of(scope).formatArn({
    service: 'apigateway',
    account: 'lambda',
    resource: 'path/2015-03-31/functions',
    resourceName: `${handler.functionArn}/invocations`,
  });
}
