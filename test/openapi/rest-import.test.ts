import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { resolvedDocument } from './support';
import { ApiGatewayCloudWatchRole, MeteredApi, OpenApiDefinition, RestAuthorizer, SecureLambdaApi, SecureLambdaApiProps } from '../../src';
import { newFunction, newStack, templateOf } from '../support/fixtures';

const itemSchema: apigateway.JsonSchema = {
  type: apigateway.JsonSchemaType.OBJECT,
  required: ['name'],
  properties: { name: { type: apigateway.JsonSchemaType.STRING, minLength: 1 } },
};

/** An API in a stack of its own, with the construct ids every API of these tests shares. */
function apiIn(stackId: string, props: (handler: lambda.IFunction, stack: Stack) => SecureLambdaApiProps) {
  const stack = newStack(stackId);
  new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
  const handler = newFunction(stack);
  const api = new SecureLambdaApi(stack, 'Api', props(handler, stack));
  return { stack, api, handler, document: () => resolvedDocument(stack, api.openApiDocument()) };
}

const petStore = {
  openapi: '3.0.3',
  info: { title: 'Pets', version: '2.0.0' },
  paths: {
    '/pets': {
      get: { operationId: 'listPets', parameters: [{ name: 'limit', in: 'query', required: true, schema: { type: 'integer' } }], responses: {} },
      post: {
        operationId: 'createPet',
        security: [{ cognito: ['pets/write'] }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
        responses: {},
      },
    },
    '/pets/{petId}': { get: { operationId: 'showPetById', security: [], responses: {} } },
  },
  components: {
    schemas: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string', nullable: true } } } },
    securitySchemes: { cognito: { type: 'openIdConnect', openIdConnectUrl: 'https://example.com/.well-known/openid-configuration' } },
  },
};

const bindAll = (handler: lambda.IFunction) => ({ listPets: handler, createPet: handler, showPetById: handler });

function petApi(document: object = petStore, bind: (handler: lambda.IFunction) => object = bindAll) {
  return apiIn('Pets', (handler) => ({
    openApi: {
      definition: OpenApiDefinition.fromObject(document),
      handlers: bind(handler) as any,
      authorizers: { cognito: RestAuthorizer.cognito() },
    },
  }));
}

describe('SecureLambdaApi built from an OpenAPI document', () => {
  test('has a method for every operation, named and described by the document', () => {
    const { stack } = petApi();
    const template = templateOf(stack);
    template.resourceCountIs('AWS::ApiGateway::Method', 3);
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: 'Pets' });
  });

  test('requires the required parameters and validates the body against a model named after the component', () => {
    const { stack } = petApi();
    const template = templateOf(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', RequestParameters: { 'method.request.querystring.limit': true } });
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      Name: 'Pet',
      Schema: Match.objectLike({ properties: { name: { type: 'string' }, tag: { type: ['string', 'null'] } } }),
    });
  });

  test('authorizes each operation by the authorizer of its security scheme, with its scopes, and serves security: [] publicly', () => {
    const { stack } = petApi();
    const template = templateOf(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST', AuthorizationType: 'COGNITO_USER_POOLS', AuthorizationScopes: ['pets/write'],
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'NONE' });
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'AWS_IAM' });
  });

  test('reads a JSON file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-openapi-')), 'pets.json');
    fs.writeFileSync(file, JSON.stringify(petStore));
    const { stack } = apiIn('Pets', (handler) => ({
      openApi: { definition: OpenApiDefinition.fromFile(file), handlers: bindAll(handler), authorizers: { cognito: RestAuthorizer.cognito() } },
    }));
    templateOf(stack).resourceCountIs('AWS::ApiGateway::Method', 3);
  });

  test('keeps the operation ids, scheme names and version of the document in its own document', () => {
    const document = petApi().document();
    expect(document.info).toEqual({ title: 'Pets', version: '2.0.0' });
    expect(document.paths['/pets'].post).toMatchObject({ operationId: 'createPet', security: [{ cognito: ['pets/write'] }] });
  });

  test('exports, imports and exports again the same document', () => {
    const original = apiIn('Original', (handler, stack) => ({
      authorizer: RestAuthorizer.cognito(),
      description: 'Items of the shop',
      cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'] },
      routes: {
        'GET /items': { handler, requiredQueryStrings: ['q'], requiredHeaders: ['X-Tenant'], authorizationScopes: ['items/read'] },
        'POST /items': { handler, bodySchema: itemSchema },
        'GET /items/{id}': { handler, authorizer: RestAuthorizer.iam() },
        'DELETE /items/{id}': { handler, authorizer: RestAuthorizer.token(newFunction(stack, 'TokenFunction')) },
        'ANY /{proxy+}': { handler, isPublic: true },
      },
    })).document();
    const schemes = Object.keys(original.components.securitySchemes);
    const cognito = RestAuthorizer.cognito();
    const imported = apiIn('Imported', (handler, stack) => ({
      authorizer: cognito,
      openApi: {
        definition: OpenApiDefinition.fromObject(original),
        handlers: { getItems: handler, postItems: handler, getItemsById: handler, deleteItemsById: handler, anyByProxy: handler },
        authorizers: {
          DefaultAuthorizer: cognito,
          [schemes.find((name) => name.startsWith('Token'))!]: RestAuthorizer.token(newFunction(stack, 'TokenFunction')),
        },
      },
    }));
    expect(imported.document()).toEqual(original);
  });
});

