import { Fn, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { documentFile, FN_ARN, FN_URI, loadRestDefinition, methodOf } from './openapi-support';
import { synthModel } from './support';

const lambdaProxy = { 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: FN_URI } };

/** An OpenAPI 3 document with the API Gateway extensions for `paths` and `components`. */
function openapi(paths: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { openapi: '3.0.1', info: { title: 'pets', version: '1' }, paths, ...extra };
}

describe('a REST API defined by an OpenAPI 3 document (Body)', () => {
  test('every path becomes resources, one per path part under the root', () => {
    const { api } = loadRestDefinition(openapi({ '/pets/{id}': { get: lambdaProxy }, '/pets': { post: lambdaProxy } }));
    expect(api.resources.map((resource) => resource.path)).toEqual(['/', '/pets', '/pets/{id}']);
  });

  test('an aws_proxy integration invokes the function its Fn::Sub URI names', () => {
    const { api } = loadRestDefinition(openapi({ '/pets': { get: lambdaProxy } }));
    expect(methodOf(api, '/pets', 'GET').integration).toEqual({ type: 'AWS_PROXY', functionArn: FN_ARN, timeoutMs: 29000 });
  });

  test('x-amazon-apigateway-any-method is the ANY method', () => {
    const { api } = loadRestDefinition(openapi({ '/{proxy+}': { 'x-amazon-apigateway-any-method': lambdaProxy } }));
    expect([...api.resources[1].methods.keys()]).toEqual(['ANY']);
  });

  test('a MOCK integration keeps its templates, and its responses become integration responses keyed by selection pattern', () => {
    const { api } = loadRestDefinition(openapi({
      '/health': {
        get: {
          'x-amazon-apigateway-integration': {
            type: 'mock',
            passthroughBehavior: 'when_no_templates',
            requestTemplates: { 'application/json': '{"statusCode": $input.params(\'code\')}' },
            responses: {
              '4\\d{2}': { statusCode: 400, responseTemplates: { 'application/json': '{"ok": false}' } },
              'default': { statusCode: '200', responseParameters: { 'method.response.header.X-Mock': "'yes'" } },
            },
          },
        },
      },
    }));
    expect(methodOf(api, '/health', 'GET').integration).toEqual(expect.objectContaining({
      type: 'MOCK',
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      requestTemplates: { 'application/json': '{"statusCode": $input.params(\'code\')}' },
      integrationResponses: [
        { statusCode: '400', selectionPattern: '4\\d{2}', responseParameters: {}, responseTemplates: { 'application/json': '{"ok": false}' }, contentHandling: undefined },
        { statusCode: '200', selectionPattern: undefined, responseParameters: { 'method.response.header.X-Mock': "'yes'" }, responseTemplates: {}, contentHandling: undefined },
      ],
    }));
  });

  test('an HTTP integration keeps its method, URI, request parameters and timeout', () => {
    const { api } = loadRestDefinition(openapi({
      '/legacy/{id}': {
        get: {
          'x-amazon-apigateway-integration': {
            type: 'http',
            httpMethod: 'GET',
            uri: 'https://legacy.example.com/items/{id}',
            timeoutInMillis: 5000,
            requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
          },
        },
      },
    }));
    expect(methodOf(api, '/legacy/{id}', 'GET').integration).toEqual(expect.objectContaining({
      type: 'HTTP',
      httpMethod: 'GET',
      uri: 'https://legacy.example.com/items/{id}',
      timeoutMs: 5000,
      requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
    }));
  });

  test('parameters of the path item and the operation become method request parameters, path parameters required', () => {
    const { api } = loadRestDefinition(openapi({
      '/pets/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true }, { name: 'page', in: 'query' }],
        get: {
          ...lambdaProxy,
          parameters: [{ name: 'page', in: 'query', required: true }, { $ref: '#/components/parameters/Tenant' }],
        },
      },
    }, { components: { parameters: { Tenant: { name: 'X-Tenant', in: 'header', required: false } } } }));
    expect(methodOf(api, '/pets/{id}', 'GET').requestParameters).toEqual({
      'method.request.path.id': true,
      'method.request.querystring.page': true,
      'method.request.header.X-Tenant': false,
    });
  });

  describe('security', () => {
    const schemes = {
      tokenAuth: {
        'type': 'apiKey',
        'name': 'Authorization',
        'in': 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: FN_URI, authorizerResultTtlInSeconds: 60, identityValidationExpression: '^Bearer .+$' },
      },
      requestAuth: {
        'type': 'apiKey',
        'name': 'Unused',
        'in': 'header',
        'x-amazon-apigateway-authorizer': { type: 'request', authorizerUri: FN_URI, identitySource: 'method.request.header.X-Tenant, method.request.querystring.key' },
      },
      pool: {
        'type': 'apiKey',
        'name': 'Authorization',
        'in': 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc'] },
      },
      sigv4: { 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    };
    const secured = (security: unknown, extra: Record<string, unknown> = {}) => loadRestDefinition(openapi(
      { '/pets': { get: { ...lambdaProxy, ...(security === undefined ? {} : { security }) } } },
      { components: { securitySchemes: schemes }, ...extra },
    )).api;

    test('a TOKEN authorizer from securitySchemes reads the header the scheme names and invokes its function', () => {
      const api = secured([{ tokenAuth: [] }]);
      const method = methodOf(api, '/pets', 'GET');
      expect(method).toMatchObject({ authorizationType: 'CUSTOM', authorizerId: expect.any(String), apiKeyRequired: false });
      expect(api.authorizers.get(method.authorizerId!)).toMatchObject({
        name: 'tokenAuth',
        type: 'TOKEN',
        functionArn: FN_ARN,
        identitySources: ['method.request.header.Authorization'],
        identityValidationExpression: '^Bearer .+$',
        resultTtlSeconds: 60,
      });
    });

    test('a REQUEST authorizer keeps the identity sources its extension lists', () => {
      const api = secured([{ requestAuth: [] }]);
      expect(api.authorizers.get(methodOf(api, '/pets', 'GET').authorizerId!)).toMatchObject({
        type: 'REQUEST', identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.key'],
      });
    });

    test('a Cognito user pool authorizer applies with the scopes the operation lists', () => {
      const api = secured([{ pool: ['pets/read'] }]);
      const method = methodOf(api, '/pets', 'GET');
      expect(method).toMatchObject({ authorizationType: 'COGNITO_USER_POOLS', authorizationScopes: ['pets/read'] });
      expect(api.authorizers.get(method.authorizerId!)).toMatchObject({
        type: 'COGNITO_USER_POOLS', providerArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc'],
      });
    });

    test('x-amazon-apigateway-authtype awsSigv4 is IAM authorization', () => {
      expect(methodOf(secured([{ sigv4: [] }]), '/pets', 'GET').authorizationType).toBe('AWS_IAM');
    });

    test('an apiKey scheme in the x-api-key header makes the method require an API key, beside its authorizer', () => {
      expect(methodOf(secured([{ api_key: [], tokenAuth: [] }]), '/pets', 'GET')).toMatchObject({ apiKeyRequired: true, authorizationType: 'CUSTOM' });
    });

    test('the document\'s security applies to operations without their own', () => {
      expect(methodOf(secured(undefined, { security: [{ sigv4: [] }] }), '/pets', 'GET').authorizationType).toBe('AWS_IAM');
    });

    test('an empty security list on the operation clears the document\'s', () => {
      expect(methodOf(secured([], { security: [{ sigv4: [] }] }), '/pets', 'GET').authorizationType).toBe('NONE');
    });

    test('x-amazon-apigateway-auth AWS_IAM is IAM authorization', () => {
      const { api } = loadRestDefinition(openapi({ '/pets': { get: { ...lambdaProxy, 'x-amazon-apigateway-auth': { type: 'aws_iam' } } } }));
      expect(methodOf(api, '/pets', 'GET').authorizationType).toBe('AWS_IAM');
    });
  });

  describe('request validation', () => {
    const validated = (operation: Record<string, unknown>) => loadRestDefinition(openapi({ '/pets': { post: { ...lambdaProxy, ...operation } } }, {
      'x-amazon-apigateway-request-validators': {
        all: { validateRequestBody: true, validateRequestParameters: true },
        params: { validateRequestBody: false, validateRequestParameters: true },
      },
      'x-amazon-apigateway-request-validator': 'all',
      'components': {
        schemas: {
          Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { $ref: '#/components/schemas/Tag' } } },
          Tag: { type: 'string' },
        },
      },
    })).api;

    test('the document\'s request validator applies to every method', () => {
      const api = validated({});
      expect(api.requestValidators.get(methodOf(api, '/pets', 'POST').requestValidatorId!)).toEqual({ validateRequestBody: true, validateRequestParameters: true });
    });

    test('an operation\'s x-amazon-apigateway-request-validator takes precedence over the document\'s', () => {
      const api = validated({ 'x-amazon-apigateway-request-validator': 'params' });
      expect(api.requestValidators.get(methodOf(api, '/pets', 'POST').requestValidatorId!)).toEqual({ validateRequestBody: false, validateRequestParameters: true });
    });

    test('a requestBody that $refs a named schema validates against that model, whose $refs name other models by URL', () => {
      const api = validated({ requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } });
      expect(methodOf(api, '/pets', 'POST').requestModels).toEqual({ 'application/json': 'Pet' });
      expect(api.models.get('Pet')?.schema).toEqual({
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, tag: { $ref: `https://apigateway.amazonaws.com/restapis/${api.apiId}/models/Tag` } },
      });
    });

    test('an inline requestBody schema becomes a model of its own', () => {
      const api = validated({ requestBody: { content: { 'application/json': { schema: { type: 'array' } } } } });
      const name = methodOf(api, '/pets', 'POST').requestModels['application/json'];
      expect(name).toMatch(/^Inline[a-z0-9]{10}$/);
      expect(api.models.get(name)?.schema).toEqual({ type: 'array' });
    });
  });

  test('gateway responses come from x-amazon-apigateway-gateway-responses', () => {
    const { api } = loadRestDefinition(openapi({}, {
      'x-amazon-apigateway-gateway-responses': {
        UNAUTHORIZED: { statusCode: 401, responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" }, responseTemplates: { 'application/json': '{"error":"who?"}' } },
      },
    }));
    expect(api.gatewayResponses.get('UNAUTHORIZED')).toEqual({
      responseType: 'UNAUTHORIZED',
      statusCode: '401',
      responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
      responseTemplates: { 'application/json': '{"error":"who?"}' },
    });
  });

  test('the API key source and binary media types come from their extensions, the media types merged with the template\'s', () => {
    const { api } = loadRestDefinition(
      openapi({}, { 'x-amazon-apigateway-api-key-source': 'AUTHORIZER', 'x-amazon-apigateway-binary-media-types': ['image/png'] }),
      { BinaryMediaTypes: ['application~1pdf'] },
    );
    expect(api).toMatchObject({ apiKeySource: 'AUTHORIZER', binaryMediaTypes: ['image/png', 'application/pdf'] });
  });

  test('the document\'s endpoint configuration can disable the execute-api endpoint', () => {
    const { api } = loadRestDefinition(openapi({}, { 'x-amazon-apigateway-endpoint-configuration': { disableExecuteApiEndpoint: true } }));
    expect(api.disableExecuteApiEndpoint).toBe(true);
  });

  test('the template\'s Name takes precedence over the document\'s title', () => {
    expect(loadRestDefinition(openapi({}), { Name: 'from-template' }).api.name).toBe('from-template');
  });

  test('without a Name in the template the document\'s title names the API', () => {
    expect(loadRestDefinition(openapi({})).api.name).toBe('pets');
  });
});

