import { Names } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { executeApiArn } from './arns';

/**
 * Grants API Gateway the right to invoke each function once per API, scoped to that API's ARN.
 * aws-cdk-lib adds one or two permissions per method, and a function's resource policy is capped near 20 KB.
 */
export class LambdaInvokePermissions {
  private readonly granted = new Set<lambda.IFunction>();

  constructor(private readonly scope: Construct, private readonly idPrefix: string, private readonly sourceArn: string) {}

  public grant(handler: lambda.IFunction): void {
    if (this.granted.has(handler)) {
      return;
    }
    this.granted.add(handler);
    handler.addPermission(`${this.idPrefix}${Names.nodeUniqueId(handler.node)}`, {
      scope: this.scope,
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: this.sourceArn,
    });
  }
}

/** Lets API Gateway invoke a Lambda authorizer's function through that one authorizer of the API. */
export function allowInvokeThroughAuthorizer(scope: Construct, id: string, handler: lambda.IFunction, apiId: string, authorizerId: string): void {
  handler.addPermission(id, {
    scope,
    principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    sourceArn: executeApiArn(scope, apiId, `authorizers/${authorizerId}`),
  });
}
