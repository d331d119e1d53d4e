import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApiGatewayCloudWatchRole, HttpApiRouteOptions, RestRouteOptions, SecureHttpApi, SecureLambdaApi } from '../src';

/** One way of putting N routes in front of one function. */
export interface Variant {
  readonly name: string;
  /** Adds the API with `n` routes to `stack`, all served by `fn`. */
  readonly addApi: (stack: Stack, fn: lambda.IFunction, n: number) => void;
}

/** A gatewaykit construct and the plain aws-cdk-lib L2 it is measured against, for one API type. */
export interface Suite {
  readonly name: string;
  readonly secure: Variant;
  readonly plain: Variant;
  /** The target: at most this many resources per route, plus a constant. */
  readonly maxResourcesPerRoute: number;
}

/** A fixed environment, so that region-dependent values (partition, endpoints) are literals as in a real app. */
const ENV = { account: '123456789012', region: 'eu-west-1' };

/**
 * aws-cdk-lib 2.257.0 itself refuses to write a template with more than 500 resources (TooManyResourcesInStack).
 * The plain L2s are measured with that check off so that their size and synth time above 500 can be compared;
 * the gatewaykit constructs' own [StackResourceLimit] validation does not read this context, so it still fails as it
 * would in any app.
 */
export const BENCH_CONTEXT = { '@aws-cdk/core:stackResourceLimit': 0 };

const SECURE_REST: Variant = {
  name: 'SecureLambdaApi',
  addApi: (stack, fn, n) => {
    // The construct's documented setup: one CloudWatch role per app. The plain L2 creates its own role by default,
    // so both variants carry a role and an AWS::ApiGateway::Account in their constant.
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const routes: { [routeKey: string]: RestRouteOptions } = {};
    for (let i = 0; i < n; i++) {
      routes[`GET /r${i}`] = { handler: fn };
    }
    new SecureLambdaApi(stack, 'Api', { routes });
  },
};

const PLAIN_REST: Variant = {
  name: 'RestApi (scopePermissionToMethod: false)',
  addApi: (stack, fn, n) => {
    const api = new apigateway.RestApi(stack, 'Api');
    // aws-cdk-lib's best option: one integration, one permission for every method, none for test invocations.
    const integration = new apigateway.LambdaIntegration(fn, { scopePermissionToMethod: false, allowTestInvoke: false });
    for (let i = 0; i < n; i++) {
      api.root.addResource(`r${i}`).addMethod('GET', integration);
    }
  },
};

const SECURE_HTTP: Variant = {
  name: 'SecureHttpApi',
  addApi: (stack, fn, n) => {
    const routes: { [routeKey: string]: HttpApiRouteOptions } = {};
    for (let i = 0; i < n; i++) {
      routes[`GET /r${i}`] = { handler: fn };
    }
    new SecureHttpApi(stack, 'Api', { routes });
  },
};

const PLAIN_HTTP: Variant = {
  name: 'HttpApi (scopePermissionToRoute: false)',
  addApi: (stack, fn, n) => {
    const api = new apigatewayv2.HttpApi(stack, 'Api');
    // aws-cdk-lib's best option: one integration and one permission for every route.
    const integration = new HttpLambdaIntegration('Integration', fn, { scopePermissionToRoute: false });
    for (let i = 0; i < n; i++) {
      api.addRoutes({ path: `/r${i}`, methods: [apigatewayv2.HttpMethod.GET], integration });
    }
  },
};

export const SUITES: Suite[] = [
  { name: 'rest', secure: SECURE_REST, plain: PLAIN_REST, maxResourcesPerRoute: 2 },
  { name: 'http', secure: SECURE_HTTP, plain: PLAIN_HTTP, maxResourcesPerRoute: 1 },
];

/** A fresh app holding one stack with one function and the variant's API. */
export function buildApp(variant: Variant, n: number, outdir: string, context: Record<string, unknown> = BENCH_CONTEXT) {
  const app = new App({ outdir, context });
  const stack = new Stack(app, 'Bench', { env: ENV });
  const fn = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
  });
  variant.addApi(stack, fn, n);
  return { app, stack };
}

/** What the construct tree holds, known even when synth fails. */
export interface TreeCount {
  /** Resources of the stack and its nested stacks. */
  readonly resources: number;
  /** Resources of the stack itself, which its template must have. */
  readonly ownResources: number;
  /** The stack and its nested stacks. */
  readonly stacks: number;
  /** Resources of the fullest of them, the number CloudFormation limits to 500. */
  readonly largestStack: number;
  readonly permissions: number;
}

/** Resources and Lambda permissions in the construct tree, per stack (nested stacks included). */
export function countTree(stack: Stack): TreeCount {
  const resources = stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c));
  const perStack = new Map<Stack, number>();
  resources.forEach((r) => perStack.set(Stack.of(r), (perStack.get(Stack.of(r)) ?? 0) + 1));
  return {
    resources: resources.length,
    ownResources: perStack.get(stack) ?? 0,
    stacks: perStack.size,
    largestStack: Math.max(0, ...perStack.values()),
    permissions: resources.filter((r) => r.cfnResourceType === 'AWS::Lambda::Permission').length,
  };
}
