/**
 * A REST API (SecureLambdaApi) and an HTTP API (SecureHttpApi) of 600 routes each, spread over nested stacks
 * (routesPerNestedStack at its defaults, 50 and 100): one API each, deployed from the test stack and its nested stacks.
 *
 * Asserts: routes whose methods live in two different nested stacks answer through the API's one stage, for both API
 * types.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { HttpApiRouteOptions, RestRouteOptions, SecureHttpApi, SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const ROUTES = 600;

const { app, stack } = integStack('GatewayKitIntegNestedStacks');

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ path: event.rawPath ?? event.path }),
});`);

/** Called unsigned by the assertions, so public; every other route keeps the default IAM authorization. */
const ASSERTED_PATHS = ['g7/r7', 'g29/r599'];

/** `GET /g{i % 30}/r{i}`: 30 top-level paths of 20 routes each. */
function routes<T>(options: (isPublic: boolean) => T): Record<string, T> {
  return Object.fromEntries(Array.from({ length: ROUTES }, (_, i) => [`GET /g${i % 30}/r${i}`, options(ASSERTED_PATHS.includes(`g${i % 30}/r${i}`))]));
}

const restApi = new SecureLambdaApi(stack, 'RestApi', { routes: routes<RestRouteOptions>((isPublic) => ({ handler, isPublic })) });
const httpApi = new SecureHttpApi(stack, 'HttpApi', { routes: routes<HttpApiRouteOptions>((isPublic) => ({ handler, isPublic })) });

const integ = new IntegTest(app, 'NestedStacks', { testCases: [stack], diffAssets: false });

for (const path of ASSERTED_PATHS) {
  integ.assertions
    .httpApiCall(`${restApi.url}${path}`)
    .expect(ExpectedResult.objectLike({ status: 200, body: { path: `/${path}` } }))
    .waitForAssertions(PROPAGATION);
  integ.assertions
    .httpApiCall(`${httpApi.url}${path}`)
    .expect(ExpectedResult.objectLike({ status: 200, body: { path: `/${path}` } }))
    .waitForAssertions(PROPAGATION);
}
