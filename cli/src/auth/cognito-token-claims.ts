import { createHash, randomUUID } from 'node:crypto';
import { UserPoolModel } from '../model';

export type CognitoTokenUse = 'id' | 'access';

/** What a local Cognito sign-in produced the token for. */
export interface CognitoSignIn {
  readonly userPool: UserPoolModel;
  readonly clientId: string;
  readonly username: string;
  readonly tokenUse: CognitoTokenUse;
  /** Access tokens only. */
  readonly scopes: readonly string[];
  /** Epoch seconds of the sign-in: `auth_time` and `iat`. */
  readonly issuedAt: number;
  readonly expiresAt: number;
}

/** The scope Cognito grants an access token from a user-password sign-in. */
export const DEFAULT_ACCESS_TOKEN_SCOPES: readonly string[] = ['aws.cognito.signin.user.admin'];

/**
 * The claim set Cognito puts in a user pool's ID or access token (developer guide, "Understanding the identity
 * token" and "Understanding the access token"). `sub` is derived from the pool and the user name so every token for
 * one user carries the same subject, as it does in a real pool.
 */
export function cognitoTokenClaims(signIn: CognitoSignIn): Record<string, unknown> {
  const sub = stableSubject(signIn.userPool.userPoolId, signIn.username);
  const common = {
    sub,
    iss: signIn.userPool.issuer,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    token_use: signIn.tokenUse,
    auth_time: signIn.issuedAt,
    iat: signIn.issuedAt,
    exp: signIn.expiresAt,
    jti: randomUUID(),
  };
  if (signIn.tokenUse === 'id') {
    return {
      ...common,
      'aud': signIn.clientId,
      'cognito:username': signIn.username,
      'email': `${signIn.username}@example.com`,
      'email_verified': true,
    };
  }
  return {
    ...common,
    version: 2,
    client_id: signIn.clientId,
    scope: signIn.scopes.join(' '),
    username: signIn.username,
  };
}

function stableSubject(userPoolId: string, username: string): string {
  const hex = createHash('sha256').update(`${userPoolId}/${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
