import * as fs from 'fs';
import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { functionNamed, handlerDir, synthModel } from './support';
import { AppModel, RestApiModel, RestMethodModel } from '../../src/model';

const HANDLER_SOURCE = 'exports.handler = async () => ({ statusCode: 200, body: "items" });';

/** A plain aws-cdk-lib RestApi with every authorizer kind, CORS, a usage plan and an HTTP integration. */
function restApp(): AppModel {
  return synthModel((app) => {
    const stack = new Stack(app, 'Rest');
    const handler = new lambda.Function(stack, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir(HANDLER_SOURCE)),
    });
    const authorizerFunction = new lambda.Function(stack, 'AuthorizerFunction', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ principalId: "user" });'),
    });
    const pool = new cognito.UserPool(stack, 'Pool');
    pool.addClient('Client');
    const api = new apigateway.RestApi(stack, 'Api', {
      cloudWatchRole: false,
      binaryMediaTypes: ['image/png'],
      defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'] },
      deployOptions: {
        stageName: 'live',
        variables: { flavour: 'vanilla' },
        methodOptions: { '/items/GET': { throttlingRateLimit: 10, throttlingBurstLimit: 20 } },
      },
    });
    const integration = new apigateway.LambdaIntegration(handler);
    const token = new apigateway.TokenAuthorizer(stack, 'Token', {
      handler: authorizerFunction, validationRegex: '^Bearer .+$', resultsCacheTtl: Duration.seconds(60),
    });
    const request = new apigateway.RequestAuthorizer(stack, 'Request', {
      handler: authorizerFunction,
      identitySources: [apigateway.IdentitySource.header('X-Tenant'), apigateway.IdentitySource.queryString('key')],
    });
    const userPools = new apigateway.CognitoUserPoolsAuthorizer(stack, 'UserPools', { cognitoUserPools: [pool] });
    const items = api.root.addResource('items');
    const listItems = items.addMethod('GET', integration, {
      authorizer: token,
      apiKeyRequired: true,
      requestParameters: { 'method.request.querystring.page': true },
      requestValidatorOptions: { validateRequestParameters: true },
    });
    items.addMethod('POST', integration, { authorizer: userPools, authorizationScopes: ['items/write'] });
    items.addResource('{id}').addMethod('GET', integration, { authorizer: request });
    api.root.addProxy({ defaultIntegration: integration });
    api.root.addResource('legacy').addMethod('GET', new apigateway.HttpIntegration('https://legacy.example.com'));
    api.addGatewayResponse('Unauthorized', {
      type: apigateway.ResponseType.UNAUTHORIZED,
      statusCode: '401',
      responseHeaders: { 'Access-Control-Allow-Origin': "'*'" },
      templates: { 'application/json': '{"message":$context.error.messageString}' },
    });
    const plan = api.addUsagePlan('Plan', {
      name: 'basic',
      throttle: { rateLimit: 5, burstLimit: 10 },
      quota: { limit: 100, period: apigateway.Period.WEEK, offset: 1 },
    });
    plan.addApiStage({ stage: api.deploymentStage, throttle: [{ method: listItems, throttle: { rateLimit: 1, burstLimit: 2 } }] });
    plan.addApiKey(api.addApiKey('Key', { value: 'a-key-value-of-twenty-or-more-characters' }));
    plan.addApiKey(new apigateway.ApiKey(stack, 'GeneratedKey', { enabled: false }));
  });
}

