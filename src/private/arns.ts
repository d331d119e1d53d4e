import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { isVariableSegment, ParsedRouteKey } from './route-key';

/*
 * The ARNs and ARN paths the constructs write, in one place: what API Gateway invokes, what IAM grants and Lambda
 * permissions name, and how a route key becomes the path they match.
 */

/** The URI through which API Gateway invokes a function, as integrations and Lambda authorizers name it. */
export function lambdaInvocationUri(scope: IConstruct, handler: lambda.IFunction): string {
  return Stack.of(scope).formatArn({
    service: 'apigateway',
    account: 'lambda',
    resource: 'path/2015-03-31/functions',
    resourceName: `${handler.functionArn}/invocations`,
  });
}

/**
 * `arn:…:execute-api:{region}:{account}:{apiId}/{resourceName}`, what callers invoke: `{stage}/{method}/{path}` for a
 * route of an HTTP or WebSocket API (REST APIs have `restApi.arnForExecuteApi()`), `authorizers/{id}` for an authorizer.
 */
export function executeApiArn(scope: IConstruct, apiId: string, resourceName: string): string {
  return Stack.of(scope).formatArn({ service: 'execute-api', resource: apiId, resourceName });
}

/** The control-plane ARN of a REST API stage, which the API Gateway management calls on it need. */
export function restApiStageArn(scope: IConstruct, restApiId: string, stageName: string): string {
  return Stack.of(scope).formatArn({
    service: 'apigateway',
    account: '',
    resource: '/restapis',
    resourceName: `${restApiId}/stages/${stageName}`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/** A route's method as ARNs, method settings and usage plans name it: `*` for `ANY`. */
export function wildcardMethod(key: ParsedRouteKey): string {
  return key.method === 'ANY' ? '*' : key.method;
}

/** A route's path as `execute-api` ARNs match it: `/items/*` for `/items/{id}`, every path variable a `*`. */
export function arnResourcePath(key: ParsedRouteKey): string {
  return '/' + key.segments.map((segment) => (isVariableSegment(segment) ? '*' : segment)).join('/');
}

/** The `{method}/{path}` part of the `execute-api` ARN of a route: `GET/items/*` for `GET /items/{id}`. */
export function routeArnPath(key: ParsedRouteKey): string {
  return `${wildcardMethod(key)}${arnResourcePath(key)}`;
}
