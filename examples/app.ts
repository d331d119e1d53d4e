import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  ApiGatewayCloudWatchRole, HttpApiAuthorizer, JwtTokenUse, RestAuthorizer,
  SecureHttpApi, SecureLambdaApi, SecureWebSocketApi, WebSocketApiAuthorizer,
} from '../src';

const app = new App();
const stack = new Stack(app, 'GatewayKitExample');

// Once per app (and account and region): the account-wide role API Gateway logs with.
new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');

const items = new lambda.Function(stack, 'Items', {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline(
    // REST events (payload 1.0) carry path and authorizer.claims (Cognito) or authorizer.sub (the JWT authorizer's context);
    // HTTP API events (2.0) rawPath and authorizer.jwt.claims.
    'exports.handler = async (event) => { const auth = event.requestContext.authorizer; return { statusCode: 200, body: JSON.stringify({ path: event.path ?? event.rawPath, user: auth?.claims?.sub ?? auth?.jwt?.claims?.sub ?? auth?.sub ?? null }) }; };',
  ),
});

const api = new SecureLambdaApi(stack, 'Api', {
  authorizer: RestAuthorizer.cognito(),
  cors: { allowOrigins: ['https://app.example.com'], allowCredentials: true },
  routes: {
    'GET /items': { handler: items },
    'GET /items/{id}': { handler: items },
    'POST /items': { handler: items, authorizationScopes: ['items/write'] },
    'GET /health': { handler: items, isPublic: true },
  },
});

// The bundled JWT authorizer on one route, for tokens of the same pool's app client.
api.addRoute('GET /me', {
  handler: items,
  authorizer: RestAuthorizer.jwt({
    userPool: api.userPool,
    clientIds: [api.userPoolClient!.userPoolClientId],
    tokenUse: JwtTokenUse.ACCESS,
    contextClaims: ['sub', 'username'],
  }),
});

// The same functions behind an HTTP API, with API Gateway's native JWT authorizer for the same pool's app client.
new SecureHttpApi(stack, 'HttpApi', {
  authorizer: HttpApiAuthorizer.jwt({ userPool: api.userPool, audience: [api.userPoolClient!.userPoolClientId] }),
  cors: { allowOrigins: ['https://app.example.com'] },
  routes: {
    'GET /items': { handler: items },
    'GET /items/{id}': { handler: items },
    'GET /health': { handler: items, isPublic: true },
  },
});

// A chat over WebSocket: connections authorized by the bundled JWT authorizer (token in the query string) and kept
// in the connection registry, so the handler could broadcast with cdk-gatewaykit/lib/websocket-runtime.
const chat = new lambda.Function(stack, 'Chat', {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async (event) => ({ statusCode: 200, body: event.body ?? "" });'),
});
new SecureWebSocketApi(stack, 'ChatApi', {
  authorizer: WebSocketApiAuthorizer.jwt({
    userPool: api.userPool,
    clientIds: [api.userPoolClient!.userPoolClientId],
    tokenUse: JwtTokenUse.ACCESS,
  }),
  connectionRegistry: {},
  routes: {
    echo: { handler: chat, returnResponse: true },
  },
});

app.synth();
