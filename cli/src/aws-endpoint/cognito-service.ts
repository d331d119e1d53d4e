import { AwsServiceHandler, AwsServiceResponse, jsonError } from './service-request';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
/** The admin flows that sign a user in with a password, and the client setting each needs. */
const PASSWORD_FLOWS: Readonly<Record<string, readonly string[]>> = {
  ADMIN_USER_PASSWORD_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  ADMIN_NO_SRP_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
};

/** A user pool of the app as the local Cognito knows it: its users (by name) and its app clients' auth flows. */
export interface LocalUserPool {
  readonly userPoolId: string;
  readonly usernames: ReadonlySet<string>;
  /** App client id -> its `ExplicitAuthFlows`. */
  readonly clients: ReadonlyMap<string, readonly string[]>;
}

/** Signs the ID and access tokens of a user of a pool, for an app client. */
export type CognitoTokenMinter = (userPoolId: string, clientId: string, username: string) => Promise<{ idToken: string; accessToken: string }>;

/**
 * Cognito's `AdminSetUserPassword` and `AdminInitiateAuth` with a password flow, for the users the app declares
 * (`AWS::Cognito::UserPoolUser`): the tokens are the local issuer's, which every authorizer of the app accepts.
 * Every other operation is left unanswered.
 */
export function cognitoService(pools: readonly LocalUserPool[], mint: CognitoTokenMinter): AwsServiceHandler {
  const passwords = new Map<string, string>();
  return async (request) => {
    const operation = request.target?.startsWith(TARGET_PREFIX) ? request.target.slice(TARGET_PREFIX.length) : undefined;
    if (operation !== 'AdminSetUserPassword' && operation !== 'AdminInitiateAuth') return undefined;
    const body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
    const pool = pools.find((p) => p.userPoolId === body.UserPoolId);
    if (pool === undefined) return jsonError(400, 'ResourceNotFoundException', `User pool ${String(body.UserPoolId)} does not exist.`);
    if (operation === 'AdminSetUserPassword') {
      const username = String(body.Username);
      if (!pool.usernames.has(username)) return jsonError(400, 'UserNotFoundException', 'User does not exist.');
      passwords.set(`${pool.userPoolId}/${username}`, String(body.Password));
      return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' };
    }
    return initiateAuth(pool, body, passwords, mint);
  };
}

async function initiateAuth(
  pool: LocalUserPool,
  body: Record<string, unknown>,
  passwords: ReadonlyMap<string, string>,
  mint: CognitoTokenMinter,
): Promise<AwsServiceResponse | undefined> {
  const flow = String(body.AuthFlow);
  const clientFlows = PASSWORD_FLOWS[flow];
  if (clientFlows === undefined) return undefined;
  const clientId = String(body.ClientId);
  const enabled = pool.clients.get(clientId);
  if (enabled === undefined) return jsonError(400, 'ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  if (!enabled.some((f) => clientFlows.includes(f))) return jsonError(400, 'InvalidParameterException', 'Auth flow not enabled for this client');
  const parameters = (body.AuthParameters ?? {}) as Record<string, string>;
  const username = parameters.USERNAME;
  const password = passwords.get(`${pool.userPoolId}/${username}`);
  if (!pool.usernames.has(username) || password === undefined || password !== parameters.PASSWORD) {
    return jsonError(400, 'NotAuthorizedException', 'Incorrect username or password.');
  }
  const { idToken, accessToken } = await mint(pool.userPoolId, clientId, username);
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ ChallengeParameters: {}, AuthenticationResult: { AccessToken: accessToken, IdToken: idToken, ExpiresIn: 3600, TokenType: 'Bearer' } }),
  };
}
