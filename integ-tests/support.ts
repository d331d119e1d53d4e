import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicies, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ApiGatewayCloudWatchRole } from '../src';

/** How long an assertion retries while IAM and Lambda permissions propagate after a deployment. */
export const PROPAGATION = { totalTimeout: Duration.minutes(3), interval: Duration.seconds(10) };

/**
 * The app and stack of one integ test, with the account's CloudWatch role that every API here logs with.
 * Log groups are retained by default; a test deployment should leave nothing behind.
 */
export function integStack(stackName: string): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, stackName);
  new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
  RemovalPolicies.of(stack).destroy({ applyToResourceTypes: ['AWS::Logs::LogGroup'] });
  return { app, stack };
}

/** A Lambda function whose whole source is `code`, so the test needs no bundling. */
export function inlineFunction(scope: Construct, id: string, code: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(code),
    ...props,
  });
}

const USERNAME = 'integ-user';
// Only the admin auth flow is enabled on the client, so this password is useless without IAM credentials of the
// account (cognito-idp:AdminInitiateAuth); the pool is deleted with the test stack.
const PASSWORD = 'GatewayKit-Integ-Pa55!';

/** A user pool deleted with the test stack, an app client with the admin password flow only, and one user. */
export function integUserPool(stack: Stack): { userPool: cognito.UserPool; client: cognito.UserPoolClient } {
  const userPool = new cognito.UserPool(stack, 'UserPool', {
    selfSignUpEnabled: false,
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
  });
  const client = userPool.addClient('Client', {
    generateSecret: false,
    authFlows: { adminUserPassword: true },
  });
  new cognito.CfnUserPoolUser(stack, 'User', {
    userPoolId: userPool.userPoolId,
    username: USERNAME,
    messageAction: 'SUPPRESS',
  });
  return { userPool, client };
}

/** Signs the {@link integUserPool} user in through Cognito after deployment: the tokens of a real user of the pool. */
export function signInIntegUser(
  integ: IntegTest, userPool: cognito.IUserPool, client: cognito.IUserPoolClient,
): { accessToken: string; idToken: string } {
  const setPassword = integ.assertions.awsApiCall('@aws-sdk/client-cognito-identity-provider', 'AdminSetUserPassword', {
    UserPoolId: userPool.userPoolId,
    Username: USERNAME,
    Password: PASSWORD,
    Permanent: true,
  });
  const signIn = integ.assertions.awsApiCall('@aws-sdk/client-cognito-identity-provider', 'AdminInitiateAuth', {
    UserPoolId: userPool.userPoolId,
    ClientId: client.userPoolClientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME, PASSWORD },
  });
  setPassword.next(signIn);
  return {
    accessToken: signIn.getAttString('AuthenticationResult.AccessToken'),
    idToken: signIn.getAttString('AuthenticationResult.IdToken'),
  };
}

/**
 * A function that signs `GET url` with SigV4 (execute-api) using its own role's credentials, and returns the status and
 * body it gets; no dependencies. Its role has no permission until the test grants one.
 */
export function signedCaller(scope: Construct, id: string, url: string): lambda.Function {
  return inlineFunction(scope, id, `const crypto = require('node:crypto');
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data).digest();
const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');
exports.handler = async () => {
  const url = new URL(process.env.TARGET_URL);
  const region = process.env.AWS_REGION;
  const amzDate = new Date().toISOString().replace(/[:-]|\\.\\d{3}/g, '');
  const date = amzDate.slice(0, 8);
  const headers = { 'host': url.host, 'x-amz-date': amzDate, 'x-amz-security-token': process.env.AWS_SESSION_TOKEN };
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonical = ['GET', url.pathname, '', names.map((n) => n + ':' + headers[n] + '\\n').join(''), signedHeaders, sha256('')].join('\\n');
  const scope = date + '/' + region + '/execute-api/aws4_request';
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\\n');
  let key = hmac('AWS4' + process.env.AWS_SECRET_ACCESS_KEY, date);
  for (const part of [region, 'execute-api', 'aws4_request']) key = hmac(key, part);
  const signature = hmac(key, toSign).toString('hex');
  delete headers.host;
  headers.authorization = 'AWS4-HMAC-SHA256 Credential=' + process.env.AWS_ACCESS_KEY_ID + '/' + scope
    + ', SignedHeaders=' + signedHeaders + ', Signature=' + signature;
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.text() };
};`, { timeout: Duration.seconds(15), environment: { TARGET_URL: url } });
}
