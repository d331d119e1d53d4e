import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newWebSocketApi } from './support';
import { JwtTokenUse, WebSocketApiAuthorizer } from '../../src';
import { JWT_AUTHORIZER_CONFIG_ENV } from '../../src/handlers/jwt-authorizer-config.lambda-shared';
import { countOf, newFunction, templateOf } from '../support/fixtures';

/** The configuration the bundled JWT authorizer function receives. */
function jwtConfigOf(stack: Stack, api: { authorizerFunction?: lambda.IFunction }) {
  const logicalId = stack.getLogicalId(api.authorizerFunction!.node.defaultChild as lambda.CfnFunction);
  const resource = templateOf(stack).toJSON().Resources[logicalId];
  return JSON.parse(resource.Properties.Environment.Variables[JWT_AUTHORIZER_CONFIG_ENV]);
}

describe('$connect authorization', () => {
  test('connections are IAM-authorized by default', () => {
    const { stack } = newWebSocketApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'AWS_IAM' });
    expect(countOf(stack, 'AWS::ApiGatewayV2::Authorizer')).toBe(0);
  });

  test('other routes carry no authorization: API Gateway authorizes the connection once', () => {
    const { stack } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler }, $default: { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'sendMessage', AuthorizationType: 'NONE' });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default', AuthorizationType: 'NONE' });
  });

  test('grantConnect allows execute-api:Invoke on the stage\'s $connect route only', () => {
    const { stack, api } = newWebSocketApi();
    const role = new iam.Role(stack, 'Client', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantConnect(role);
    templateOf(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'execute-api:Invoke',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', Match.arrayWith([stack.resolve(api.webSocketApi.apiId), '/prod/$connect'])] },
        }],
      },
    });
  });

  test('a Lambda REQUEST authorizer runs the function on its identity sources, with one permission scoped to the authorizer', () => {
    const { stack, api } = newWebSocketApi((_, scope) => ({
      authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), {
        identitySources: ['route.request.header.Authorization', 'route.request.querystring.tenant'],
      }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.header.Authorization', 'route.request.querystring.tenant'],
      AuthorizerUri: { 'Fn::Join': ['', Match.arrayWith([stack.resolve(api.authorizerFunction!.functionArn)])] },
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$connect',
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: Match.stringLikeRegexp('^ApiConnectAuthorizer') },
    });
    templateOf(stack).hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: stack.resolve(api.authorizerFunction!.functionArn),
      SourceArn: { 'Fn::Join': ['', Match.arrayWith(['/authorizers/'])] },
    });
  });

  test('WebSocket authorizers have no result cache setting', () => {
    const { stack } = newWebSocketApi((_, scope) => ({
      authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), { identitySources: ['route.request.header.Authorization'] }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerResultTtlInSeconds: Match.absent() });
  });

  test('stage variables and context variables are accepted identity sources', () => {
    const { stack } = newWebSocketApi((_, scope) => ({
      authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), { identitySources: ['stageVariables.tenant', 'context.requestId'] }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { IdentitySource: ['stageVariables.tenant', 'context.requestId'] });
  });

  test('a Lambda authorizer without identity sources runs on every connection attempt', () => {
    const { stack } = newWebSocketApi((_, scope) => ({
      authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), { identitySources: [] }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'REQUEST', IdentitySource: Match.absent() });
  });

  test('the bundled JWT authorizer reads the token from the token query string by default', () => {
    const { stack, api } = newWebSocketApi(() => ({
      authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'] }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    });
    expect(jwtConfigOf(stack, api)).toEqual({
      issuer: 'https://issuer.example.com',
      audience: ['chat'],
      contextClaims: ['sub'],
      tokenSource: { in: 'query', name: 'token' },
    });
  });

  test('the bundled JWT authorizer receives requireExpiration: false', () => {
    const { stack, api } = newWebSocketApi(() => ({
      authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'], requireExpiration: false }),
    }));
    expect(jwtConfigOf(stack, api).requireExpiration).toBe(false);
  });

  test('tokenQueryString names the query string parameter of the JWT', () => {
    const { stack, api } = newWebSocketApi(() => ({
      authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', clientIds: ['abc'], tokenUse: JwtTokenUse.ACCESS, tokenQueryString: 'access_token' }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { IdentitySource: ['route.request.querystring.access_token'] });
    expect(jwtConfigOf(stack, api).tokenSource).toEqual({ in: 'query', name: 'access_token' });
  });

  test('the JWT authorizer function is the bundled one, with its own role, log group and X-Ray tracing', () => {
    const { stack, api } = newWebSocketApi(() => ({
      authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'] }),
    }));
    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', {
      Description: 'gatewaykit JWT authorizer (aws-jwt-verify)',
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^ApiConnectAuthorizerFunctionLogs') } },
      Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiConnectAuthorizerFunctionRole'), 'Arn'] },
    });
    expect(api.authorizerFunction).toBeDefined();
  });

  test('routes[\'$connect\'].authorizer replaces the API\'s authorizer', () => {
    const { stack } = newWebSocketApi((handler, scope) => ({
      authorizer: WebSocketApiAuthorizer.iam(),
      routes: { $connect: { handler, authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), { identitySources: ['route.request.querystring.key'] }) } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'CUSTOM' });
  });

  test('$connect is public only when it says isPublic: true', () => {
    const { stack, api } = newWebSocketApi(() => ({ routes: { $connect: { isPublic: true } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'NONE' });
    expect(api.authorizerFunction).toBeUndefined();
  });

  test('a $connect handler receives the authorized connections', () => {
    const { stack, fn } = newWebSocketApi((handler) => ({ routes: { $connect: { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::Join': ['', Match.arrayWith([stack.resolve(fn.functionArn)])] },
    });
    expect(countOf(stack, 'AWS::ApiGatewayV2::IntegrationResponse')).toBe(0);
  });

  test('grantManageConnections allows the management API on this stage\'s connections', () => {
    const { stack, api, fn } = newWebSocketApi();
    api.grantManageConnections(fn);
    templateOf(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'execute-api:ManageConnections',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', Match.arrayWith([stack.resolve(api.webSocketApi.apiId), '/prod/*/@connections/*'])] },
        }],
      },
    });
  });
});
