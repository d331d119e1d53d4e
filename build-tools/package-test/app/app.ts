// A user's CDK app, compiled and run in a temporary folder outside the repository against the installed tarballs
// (see ../run.ts): it imports `cdk-gatewaykit` by its published name, as users do.
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  ApiGatewayCloudWatchRole, HttpApiAuthorizer, MeteredApi, SecureHttpApi, SecureLambdaApi, SecureWebSocketApi,
  WebSocketApiAuthorizer,
} from 'cdk-gatewaykit';

const env: StackProps['env'] = { account: '123456789012', region: 'eu-west-1' };

function handlerIn(stack: Stack, id = 'Handler'): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
  });
}

const app = new App();

const rest = new Stack(app, 'Rest', { env });
new ApiGatewayCloudWatchRole(rest, 'CloudWatchRole');
new SecureLambdaApi(rest, 'Api', {
  routes: {
    'GET /items/{id}': { handler: handlerIn(rest) },
    'GET /health': { handler: handlerIn(rest, 'Health'), isPublic: true },
  },
});

const metered = new Stack(app, 'Metered', { env });
const meteredApi = new MeteredApi(metered, 'Api', {
  tiers: { free: { throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 1_000, period: apigateway.Period.DAY } } },
  customers: { acme: { tier: 'free' } },
  stages: { prod: { canary: { percentTraffic: 10, stageVariableOverrides: { version: 'v2' } } } },
  routes: { 'GET /orders': { handler: handlerIn(metered) } },
});
meteredApi.addCustomer('globex', { tier: 'free' });

const http = new Stack(app, 'Http', { env });
const orders = handlerIn(http);
new SecureHttpApi(http, 'Api', {
  authorizer: HttpApiAuthorizer.jwt({ issuer: 'https://issuer.example.com/', audience: ['orders'] }),
  routes: {
    'GET /orders': { handler: orders },
    'GET /partners': { handler: orders, authorizer: HttpApiAuthorizer.request(handlerIn(http, 'PartnerAuthorizer')) },
  },
});

const webSocket = new Stack(app, 'WebSocket', { env });
new SecureWebSocketApi(webSocket, 'Api', {
  authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com/', audience: ['chat'] }),
  connectionRegistry: {},
  routes: { sendMessage: { handler: handlerIn(webSocket) } },
});

app.synth();
