/**
 * A SecureLambdaApi with the default authorization: IAM (SigV4).
 *
 * Asserts: an unsigned request is refused with 403 `Missing Authentication Token`, and a Lambda function granted
 * access with `api.grantInvoke` gets 200 for a request it signs with its own role's credentials.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration } from 'aws-cdk-lib';
import { SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegIam');

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ caller: event.requestContext.identity.userArn }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  routes: {
    'GET /items': { handler },
  },
});

// Signs GET TARGET_URL with SigV4 (execute-api) using the function's role credentials; no dependencies.
const caller = inlineFunction(stack, 'SignedCaller', `const crypto = require('node:crypto');
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
};`, { timeout: Duration.seconds(15), environment: { TARGET_URL: `${api.url}items` } });
api.grantInvoke(caller);

const integ = new IntegTest(app, 'Iam', { testCases: [stack], diffAssets: false });

integ.assertions
  .httpApiCall(`${api.url}items`)
  .expect(ExpectedResult.objectLike({ status: 403, body: { message: 'Missing Authentication Token' } }));

// Retried: the role's new identity policy can take a few seconds to apply.
integ.assertions
  .invokeFunction({ functionName: caller.functionName })
  .expect(ExpectedResult.objectLike({
    Payload: Match.serializedJson(Match.objectLike({ status: 200, body: Match.stringLikeRegexp('assumed-role') })),
  }))
  .waitForAssertions(PROPAGATION);
