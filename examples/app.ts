import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApiGatewayCloudWatchRole, JwtTokenUse, RestAuthorizer, SecureLambdaApi } from '../src';

const app = new App();
const stack = new Stack(app, 'GatewayKitExample');

// Once per app (and account and region): the account-wide role API Gateway logs with.
new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');

const items = new lambda.Function(stack, 'Items', {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline(
    'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ path: event.path, user: event.requestContext.authorizer?.claims?.sub ?? null }) });',
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

app.synth();
