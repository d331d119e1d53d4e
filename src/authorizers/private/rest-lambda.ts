import { Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { RequestAuthorizerOptions, TokenAuthorizerOptions } from '../rest-authorizer-options';
import { REQUEST_AUTHORIZER_OPTIONS, TOKEN_AUTHORIZER_OPTIONS } from './authorizer-option-schemas';
import { authorizerCacheTtl, headerTokenSettings } from './authorizer-settings';
import { BoundRestAuthorizer, lazyAuthorizer, RestAuthorizerBindContext } from './bound-rest-authorizer';
import { check } from '../../private/errors';
import { identitySourceSuggestion } from '../../private/identity-source';
import { checkStruct } from '../../private/prop-types';
import { regexError } from '../../private/values';

const IDENTITY_SOURCE = /^(method\.request\.(header|querystring)\.[^\s,]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/;

const LAMBDA_AUTHORIZER_COG4 = {
  id: 'AwsSolutions-COG4',
  reason: 'The method is protected by the API owner\'s own Lambda authorizer, which decides access with an IAM policy; a Cognito authorizer would be a second, conflicting mechanism.',
};

export function bindTokenAuthorizer(
  context: RestAuthorizerBindContext, handler: lambda.IFunction, options: TokenAuthorizerOptions,
): BoundRestAuthorizer {
  const { scope, restApi, id } = context;
  checkStruct(scope, id, options, TOKEN_AUTHORIZER_OPTIONS, true);
  const { identityHeader, identitySource, resultsCacheTtl } = headerTokenSettings(scope, id, options);
  if (options.validationRegex !== undefined && !Token.isUnresolved(options.validationRegex)) {
    const error = regexError(options.validationRegex);
    check(error === undefined, scope, 'InvalidValidationRegex', () =>
      `${id}.validationRegex is '${options.validationRegex}', which is not a valid regular expression (${error}); expected a JavaScript regular expression the token must match`);
  }
  const authorizer = lazyAuthorizer(restApi, id, {
    type: 'TOKEN',
    handler: handler.functionArn,
    identityHeader,
    validationRegex: options.validationRegex,
    resultsCacheTtl: resultsCacheTtl.toSeconds(),
  }, () => new apigateway.TokenAuthorizer(scope, id, { handler, identitySource, validationRegex: options.validationRegex, resultsCacheTtl }));
  return lambdaAuthorizerBinding(authorizer, handler);
}

export function bindRequestAuthorizer(
  context: RestAuthorizerBindContext, handler: lambda.IFunction, options: RequestAuthorizerOptions,
): BoundRestAuthorizer {
  const { scope, restApi, id } = context;
  checkStruct(scope, id, options, REQUEST_AUTHORIZER_OPTIONS, true);
  const resultsCacheTtl = authorizerCacheTtl(scope, `${id}.resultsCacheTtl`, options.resultsCacheTtl);
  const caching = resultsCacheTtl.isUnresolved() || resultsCacheTtl.toSeconds() > 0;
  check(!caching || options.identitySources.length > 0, scope, 'CachingWithoutIdentitySources', () =>
    `${id}.identitySources is empty while resultsCacheTtl is ${resultsCacheTtl.toSeconds()} seconds; API Gateway keys the cache on the identity sources, so give at least one (e.g. apigateway.IdentitySource.header('Authorization')) or set resultsCacheTtl to Duration.seconds(0)`);
  for (const source of options.identitySources) {
    check(Token.isUnresolved(source) || IDENTITY_SOURCE.test(source), scope, 'InvalidIdentitySource', () =>
      `${id}.identitySources has '${source}'; expected a value built with apigateway.IdentitySource: method.request.header.X, method.request.querystring.x, stageVariables.x or context.x${identitySourceSuggestion('REST', source)}`);
  }
  const authorizer = lazyAuthorizer(restApi, id, {
    type: 'REQUEST',
    handler: handler.functionArn,
    identitySources: options.identitySources,
    resultsCacheTtl: resultsCacheTtl.toSeconds(),
  }, () => new apigateway.RequestAuthorizer(scope, id, { handler, identitySources: options.identitySources, resultsCacheTtl }));
  return lambdaAuthorizerBinding(authorizer, handler);
}

/** What a TOKEN or REQUEST authorizer running the user's function binds to a method. */
function lambdaAuthorizerBinding(authorizer: () => apigateway.IAuthorizer, handler: lambda.IFunction): BoundRestAuthorizer {
  return {
    authorizationType: apigateway.AuthorizationType.CUSTOM,
    authorizer,
    supportsScopes: false,
    function: handler,
    // The user's code decides; it may return usageIdentifierKey.
    providesUsageIdentifierKey: true,
    methodNagSuppressions: [LAMBDA_AUTHORIZER_COG4],
  };
}
