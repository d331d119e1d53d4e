import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { JwtVerificationOptions } from './jwt-verification-options';

/** Options for a Cognito user pool authorizer. */
export interface CognitoAuthorizerOptions {
  /**
   * The user pool whose tokens are accepted.
   * @default - a new pool with secure defaults: admin-created users only, 12-character passwords with all
   * character classes, required TOTP MFA, the Plus feature plan with full threat protection, retained on deletion,
   * and one public client (no secret, SRP sign-in)
   */
  readonly userPool?: cognito.IUserPool;
  /**
   * Overrides for the pool the construct creates; ignored when `userPool` is given.
   * @default - the secure defaults described on `userPool`
   */
  readonly userPoolProps?: cognito.UserPoolProps;
  /**
   * The header carrying the token.
   * @default 'Authorization'
   */
  readonly identityHeader?: string;
  /**
   * How long API Gateway caches the authorizer's decision; 0 disables caching.
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;
}

/** Options for a Lambda TOKEN authorizer. */
export interface TokenAuthorizerOptions {
  /**
   * The header carrying the token.
   * @default 'Authorization'
   */
  readonly identityHeader?: string;
  /**
   * A regular expression the token must match; API Gateway answers 401 without invoking the function otherwise.
   * @default - every token reaches the function
   */
  readonly validationRegex?: string;
  /**
   * How long API Gateway caches the returned policy, keyed by the token; 0 disables caching.
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;
}

/** Options for a Lambda REQUEST authorizer. */
export interface RequestAuthorizerOptions {
  /**
   * Where the authorizer's inputs come from, built with `apigateway.IdentitySource`:
   * `header('X')`, `queryString('x')`, `stageVariable('x')` or `context('x')`. With caching on, they form the
   * cache key and API Gateway answers 401 without invoking the function when one is missing.
   */
  readonly identitySources: string[];
  /**
   * How long API Gateway caches the returned policy, keyed by the identity sources; 0 disables caching.
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;
}

/** Options for the bundled JWT authorizer of a REST API. */
export interface JwtAuthorizerOptions extends JwtVerificationOptions {
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
}
