import { UserPoolModel } from '../../src/model';

export const POOL_ID = 'us-east-1_AbCdEfGhI';
export const POOL_ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`;

export function userPool(overrides: Partial<UserPoolModel> = {}): UserPoolModel {
  return {
    origin: { stackName: 'AppStack', logicalId: 'UserPool6BA7E5F2', path: 'AppStack/UserPool' },
    userPoolId: POOL_ID,
    arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL_ID}`,
    issuer: POOL_ISSUER,
    clientIds: ['client-web', 'client-cli'],
    ...overrides,
  };
}

/** A compact JWT with any header, signed with nothing: for `alg: none` and tampered-header cases. */
export function unsignedToken(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const encode = (part: Record<string, unknown>) => Buffer.from(JSON.stringify(part)).toString('base64url');
  return `${encode(header)}.${encode(payload)}.`;
}
