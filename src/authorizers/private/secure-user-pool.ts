import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { excludeUsageIdentifierAttributes } from './usage-identifier-attribute';

/** The app client settings of every client the library creates: public (no secret), SRP sign-in only. */
const SECURE_USER_POOL_CLIENT_OPTIONS: cognito.UserPoolClientOptions = {
  generateSecret: false,
  authFlows: { userSrp: true },
  preventUserExistenceErrors: true,
  enableTokenRevocation: true,
};

/**
 * A user pool with secure defaults (admin-created users only, 12-character passwords with all character classes,
 * required TOTP MFA, the Plus feature plan with full threat protection, retained on deletion) and one public client
 * `Client`, for the Cognito authorizers of REST and HTTP APIs alike.
 */
export function createSecureUserPool(scope: Construct, id: string, overrides: cognito.UserPoolProps | undefined) {
  const userPool = new cognito.UserPool(scope, id, {
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    autoVerify: { email: true },
    passwordPolicy: {
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
    },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    ...overrides,
  });
  const client = createUserPoolClient(userPool, 'Client', userPool);
  return { userPool, client };
}

/**
 * An app client with the library's settings. When a bundled JWT authorizer's `usageIdentifierClaim` reads an
 * attribute of its pool, the client cannot write that attribute, so that no user can choose the API key they are
 * metered with.
 */
export function createUserPoolClient(scope: Construct, id: string, userPool: cognito.IUserPool): cognito.UserPoolClient {
  const client = new cognito.UserPoolClient(scope, id, { userPool, ...SECURE_USER_POOL_CLIENT_OPTIONS });
  excludeUsageIdentifierAttributes(client, userPool);
  return client;
}
