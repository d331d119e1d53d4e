/**
 * A MeteredApi with two tiers (`free`: 5 rps, bursts of 10 and a daily quota; `pro`: a higher throttle, a monthly
 * quota and a per-route throttle), one public route that requires an API key (MeteredApi's default), and one
 * customer per tier, each with a key generated into Secrets Manager.
 *
 * Asserts: a request without `x-api-key` is refused with 403 `Forbidden`, and a request with either customer's key
 * gets 200 from the handler, which sees that customer's API key id. The key values are read from the customers'
 * secrets by the assertion provider, whose role is granted `kms:Decrypt` (through Secrets Manager) on the key
 * encrypting them; `secretsmanager:GetSecretValue` is granted by `awsApiCall` itself.
 */
import { ExpectedResult, IApiCall, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { Aws } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { MeteredApi, UsageCustomer } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegMeteredApi');

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ apiKeyId: event.requestContext.identity.apiKeyId }),
});`);

const api = new MeteredApi(stack, 'Api', {
  routes: {
    'GET /hello': { handler, isPublic: true },
  },
  tiers: {
    free: {
      throttle: { rateLimit: 5, burstLimit: 10 },
      quota: { limit: 1000, period: apigateway.Period.DAY },
    },
    pro: {
      throttle: { rateLimit: 50, burstLimit: 100 },
      quota: { limit: 100000, period: apigateway.Period.MONTH },
      routeThrottles: { 'GET /hello': { rateLimit: 20, burstLimit: 40 } },
    },
  },
  customers: {
    'free-customer': { tier: 'free' },
    'pro-customer': { tier: 'pro' },
  },
});

const integ = new IntegTest(app, 'MeteredApi', { testCases: [stack], diffAssets: false });

// API Gateway refuses a request without a key itself, before the handler.
integ.assertions
  .httpApiCall(`${api.url}hello`)
  .expect(ExpectedResult.objectLike({ status: 403, body: { message: 'Forbidden' } }));

/** Reads the customer's key value from its secret and calls the route with it; returns the secret's read. */
function assertAcceptsKeyOf(customer: UsageCustomer): IApiCall {
  const secretValue = integ.assertions.awsApiCall('SecretsManager', 'getSecretValue', {
    SecretId: customer.secret!.secretArn,
  });
  // Retried: a new key's association with its usage plan takes a while to reach every API Gateway node.
  integ.assertions
    .httpApiCall(`${api.url}hello`, { headers: { 'x-api-key': secretValue.getAttString('SecretString') } })
    .expect(ExpectedResult.objectLike({ status: 200, body: { apiKeyId: customer.apiKey.keyId } }))
    .waitForAssertions(PROPAGATION);
  return secretValue;
}

const secretReads = [api.customers['free-customer'], api.customers['pro-customer']].map(assertAcceptsKeyOf);

// What customer.grantRead gives a principal. The assertion provider (one function for every call of the stack) is no
// IGrantable, so its policy gets the statement directly; awsApiCall has granted secretsmanager:GetSecretValue.
secretReads[0].provider.addToRolePolicy({
  Effect: 'Allow',
  Action: ['kms:Decrypt'],
  Resource: [api.apiKeyEncryptionKey!.keyArn],
  Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${Aws.REGION}.amazonaws.com` } },
});
