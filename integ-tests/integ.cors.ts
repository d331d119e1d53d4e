/**
 * A SecureLambdaApi (default IAM authorization) allowing one browser origin.
 *
 * Asserts: a preflight request is answered 204 with the CORS headers, and a request the gateway refuses itself
 * (unsigned, 403) still carries `Access-Control-Allow-Origin`, so that a browser shows the page the real status
 * instead of a CORS error.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { SecureLambdaApi } from '../src';
import { inlineFunction, integStack } from './support';

const ORIGIN = 'https://app.example.com';

const { app, stack } = integStack('GatewayKitIntegCors');

const handler = inlineFunction(stack, 'Handler', `exports.handler = async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'access-control-allow-origin': '${ORIGIN}' },
  body: '{}',
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  cors: { allowOrigins: [ORIGIN] },
  routes: {
    'GET /items': { handler },
  },
});

const integ = new IntegTest(app, 'Cors', { testCases: [stack], diffAssets: false });

// node-fetch reports headers with lower-case names, each as an array of values.
integ.assertions
  .httpApiCall(`${api.url}items`, {
    method: 'OPTIONS',
    headers: {
      'Origin': ORIGIN,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  })
  .expect(ExpectedResult.objectLike({
    status: 204,
    headers: {
      'access-control-allow-origin': [ORIGIN],
      'access-control-allow-methods': [Match.stringLikeRegexp('GET')],
      'access-control-allow-headers': [Match.stringLikeRegexp('Authorization')],
    },
  }));

integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { Origin: ORIGIN } })
  .expect(ExpectedResult.objectLike({
    status: 403,
    headers: {
      'access-control-allow-origin': [ORIGIN],
      'vary': [Match.stringLikeRegexp('Origin')],
    },
  }));
