import { Duration, Stack } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { functionNamed, inlineFunction, loadTemplate, synthModel } from './support';
import { AppModel, HttpApiModel, HttpRouteModel } from '../../src/model';

function inline(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
}

/** A plain aws-cdk-lib HttpApi with a JWT and a Lambda authorizer, CORS, and a throttled second stage. */
function httpApp(): AppModel {
  return synthModel((app) => {
    const stack = new Stack(app, 'Http');
    const handler = inline(stack, 'Handler');
    const api = new apigatewayv2.HttpApi(stack, 'Api', {
      corsPreflight: {
        allowOrigins: ['https://app.example.com'],
        allowMethods: [apigatewayv2.CorsHttpMethod.GET, apigatewayv2.CorsHttpMethod.POST],
        allowHeaders: ['authorization'],
        exposeHeaders: ['x-request-id'],
        allowCredentials: true,
        maxAge: Duration.minutes(10),
      },
    });
    const integration = new HttpLambdaIntegration('Items', handler);
    api.addRoutes({
      path: '/items',
      methods: [apigatewayv2.HttpMethod.GET],
      integration,
      authorizer: new HttpJwtAuthorizer('Jwt', 'https://issuer.example.com', { jwtAudience: ['app-client'] }),
      authorizationScopes: ['items/read'],
    });
    api.addRoutes({
      path: '/items/{id}',
      methods: [apigatewayv2.HttpMethod.DELETE],
      integration: new HttpLambdaIntegration('Legacy', handler, { payloadFormatVersion: apigatewayv2.PayloadFormatVersion.VERSION_1_0 }),
      authorizer: new HttpLambdaAuthorizer('Lambda', inline(stack, 'AuthorizerFunction'), {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.X-Tenant'],
        resultsCacheTtl: Duration.seconds(30),
      }),
    });
    const beta = api.addStage('Beta', { stageName: 'beta', throttle: { rateLimit: 50, burstLimit: 100 } });
    const cfnBeta = beta.node.defaultChild as apigatewayv2.CfnStage;
    cfnBeta.stageVariables = { flavour: 'mint' };
    cfnBeta.routeSettings = { 'GET /items': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } };
  });
}

