import { Duration } from 'aws-cdk-lib';
import { HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/** Options for the native JWT authorizer of an HTTP API. */
export interface HttpJwtAuthorizerOptions {
  /**
   * A Cognito user pool whose tokens are accepted; sets the issuer. Give exactly one of `userPool` and `issuer`.
   * @default - `issuer` must be given
   */
  readonly userPool?: cognito.IUserPool;
  /**
   * The OIDC issuer URL (`iss` claim), e.g. `https://example.eu.auth0.com/`; API Gateway fetches its signing keys from
   * the issuer's OpenID discovery document. Give exactly one of `userPool` and `issuer`.
   * @default - derived from `userPool`
   */
  readonly issuer?: string;
  /**
   * Accepted audiences: a token's `aud` claim, or its `client_id` claim when it has no `aud` (Cognito access tokens),
   * must be one of them. For a Cognito user pool, the ids of its app clients.
   */
  readonly audience: string[];
  /**
   * Where the token is read: `$request.header.<name>` or `$request.querystring.<name>`; a `Bearer ` prefix is optional.
   * @default '$request.header.Authorization'
   */
  readonly identitySource?: string;
}

/** Options for a JWT authorizer for the tokens of a Cognito user pool. */
export interface HttpCognitoAuthorizerOptions {
  /**
   * The user pool whose tokens are accepted.
   * @default - a new pool with secure defaults: admin-created users only, 12-character passwords with all
   * character classes, required TOTP MFA, the Plus feature plan with full threat protection, retained on deletion,
   * and one public client (no secret, SRP sign-in)
   */
  readonly userPool?: cognito.IUserPool;
  /**
   * The app clients whose tokens are accepted (the token's `aud` or `client_id`).
   * @default - the client created with the pool; for a `userPool` given, a new public client of that pool (no
   * secret, SRP sign-in)
   */
  readonly userPoolClients?: cognito.IUserPoolClient[];
  /**
   * Overrides for the pool the construct creates; ignored when `userPool` is given.
   * @default - the secure defaults described on `userPool`
   */
  readonly userPoolProps?: cognito.UserPoolProps;
}

/** Options for a Lambda authorizer of an HTTP API. */
export interface HttpLambdaAuthorizerOptions {
  /**
   * What the function returns: SIMPLE, `{ isAuthorized: boolean, context? }`; or IAM, a policy document allowing or
   * denying `execute-api:Invoke` on the route ARN it receives (`routeArn`). Both receive the 2.0 request payload.
   * With caching on, a SIMPLE decision applies to every route behind the authorizer; add `$context.routeKey` to
   * `identitySources` to cache per route, or return an IAM policy.
   * @default HttpLambdaResponseType.SIMPLE
   */
  readonly responseType?: HttpLambdaResponseType;
  /**
   * The request values the function needs: `$request.header.<name>`, `$request.querystring.<name>`,
   * `$context.<variable>` or `$stageVariables.<name>`. API Gateway answers 401 without invoking the function when one
   * is missing, and keys the cache on them.
   * @default ['$request.header.Authorization']
   */
  readonly identitySources?: string[];
  /**
   * How long API Gateway caches a decision, keyed by the identity sources; 0 disables caching (0 to 3600 seconds).
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;
}
