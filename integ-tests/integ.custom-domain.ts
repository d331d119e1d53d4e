/**
 * A SecureLambdaApi served under a custom domain: a certificate validated by DNS in a public hosted zone, an alias
 * record, and the API's stage mapped at a single-level base path (`v1`) and at a multi-level one (`shop/v1`).
 *
 * Deploying needs a public hosted zone in the account. The defaults are placeholders that keep the snapshot stable;
 * give real values as context, e.g.
 * `npx cdk deploy --all --app 'npx ts-node --prefer-ts-exts integ-tests/integ.custom-domain.ts'
 *   -c hostedZoneId=Z0123456789ABCDEFGHIJ -c zoneName=example.org -c domainName=api.example.org`.
 *
 * Asserts: a public route answers 200 at `https://<domain>/v1/items` and `https://<domain>/shop/v1/items`, with
 * the base path stripped before routing.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { ApiCustomDomain, SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegCustomDomain');
const zoneName: string = app.node.tryGetContext('zoneName') ?? 'example.com';
const hostedZoneId: string = app.node.tryGetContext('hostedZoneId') ?? 'Z0000000000000000000';
const domainName: string = app.node.tryGetContext('domainName') ?? `gatewaykit-integ.${zoneName}`;

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ resource: event.resource }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  routes: {
    'GET /items': { handler, isPublic: true },
  },
});

const domain = new ApiCustomDomain(stack, 'CustomDomain', {
  domainName,
  hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId, zoneName }),
});
domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath: 'v1' });
domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath: 'shop/v1' });

const integ = new IntegTest(app, 'CustomDomain', { testCases: [stack], diffAssets: false });

// Retried: the new alias record can take a minute to resolve from the assertion function.
for (const basePath of ['v1', 'shop/v1']) {
  integ.assertions
    .httpApiCall(`${domain.url}${basePath}/items`)
    .expect(ExpectedResult.objectLike({ status: 200, body: { resource: '/items' } }))
    .waitForAssertions(PROPAGATION);
}
