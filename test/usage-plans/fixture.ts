import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { parseRouteKey } from '../../src/private/route-key';
import { UsageTiers } from '../../src/usage-plans/private/usage-tiers';
import { newStack } from '../support/fixtures';

/** The routes of the fixture API. */
export const ROUTES = ['GET /', 'GET /items', 'POST /items', 'GET /items/{id}', 'ANY /{proxy+}'];

/** The constructs {@link newTiers} creates besides the tiers engine, whose cdk-nag findings are the fixture's. */
export const TIERS_FIXTURES = ['Api', 'Beta', 'BetaDeployment'];

/**
 * A plain RestApi with mock methods, its deployment stage and an extra 'beta' stage, and the tiers engine in its
 * own construct `Metered`.
 */
export interface TiersFixture {
  readonly stack: Stack;
  readonly api: apigateway.RestApi;
  readonly beta: apigateway.Stage;
  readonly scope: Construct;
  readonly tiers: UsageTiers;
  /** The stage names the tiers cover, mutable to add a stage late. */
  readonly stageNames: string[];
}

export function newTiers(stack: Stack = newStack()): TiersFixture {
  const api = new apigateway.RestApi(stack, 'Api', { cloudWatchRole: false });
  const integration = new apigateway.MockIntegration({ integrationResponses: [{ statusCode: '200' }], requestTemplates: { 'application/json': '{"statusCode": 200}' } });
  const methodPaths = new Map<string, string>();
  for (const routeKey of ROUTES) {
    const key = parseRouteKey(stack, 'routes', routeKey);
    const method = api.root.resourceForPath(key.path).addMethod(key.method, integration, { methodResponses: [{ statusCode: '200' }] });
    methodPaths.set(key.key, methodPathOf(method));
  }
  const beta = new apigateway.Stage(stack, 'Beta', { stageName: 'beta', deployment: new apigateway.Deployment(stack, 'BetaDeployment', { api }) });
  const stageNames = [api.deploymentStage.stageName, beta.stageName];
  const scope = new Construct(stack, 'Metered');
  const tiers = new UsageTiers({
    scope,
    apiStages: () => ({ apiId: api.restApiId, stageNames }),
    methodPathOf: (routeKey) => methodPaths.get(routeKey),
    propPrefix: 'tiers',
    knownRouteKeys: () => [...methodPaths.keys()],
  });
  return { stack, api, beta, scope, tiers, stageNames };
}

/**
 * The usage-plan throttle key of a method, as aws-cdk-lib's UsagePlan renders it (`${resource.path}/${httpMethod}`,
 * so the root is `//GET`), with `ANY` written `*`.
 */
export function methodPathOf(method: apigateway.Method): string {
  return `${method.resource.path}/${method.httpMethod === 'ANY' ? '*' : method.httpMethod}`;
}
