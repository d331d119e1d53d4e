/**
 * A SecureWebSocketApi behind a user-written Lambda REQUEST authorizer keyed on the `token` query string parameter,
 * with the connection registry and a two-way route.
 *
 * integ-tests-alpha cannot open a WebSocket, so the test asserts what a deployment makes observable without one:
 * the authorizer denies a wrong token and allows the right one; the registry's `$connect` handler, given the event API
 * Gateway sends on a connection, writes the connection to the table (read back with DynamoDB GetItem), and its
 * `$disconnect` handler deletes it; and the API and stage carry the route selection expression, throttling and
 * logging settings.
 *
 * Needs the handler bundles: run `npx projen bundle` before synthesizing.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Aws } from 'aws-cdk-lib';
import { SecureWebSocketApi, WebSocketApiAuthorizer } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const CONNECTION_ID = 'IntegConnection1=';

const { app, stack } = integStack('GatewayKitIntegWebSocket');

const authorizerFunction = inlineFunction(stack, 'TokenAuthorizer', `exports.handler = async (event) => {
  const token = (event.queryStringParameters || {}).token;
  if (!token) {
    throw new Error('Unauthorized');
  }
  return {
    principalId: 'integ-user',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: token === 'let-me-in' ? 'Allow' : 'Deny', Resource: event.methodArn }],
    },
  };
};`);

const echo = inlineFunction(stack, 'Echo', `exports.handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ echo: event.body, connectionId: event.requestContext.connectionId }),
});`);

const api = new SecureWebSocketApi(stack, 'Api', {
  authorizer: WebSocketApiAuthorizer.request(authorizerFunction, { identitySources: ['route.request.querystring.token'] }),
  connectionRegistry: {},
  routes: {
    echo: { handler: echo, returnResponse: true },
    $default: { handler: echo },
  },
});

const integ = new IntegTest(app, 'WebSocket', { testCases: [stack], diffAssets: false });

/** The REQUEST event API Gateway sends the authorizer for a handshake to `$connect`. */
const authorizerEvent = (token: string) => JSON.stringify({
  type: 'REQUEST',
  methodArn: api.webSocketApi.arnForExecuteApiV2('$connect', api.stage.stageName),
  queryStringParameters: { token },
  requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId: CONNECTION_ID },
});

integ.assertions
  .invokeFunction({ functionName: authorizerFunction.functionName, payload: authorizerEvent('wrong') })
  .expect(ExpectedResult.objectLike({
    Payload: Match.serializedJson(Match.objectLike({ policyDocument: { Version: '2012-10-17', Statement: [Match.objectLike({ Effect: 'Deny' })] } })),
  }));

integ.assertions
  .invokeFunction({ functionName: authorizerFunction.functionName, payload: authorizerEvent('let-me-in') })
  .expect(ExpectedResult.objectLike({
    Payload: Match.serializedJson(Match.objectLike({ principalId: 'integ-user', policyDocument: { Version: '2012-10-17', Statement: [Match.objectLike({ Effect: 'Allow' })] } })),
  }));

/** The event API Gateway sends the registry's handlers when a connection opens or closes. */
const connectionEvent = (routeKey: string, eventType: string) => JSON.stringify({
  requestContext: {
    routeKey,
    eventType,
    connectionId: CONNECTION_ID,
    requestId: `integ-${eventType.toLowerCase()}`,
    apiId: api.webSocketApi.apiId,
    stage: api.stage.stageName,
    authorizer: { principalId: 'integ-user' },
  },
  isBase64Encoded: false,
});
const getItem = () => integ.assertions.awsApiCall('@aws-sdk/client-dynamodb', 'GetItem', {
  TableName: api.connectionTable!.tableName,
  Key: { connectionId: { S: CONNECTION_ID } },
  ConsistentRead: true,
});

const connect = integ.assertions
  .invokeFunction({ functionName: api.connectFunction!.functionName, payload: connectionEvent('$connect', 'CONNECT') })
  .expect(ExpectedResult.objectLike({ Payload: Match.serializedJson(Match.objectLike({ statusCode: 200 })) }));
const registered = getItem().expect(ExpectedResult.objectLike({
  Item: Match.objectLike({ connectionId: { S: CONNECTION_ID }, principalId: { S: 'integ-user' }, expiresAt: { N: Match.stringLikeRegexp('^\\d+$') } }),
}));
const disconnect = integ.assertions
  .invokeFunction({ functionName: api.disconnectFunction!.functionName, payload: connectionEvent('$disconnect', 'DISCONNECT') })
  .expect(ExpectedResult.objectLike({ Payload: Match.serializedJson(Match.objectLike({ statusCode: 200 })) }));
// The plain expected value, compared exactly: integ-tests-alpha's handler decodes the $ObjectLike, $ArrayWith, $StringLike
// and $SerializedJson matchers but not the $Exact that ExpectedResult.exact() writes, so exact({}) could never pass.
const forgotten = getItem().expect({ result: JSON.stringify({}) });
connect.next(registered).next(disconnect).next(forgotten);

const apiArn = `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::/apis/${api.webSocketApi.apiId}`;
const getApi = integ.assertions.awsApiCall('@aws-sdk/client-apigatewayv2', 'GetApi', { ApiId: api.webSocketApi.apiId });
// awsApiCall grants `apigateway:GetApi` and `apigateway:GetStage`, which are no IAM actions: API Gateway authorizes
// reads as apigateway:GET on the resource's path.
getApi.provider.addToRolePolicy({ Effect: 'Allow', Action: ['apigateway:GET'], Resource: [apiArn, `${apiArn}/stages/*`] });
getApi.expect(ExpectedResult.objectLike({ ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));

integ.assertions
  .awsApiCall('@aws-sdk/client-apigatewayv2', 'GetStage', { ApiId: api.webSocketApi.apiId, StageName: api.stage.stageName })
  .expect(ExpectedResult.objectLike({
    AutoDeploy: true,
    DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, LoggingLevel: 'ERROR', DataTraceEnabled: false }),
  }))
  .waitForAssertions(PROPAGATION);