describe('a plain aws-cdk-lib HttpApi', () => {
  let model: AppModel;
  let api: HttpApiModel;
  const route = (routeKey: string): HttpRouteModel => {
    const found = api.routes.find((candidate) => candidate.routeKey === routeKey);
    if (!found) throw new Error(`no route ${routeKey}`);
    return found;
  };
  beforeAll(() => {
    model = httpApp();
    api = model.httpApis[0];
  });

  test('is one HTTP API with a local id', () => {
    expect(model.httpApis).toHaveLength(1);
    expect(api.name).toBe('Api');
    expect(api.apiId).toMatch(/^[a-z0-9]{10}$/);
  });

  test('routes a Lambda integration with payload format 2.0 and a 30-second timeout', () => {
    expect(route('GET /items').integration).toEqual({
      type: 'AWS_PROXY',
      functionArn: functionNamed(model, 'Handler').arn,
      payloadFormatVersion: '2.0',
      timeoutMs: 30_000,
    });
  });

  test('keeps payload format 1.0 where the integration asks for it', () => {
    expect(route('DELETE /items/{id}').integration).toMatchObject({ type: 'AWS_PROXY', payloadFormatVersion: '1.0' });
  });

  test('reads a JWT authorizer with its issuer, audience and identity source, and the route scopes', () => {
    const listItems = route('GET /items');
    expect(listItems).toMatchObject({ authorizationType: 'JWT', authorizationScopes: ['items/read'] });
    expect(api.authorizers.get(listItems.authorizerId!)).toMatchObject({
      type: 'JWT',
      issuer: 'https://issuer.example.com',
      audience: ['app-client'],
      identitySources: ['$request.header.Authorization'],
    });
  });

  test('reads a Lambda authorizer with simple responses, its identity source and cache TTL', () => {
    const deleteItem = route('DELETE /items/{id}');
    expect(deleteItem.authorizationType).toBe('CUSTOM');
    expect(api.authorizers.get(deleteItem.authorizerId!)).toMatchObject({
      type: 'REQUEST',
      functionArn: functionNamed(model, 'AuthorizerFunction').arn,
      payloadFormatVersion: '2.0',
      enableSimpleResponses: true,
      identitySources: ['$request.header.X-Tenant'],
      resultTtlSeconds: 30,
    });
  });

  test('reads the CORS configuration', () => {
    expect(api.cors).toEqual({
      allowOrigins: ['https://app.example.com'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['authorization'],
      exposeHeaders: ['x-request-id'],
      allowCredentials: true,
      maxAge: 600,
    });
  });

  test('reads the default stage and a stage with variables and throttles', () => {
    expect(api.stages).toEqual(expect.arrayContaining([
      { stageName: '$default', variables: {}, defaultRouteThrottle: undefined, routeThrottles: {} },
      {
        stageName: 'beta',
        variables: { flavour: 'mint' },
        defaultRouteThrottle: { rateLimit: 50, burstLimit: 100 },
        routeThrottles: { 'GET /items': { rateLimit: 5, burstLimit: 10 } },
      },
    ]));
  });
});

describe('hand-written HTTP APIs', () => {
  const api = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'quick', ProtocolType: 'HTTP' } };

  test('a quick-create API (Target on the API) serves a $default route and stage', () => {
    const model = loadTemplate({
      Resources: { Fn: inlineFunction(), Api: { ...api, Properties: { ...api.Properties, Target: { 'Fn::GetAtt': ['Fn', 'Arn'] } } } },
    });
    expect(model.httpApis[0].routes.map((quick) => [quick.routeKey, quick.integration])).toEqual([
      ['$default', { type: 'AWS_PROXY', functionArn: functionNamed(model, 'Fn').arn, payloadFormatVersion: '2.0', timeoutMs: 30_000 }],
    ]);
    expect(model.httpApis[0].stages.map((stage) => stage.stageName)).toEqual(['$default']);
  });

  test('an integration naming an alias ARN invokes the aliased function', () => {
    const model = loadTemplate({
      Resources: {
        Fn: inlineFunction(),
        Live: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' }, FunctionVersion: '1', Name: 'live' } },
        Api: api,
        Integration: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Api' }, IntegrationType: 'AWS_PROXY', IntegrationUri: { Ref: 'Live' }, PayloadFormatVersion: '2.0' } },
        Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Api' }, RouteKey: 'GET /', Target: { 'Fn::Sub': 'integrations/${Integration}' } } },
      },
    });
    expect(model.httpApis[0].routes[0].integration).toMatchObject({ type: 'AWS_PROXY', functionArn: functionNamed(model, 'Fn').arn });
  });

  test('a route without a target is reported and not served', () => {
    const model = loadTemplate({
      Resources: { Api: api, Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Api' }, RouteKey: 'GET /' } } },
    });
    expect(model.httpApis[0].routes[0].integration).toEqual({ type: 'UNSUPPORTED', integrationType: 'NONE' });
    expect(model.unsupported).toEqual([{ path: 'Test/Route', type: 'AWS::ApiGatewayV2::Route', reason: 'the route GET / has no target, so it is not served' }]);
  });

  const withIntegration = (integration: Record<string, unknown>) => loadTemplate({
    Resources: {
      Api: api,
      Integration: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Api' }, PayloadFormatVersion: '1.0', ...integration } },
      Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Api' }, RouteKey: 'ANY /{proxy+}', Target: { 'Fn::Sub': 'integrations/${Integration}' } } },
    },
  });

  test('an HTTP_PROXY integration keeps its URL, method, parameter mappings and the 30-second default timeout', () => {
    const model = withIntegration({
      IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://legacy.example.com/{proxy}', IntegrationMethod: 'ANY', RequestParameters: { 'append:header.x-source': 'gateway' },
    });
    expect(model.httpApis[0].routes[0].integration).toEqual({
      type: 'HTTP_PROXY', uri: 'https://legacy.example.com/{proxy}', httpMethod: 'ANY', requestParameters: { 'append:header.x-source': 'gateway' }, timeoutMs: 30_000,
    });
    expect(model.unsupported).toEqual([]);
  });

  test('a first-class AWS service integration keeps its subtype and parameters', () => {
    const model = withIntegration({ IntegrationType: 'AWS_PROXY', IntegrationSubtype: 'SQS-SendMessage', RequestParameters: { QueueUrl: '$request.header.queue' } });
    expect(model.httpApis[0].routes[0].integration).toEqual({
      type: 'AWS_PROXY', subtype: 'SQS-SendMessage', requestParameters: { QueueUrl: '$request.header.queue' }, timeoutMs: 30_000,
    });
  });

  test('an HTTP_PROXY through a VPC link is reported and not served', () => {
    const model = withIntegration({ IntegrationType: 'HTTP_PROXY', IntegrationUri: 'arn:aws:elasticloadbalancing:listener', ConnectionType: 'VPC_LINK' });
    expect(model.httpApis[0].routes[0].integration).toEqual({ type: 'UNSUPPORTED', integrationType: 'HTTP_PROXY' });
    expect(model.unsupported).toEqual([{
      path: 'Test/Integration',
      type: 'AWS::ApiGatewayV2::Integration',
      reason: 'the HTTP_PROXY integration to arn:aws:elasticloadbalancing:listener is not served, so routes to it fail; Lambda proxy, HTTP_PROXY to a URL and AWS service integrations are',
      routes: ['ANY /{proxy+}'],
    }]);
  });

  test('a JWT authorizer without JwtConfiguration is a not-served line naming it', () => {
    const model = loadTemplate({
      Resources: { Api: api, Jwt: { Type: 'AWS::ApiGatewayV2::Authorizer', Properties: { ApiId: { Ref: 'Api' }, AuthorizerType: 'JWT', Name: 'jwt' } } },
    });
    expect(model.httpApis[0].authorizers.size).toBe(0);
    expect(model.unsupported.map((item) => item.reason))
      .toEqual([expect.stringMatching(/resource Jwt \(AWS::ApiGatewayV2::Authorizer\) is a JWT authorizer without JwtConfiguration; expected \{ Issuer, Audience \}/)]);
  });
});