describe('a REST API defined by a Swagger 2.0 document (SpecRestApi, ApiDefinition.fromAsset)', () => {
  const SWAGGER = `
swagger: "2.0"
info: { title: pets, version: "1" }
consumes: [application/json]
x-amazon-apigateway-request-validators:
  body: { validateRequestBody: true, validateRequestParameters: false }
securityDefinitions:
  api_key: { type: apiKey, name: x-api-key, in: header }
definitions:
  Pet:
    type: object
    required: [name]
    properties:
      owner: { $ref: "#/definitions/Owner" }
  Owner: { type: string }
paths:
  /pets:
    post:
      security: [{ api_key: [] }]
      consumes: [application/json, application/x-pet]
      x-amazon-apigateway-request-validator: body
      parameters:
        - { name: pet, in: body, required: true, schema: { $ref: "#/definitions/Pet" } }
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets-handler/invocations
`;

  function swaggerApp(file: string) {
    return synthModel((app) => {
      const stack = new Stack(app, 'Swagger');
      new lambda.Function(stack, 'Handler', {
        functionName: 'pets-handler', runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = 1'),
      });
      const api = new apigateway.SpecRestApi(stack, 'Api', { apiDefinition: apigateway.ApiDefinition.fromAsset(file) });
      api.root.addResource('extra').addMethod('GET', new apigateway.MockIntegration());
    });
  }

  test('the YAML file of the asset is read from the cloud assembly: the body parameter is the model of each type the operation consumes', () => {
    const api = swaggerApp(documentFile('pets.yaml', SWAGGER)).restApis[0];
    expect(methodOf(api, '/pets', 'POST')).toMatchObject({
      apiKeyRequired: true,
      requestModels: { 'application/json': 'Pet', 'application/x-pet': 'Pet' },
      integration: { type: 'AWS_PROXY', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:pets-handler' },
    });
    expect(api.models.get('Pet')?.schema).toMatchObject({ properties: { owner: { $ref: expect.stringMatching(/\/models\/Owner$/) } } });
  });

  test('the resources the app adds to a SpecRestApi are served beside the document\'s', () => {
    const api = swaggerApp(documentFile('pets.yaml', SWAGGER)).restApis[0];
    expect(api.resources.map((resource) => resource.path).sort()).toEqual(['/', '/extra', '/pets']);
  });

  test('a .json asset is read as JSON', () => {
    const document = { swagger: '2.0', info: { title: 'json' }, paths: { '/ping': { get: { 'x-amazon-apigateway-integration': { type: 'mock' } } } } };
    const api = swaggerApp(documentFile('pets.json', JSON.stringify(document))).restApis[0];
    expect(methodOf(api, '/ping', 'GET').integration.type).toBe('MOCK');
  });
});

describe('a REST API whose definition is a file included with Fn::Transform AWS::Include', () => {
  test('the intrinsics of the file are resolved in the stack, so a Fn::Sub URI names the stack\'s function', () => {
    const file = documentFile('included.yaml', `
openapi: 3.0.1
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri:
          Fn::Sub: arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${PetsFunction.Arn}/invocations
`);
    const model = synthModel((app) => {
      const stack = new Stack(app, 'Included');
      const pets = new lambda.Function(stack, 'Pets', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = 1') });
      (pets.node.defaultChild as lambda.CfnFunction).overrideLogicalId('PetsFunction');
      const asset = new s3assets.Asset(stack, 'Definition', { path: file });
      new apigateway.SpecRestApi(stack, 'Api', { apiDefinition: apigateway.ApiDefinition.fromInline(Fn.transform('AWS::Include', { Location: asset.s3ObjectUrl })) });
    });
    expect(methodOf(model.restApis[0], '/pets', 'GET').integration).toMatchObject({
      type: 'AWS_PROXY', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Included-PetsFunction',
    });
  });
});
