import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { headerTokenSettings } from './authorizer-settings';
import { CLAIM_NAME, JWT_AUTHORIZER_CONFIG_ENV, JwtAuthorizerConfig } from '../handlers/jwt-authorizer-config.lambda-shared';
import { JwtAuthorizerFunction } from '../handlers/jwt-authorizer-function';
import { BoundRestAuthorizer, lazyAuthorizer, RestAuthorizerBindContext } from '../private/bound-rest-authorizer';
import { check } from '../private/errors';
import { suppressNagRules } from '../private/nag-suppressions';

/** The `token_use` claim a Cognito token must carry. */
export enum JwtTokenUse {
  /** ID tokens: identity claims, `aud` is the app client id. */
  ID = 'id',
  /** Access tokens: scopes, `client_id` is the app client id. */
  ACCESS = 'access',
}

/** Options for the bundled JWT authorizer. */
export interface JwtAuthorizerOptions {
  /**
   * A Cognito user pool whose tokens are accepted; sets the issuer and JWKS location.
   * Give exactly one of `userPool` and `issuer`.
   * @default - `issuer` must be given
   */
  readonly userPool?: cognito.IUserPool;
  /**
   * The OIDC issuer URL (`iss` claim), e.g. `https://example.eu.auth0.com/`.
   * Give exactly one of `userPool` and `issuer`.
   * @default - derived from `userPool`
   */
  readonly issuer?: string;
  /**
   * Where the issuer publishes its signing keys.
   * @default - `${issuer}/.well-known/jwks.json`
   */
  readonly jwksUri?: string;
  /**
   * Accepted `aud` values. At least one of `audience` and `clientIds` is required, so that tokens the same issuer
   * minted for other applications are refused.
   * @default - `aud` is not checked
   */
  readonly audience?: string[];
  /**
   * Accepted `client_id` values (Cognito access tokens), e.g. `[client.userPoolClientId]`.
   * @default - `client_id` is not checked
   */
  readonly clientIds?: string[];
  /**
   * The `token_use` claim required (Cognito).
   * @default - not checked
   */
  readonly tokenUse?: JwtTokenUse;
  /**
   * OAuth scopes the token must all hold (`scope` or `scp` claim). They apply to every route behind this
   * authorizer, because the cached decision covers the whole API.
   * @default - no scope is required
   */
  readonly requiredScopes?: string[];
  /**
   * Claims passed to the integration in `requestContext.authorizer`, each as a string (arrays and objects as JSON).
   * @default ['sub']
   */
  readonly contextClaims?: string[];
  /**
   * The claim whose value becomes the API key API Gateway meters the caller with (`usageIdentifierKey`), for APIs
   * whose API key source is AUTHORIZER (MeteredApi `apiKeySource: ApiKeySource.AUTHORIZER`), e.g.
   * `'custom:api_key'`. Each tenant's value must be the value of an API key in the tenant's usage plan.
   * A verified token whose claim is missing, not a string, or not 20 to 128 characters long is denied (403).
   * @default - no usageIdentifierKey is returned
   */
  readonly usageIdentifierClaim?: string;
  /**
   * The header carrying the token; a `Bearer ` prefix is optional.
   * @default 'Authorization'
   */
  readonly identityHeader?: string;
  /**
   * How long API Gateway caches a decision, keyed by the token; 0 disables caching.
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;
  /**
   * Retention of the authorizer function's log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}

export function bindJwtAuthorizer(context: RestAuthorizerBindContext, options: JwtAuthorizerOptions): BoundRestAuthorizer {
  const { scope, restApi, id } = context;
  const { identityHeader, identitySource, resultsCacheTtl } = headerTokenSettings(scope, id, options);
  const config = jwtConfig(scope, id, options);

  const handler = createAuthorizerFunction(scope, `${id}Function`, config, options.logRetention ?? logs.RetentionDays.ONE_YEAR);
  const authorizer = lazyAuthorizer(restApi, id, {
    type: 'JWT',
    identityHeader,
    resultsCacheTtl: resultsCacheTtl.toSeconds(),
  }, () => new apigateway.TokenAuthorizer(scope, id, { handler, identitySource, resultsCacheTtl }));
  return {
    authorizationType: apigateway.AuthorizationType.CUSTOM,
    authorizer,
    supportsScopes: false,
    function: handler,
    userPool: options.userPool,
    providesUsageIdentifierKey: options.usageIdentifierClaim !== undefined,
    methodNagSuppressions: [{
      id: 'AwsSolutions-COG4',
      reason: 'The method is protected by the bundled JWT authorizer, which verifies the token signature against the issuer\'s JWKS and checks iss, aud or client_id, exp, nbf, token_use and scopes with aws-jwt-verify; cdk-nag only recognises the COGNITO_USER_POOLS authorizer type.',
    }],
  };
}

function jwtConfig(scope: Construct, id: string, options: JwtAuthorizerOptions): JwtAuthorizerConfig {
  check((options.userPool === undefined) !== (options.issuer === undefined), scope, 'JwtIssuer', () =>
    `${id} needs exactly one of userPool and issuer, got ${options.userPool ? 'both' : 'neither'}`);
  if (options.issuer !== undefined && !Token.isUnresolved(options.issuer)) {
    check(options.issuer.startsWith('https://'), scope, 'JwtIssuer', () =>
      `${id}.issuer must be an https:// URL, got '${options.issuer}'`);
  }
  check((options.audience?.length ?? 0) + (options.clientIds?.length ?? 0) > 0, scope, 'JwtAudience', () =>
    `${id} needs audience or clientIds (got neither): without them, tokens the issuer minted for any other application would be accepted`);
  if (options.usageIdentifierClaim !== undefined && !Token.isUnresolved(options.usageIdentifierClaim)) {
    check(CLAIM_NAME.test(options.usageIdentifierClaim), scope, 'JwtUsageIdentifierClaim', () =>
      `${id}.usageIdentifierClaim must be the name of a claim, non-empty and without whitespace (e.g. 'custom:api_key'), got '${options.usageIdentifierClaim}'`);
  }
  const issuer = options.issuer ?? `https://cognito-idp.${Stack.of(options.userPool!).region}.amazonaws.com/${options.userPool!.userPoolId}`;
  return {
    issuer,
    jwksUri: options.jwksUri,
    audience: options.audience,
    clientIds: options.clientIds,
    tokenUse: options.tokenUse,
    requiredScopes: options.requiredScopes,
    contextClaims: options.contextClaims ?? ['sub'],
    usageIdentifierClaim: options.usageIdentifierClaim,
  };
}

function createAuthorizerFunction(scope: Construct, id: string, config: JwtAuthorizerConfig, retention: logs.RetentionDays): lambda.IFunction {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention });
  // A role of our own instead of the default one, which attaches the AWSLambdaBasicExecutionRole managed policy.
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'Runs the gatewaykit JWT authorizer: writes its own log group and X-Ray traces, nothing else',
  });
  logGroup.grantWrite(role);
  const handler = new JwtAuthorizerFunction(scope, id, {
    role,
    logGroup,
    memorySize: 256,
    timeout: Duration.seconds(10),
    tracing: lambda.Tracing.ACTIVE,
    description: 'gatewaykit JWT authorizer (aws-jwt-verify)',
    environment: { [JWT_AUTHORIZER_CONFIG_ENV]: Stack.of(scope).toJsonString(config) },
  });
  // The grants above and the tracing statement the function adds live in the role's default policy.
  suppressNagRules(role.node.findChild('DefaultPolicy'), [{
    id: 'AwsSolutions-IAM5',
    reason: 'X-Ray\'s PutTraceSegments and PutTelemetryRecords do not support resource-level permissions, so the tracing statement CDK adds must name Resource *.',
    appliesTo: ['Resource::*'],
  }]);
  suppressNagRules(handler, [
    {
      id: 'Serverless-LambdaDLQ',
      reason: 'API Gateway invokes the authorizer synchronously and turns a failure into a 401/500 response; a dead-letter queue only ever receives failed asynchronous invocations.',
    },
    {
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason: 'API Gateway invokes the authorizer synchronously; on-failure destinations apply to asynchronous invocations only.',
    },
  ]);
  return handler;
}