test('a MeteredApi requires an API key on the operations whose security has the x-api-key scheme, and on no other', () => {
  const stack = newStack('Metered');
  new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
  const handler = newFunction(stack);
  const document = {
    openapi: '3.0.3',
    info: { title: 'Metered', version: '1.0.0' },
    paths: {
      '/reports': { get: { operationId: 'listReports', security: [{ key: [] }], responses: {} } },
      '/health': { get: { operationId: 'health', security: [], responses: {} } },
    },
    components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
  };
  new MeteredApi(stack, 'Api', { tiers: { free: {} }, openApi: { definition: OpenApiDefinition.fromObject(document), handlers: { listReports: handler, health: handler } } });
  const template = templateOf(stack);
  template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', ApiKeyRequired: true, AuthorizationType: 'NONE' });
  expect(Object.values(template.findResources('AWS::ApiGateway::Method')).filter((method) => method.Properties.ApiKeyRequired === true)).toHaveLength(1);
});

describe('binding an OpenAPI document', () => {
  test('lists every operation without a handler and every handler without an operation in one error, with the likely name', () => {
    expect(() => petApi(petStore, (handler) => ({ listPet: handler, showPetById: handler }))).toThrow(
      "[OpenApiBindings] Pets/Api: openApi does not bind the document's operations and security schemes one to one:\n"
      + "  - the operation 'listPets' (GET /pets, #/paths/~1pets/get) has no function in openApi.handlers\n"
      + "  - the operation 'createPet' (POST /pets, #/paths/~1pets/post) has no function in openApi.handlers\n"
      + "  - openApi.handlers['listPet'] names no operation of the document; did you mean 'listPets'?");
  });

  test('names a security scheme without an authorizer', () => {
    expect(() => apiIn('Pets', (handler) => ({
      openApi: { definition: OpenApiDefinition.fromObject(petStore), handlers: bindAll(handler) },
    }))).toThrow(/the security scheme 'cognito' \(required at #\/paths\/~1pets\/post\/security\/0\/cognito\) has no authorizer in openApi.authorizers/);
  });

  test.each([
    ['a cookie parameter', { parameters: [{ name: 'session', in: 'cookie', required: true }] },
      /\[UnsupportedOpenApiFeature\] Pets\/Api: openApi.definition #\/paths\/~1pets\/get\/parameters\/0\/in: is "cookie"; API Gateway validates path, query and header parameters/],
    ['alternative security requirements', { security: [{ cognito: [] }, { other: [] }] },
      /openApi.definition #\/paths\/~1pets\/get\/security: lists 2 alternative requirements; an API Gateway route has one authorizer/],
    ['a callback', { callbacks: { onEvent: {} } }, /openApi.definition #\/paths\/~1pets\/get\/callbacks: 'callbacks' is not supported by API Gateway/],
  ])('refuses %s, naming where it is in the document', (_feature, operation, message) => {
    const document = { ...petStore, paths: { ...petStore.paths, '/pets': { ...petStore.paths['/pets'], get: { ...petStore.paths['/pets'].get, ...operation } } } };
    expect(() => petApi(document)).toThrow(message);
  });

  test('refuses a recursive schema', () => {
    const document = { ...petStore, components: { ...petStore.components, schemas: { Pet: { type: 'object', properties: { parent: { $ref: '#/components/schemas/Pet' } } } } } };
    expect(() => petApi(document)).toThrow(/#\/components\/schemas\/Pet\/properties\/parent\/\$ref: is '#\/components\/schemas\/Pet', a schema that encloses it/);
  });

  test('checks body schemas as JSON Schema draft 4, naming the place in the document', () => {
    const document = { ...petStore, components: { ...petStore.components, schemas: { Pet: { type: 'object', properties: { name: { type: 'string', minLength: -1 } } } } } };
    expect(() => petApi(document)).toThrow(/\[InvalidJsonSchema\] Pets\/Api\/Api: openApi.definition #\/components\/schemas\/Pet.properties.name.minLength is -1/);
  });

  test('refuses a Swagger 2.0 document', () => {
    expect(() => petApi({ swagger: '2.0', paths: {} })).toThrow(/#\/swagger: is '2.0': Swagger 2.0 documents are not supported; convert the document to OpenAPI 3/);
  });
});
