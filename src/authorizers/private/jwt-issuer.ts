import { Names, Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { check } from '../../private/errors';

/** What a JWT authorizer trusts: a Cognito user pool or an OIDC issuer URL, exactly one of them. */
export interface JwtIssuerOptions {
  readonly userPool?: cognito.IUserPool;
  readonly issuer?: string;
}

/**
 * Names a JWT authorizer after what it verifies with, never after declaration order, so that adding a route does
 * not replace another route's authorizer.
 */
export function jwtIssuerIdentity(options: JwtIssuerOptions): string {
  if (options.userPool) {
    return Names.nodeUniqueId(options.userPool.node);
  }
  const issuer = options.issuer ?? '';
  return Token.isUnresolved(issuer) ? '' : issuer.replace(/^https:\/\//, '').replace(/[^A-Za-z0-9]/g, '');
}

/** Validates that exactly one of `userPool` and an https `issuer` is given, and returns the issuer URL (`iss`). */
export function resolveJwtIssuer(scope: IConstruct, id: string, options: JwtIssuerOptions): string {
  check((options.userPool === undefined) !== (options.issuer === undefined), scope, 'JwtIssuer', () =>
    `${id} needs exactly one of userPool and issuer, got ${options.userPool ? 'both' : 'neither'}`);
  if (options.issuer !== undefined && !Token.isUnresolved(options.issuer)) {
    check(options.issuer.startsWith('https://'), scope, 'JwtIssuer', () =>
      `${id}.issuer must be an https:// URL, got '${options.issuer}'`);
  }
  return options.issuer ?? userPoolIssuer(options.userPool!);
}

/** The `iss` claim of a Cognito user pool's tokens. */
export function userPoolIssuer(userPool: cognito.IUserPool): string {
  return `https://cognito-idp.${Stack.of(userPool).region}.amazonaws.com/${userPool.userPoolId}`;
}