describe('a plain aws-cdk-lib RestApi', () => {
  let model: AppModel;
  let api: RestApiModel;
  const method = (resourcePath: string, httpMethod: string): RestMethodModel => {
    const found = api.resources.find((resource) => resource.path === resourcePath)?.methods.get(httpMethod);
    if (!found) throw new Error(`no method ${httpMethod} ${resourcePath}`);
    return found;
  };
  beforeAll(() => {
    model = restApp();
    api = model.restApis[0];
  });

  test('runs the handler from the asset folder cdk synth staged', () => {
    const handler = functionNamed(model, 'Handler');
    expect(fs.readFileSync(path.join(handler.codeDir!, 'index.js'), 'utf8')).toBe(HANDLER_SOURCE);
  });

  test('is one REST API with its name, a local id and its binary media types', () => {
    expect(model.restApis).toHaveLength(1);
    expect(api).toMatchObject({ name: 'Api', apiKeySource: 'HEADER', binaryMediaTypes: ['image/png'], disableExecuteApiEndpoint: false });
    expect(api.apiId).toMatch(/^[a-z0-9]{10}$/);
  });

  test('holds every resource with its full path', () => {
    expect(api.resources.map((resource) => resource.path).sort()).toEqual(['/', '/items', '/items/{id}', '/legacy', '/{proxy+}']);
  });

  test('routes a Lambda proxy method to the function ARN of the integration URI', () => {
    expect(method('/items', 'GET').integration).toEqual({ type: 'AWS_PROXY', functionArn: functionNamed(model, 'Handler').arn, timeoutMs: 29_000 });
  });

  test('keeps the method settings: API key, request parameters and validator', () => {
    const listItems = method('/items', 'GET');
    expect(listItems).toMatchObject({ apiKeyRequired: true, requestParameters: { 'method.request.querystring.page': true } });
    expect(api.requestValidators.get(listItems.requestValidatorId!)).toEqual({ validateRequestBody: false, validateRequestParameters: true });
  });

  test('reads the CORS preflight as a MOCK OPTIONS method with the CORS headers', () => {
    const preflight = method('/items', 'OPTIONS').integration;
    expect(preflight.type).toBe('MOCK');
    expect(preflight.type === 'MOCK' && preflight.integrationResponses[0]).toMatchObject({
      statusCode: '204',
      responseParameters: expect.objectContaining({ 'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'" }),
    });
  });

  test('reads the greedy proxy resource as an ANY method', () => {
    expect(method('/{proxy+}', 'ANY').integration.type).toBe('AWS_PROXY');
  });

  test('reads a TOKEN authorizer with its function, validation expression and cache TTL', () => {
    const listItems = method('/items', 'GET');
    expect(listItems.authorizationType).toBe('CUSTOM');
    expect(api.authorizers.get(listItems.authorizerId!)).toMatchObject({
      type: 'TOKEN',
      functionArn: functionNamed(model, 'AuthorizerFunction').arn,
      identitySources: ['method.request.header.Authorization'],
      identityValidationExpression: '^Bearer .+$',
      resultTtlSeconds: 60,
    });
  });

  test('reads a REQUEST authorizer with its identity sources split', () => {
    const getItem = method('/items/{id}', 'GET');
    expect(api.authorizers.get(getItem.authorizerId!)).toMatchObject({
      type: 'REQUEST',
      identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.key'],
      resultTtlSeconds: 300,
    });
  });

  test('reads a Cognito authorizer with the user pool ARN and the method scopes', () => {
    const createItem = method('/items', 'POST');
    expect(createItem).toMatchObject({ authorizationType: 'COGNITO_USER_POOLS', authorizationScopes: ['items/write'] });
    expect(api.authorizers.get(createItem.authorizerId!)).toMatchObject({ type: 'COGNITO_USER_POOLS', providerArns: [model.userPools[0].arn] });
  });

  test('holds the user pool with its app client', () => {
    expect(model.userPools).toHaveLength(1);
    expect(model.userPools[0].clientIds).toHaveLength(1);
    expect(model.userPools[0].issuer).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${model.userPools[0].userPoolId}`);
  });

  test('reads gateway responses by type', () => {
    expect(api.gatewayResponses.get('UNAUTHORIZED')).toEqual({
      responseType: 'UNAUTHORIZED',
      statusCode: '401',
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
    });
  });

  test('reads the deployment stage with its variables and decoded method settings', () => {
    expect(api.stages).toEqual([{
      stageName: 'live',
      deploymentId: api.deploymentIds[0],
      variables: { flavour: 'vanilla' },
      methodSettings: [expect.objectContaining({ resourcePath: '/items', httpMethod: 'GET', throttlingRateLimit: 10, throttlingBurstLimit: 20 })],
      canary: undefined,
      tracingEnabled: false,
    }]);
  });

  test('reads the usage plan with its stage, per-method throttle, throttle and quota', () => {
    expect(model.usagePlans).toHaveLength(1);
    expect(model.usagePlans[0]).toMatchObject({
      name: 'basic',
      apiStages: [{ apiId: api.apiId, stageName: 'live', throttle: { '/items/GET': { rateLimit: 1, burstLimit: 2 } } }],
      throttle: { rateLimit: 5, burstLimit: 10 },
      quota: { limit: 100, period: 'WEEK', offset: 1 },
    });
  });

  test('binds the API keys to the plan, with a generated value where the template sets none', () => {
    const keys = model.usagePlans[0].apiKeys;
    expect(keys.map((key) => [key.value, key.generatedValue, key.enabled])).toEqual(expect.arrayContaining([
      ['a-key-value-of-twenty-or-more-characters', false, true],
      [expect.stringMatching(/^[A-Za-z0-9]{40}$/), true, false],
    ]));
  });

  test('reads an HTTP_PROXY integration with its URL and method', () => {
    expect(method('/legacy', 'GET').integration).toMatchObject({ type: 'HTTP_PROXY', uri: expect.stringMatching(/^https?:\/\//), httpMethod: 'GET', connectionType: 'INTERNET' });
    expect(model.unsupported.filter((item) => item.path.includes('legacy'))).toEqual([]);
  });
});
