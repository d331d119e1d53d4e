import { Token } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { authorizerCacheTtl } from './authorizer-settings';
import { HttpLambdaAuthorizerOptions } from '../http-authorizer-options';
import { HTTP_LAMBDA_AUTHORIZER_OPTIONS } from './authorizer-option-schemas';
import { BoundHttpAuthorizer, HttpAuthorizerBindContext, lazyHttpAuthorizer } from './bound-http-authorizer';
import { lambdaInvocationUri } from '../../private/arns';
import { check } from '../../private/errors';
import { identitySourceSuggestion } from '../../private/identity-source';
import { allowInvokeThroughAuthorizer } from '../../private/lambda-permissions';
import { checkStruct } from '../../private/prop-types';

const DEFAULT_IDENTITY_SOURCES = ['$request.header.Authorization'];
const IDENTITY_SOURCE = /^(\$request\.(header|querystring)\.[^\s,]+|\$context\.[A-Za-z0-9_.]+|\$stageVariables\.[A-Za-z0-9_]+)$/;

export function bindHttpLambdaAuthorizer(
  context: HttpAuthorizerBindContext, handler: lambda.IFunction, options: HttpLambdaAuthorizerOptions,
): BoundHttpAuthorizer {
  const { scope, httpApi, id } = context;
  checkStruct(scope, id, options, HTTP_LAMBDA_AUTHORIZER_OPTIONS, true);
  const identitySources = options.identitySources ?? DEFAULT_IDENTITY_SOURCES;
  for (const source of identitySources) {
    check(Token.isUnresolved(source) || IDENTITY_SOURCE.test(source), scope, 'InvalidIdentitySource', () =>
      `${id}.identitySources has '${source}'; expected '$request.header.<name>', '$request.querystring.<name>', '$context.<variable>' or '$stageVariables.<name>'${identitySourceSuggestion('HTTP', source)}`);
  }
  const resultsCacheTtl = authorizerCacheTtl(scope, `${id}.resultsCacheTtl`, options.resultsCacheTtl);
  const caching = resultsCacheTtl.isUnresolved() || resultsCacheTtl.toSeconds() > 0;
  check(!caching || identitySources.length > 0, scope, 'CachingWithoutIdentitySources', () =>
    `${id}.identitySources is empty while resultsCacheTtl is ${resultsCacheTtl.toSeconds()} seconds; API Gateway keys the cache on the identity sources, so give at least one (e.g. '$request.header.Authorization') or set resultsCacheTtl to Duration.seconds(0)`);
  const simple = (options.responseType ?? HttpLambdaResponseType.SIMPLE) === HttpLambdaResponseType.SIMPLE;

  const lazy = lazyHttpAuthorizer('CUSTOM', () => {
    const authorizer = new apigatewayv2.HttpAuthorizer(scope, id, {
      httpApi,
      type: apigatewayv2.HttpAuthorizerType.LAMBDA,
      identitySource: identitySources,
      enableSimpleResponses: simple,
      payloadFormatVersion: apigatewayv2.AuthorizerPayloadVersion.VERSION_2_0,
      authorizerUri: lambdaInvocationUri(handler, handler),
      resultsCacheTtl,
    });
    if (identitySources.length === 0) {
      // Optional without caching; an empty list is not a valid value.
      (authorizer.node.defaultChild as apigatewayv2.CfnAuthorizer).identitySource = undefined;
    }
    allowInvokeThroughAuthorizer(scope, `${id}InvokePermission`, handler, httpApi.apiId, authorizer.authorizerId);
    return authorizer;
  });
  return { ...lazy, supportsScopes: false, function: handler };
}
