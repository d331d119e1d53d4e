import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RestRouteOptions } from '../../src';
import { newApi, templateOf } from '../support/fixtures';

const itemSchema: apigateway.JsonSchema = {
  type: apigateway.JsonSchemaType.OBJECT,
  required: ['name'],
  properties: { name: { type: apigateway.JsonSchemaType.STRING, minLength: 1 } },
};
const withRoute = (routeKey: string, options: Omit<RestRouteOptions, 'handler'>) =>
  newApi((handler: lambda.IFunction) => ({ routes: { [routeKey]: { handler, ...options } } }));

describe('request validation', () => {
  test('a body schema becomes a model of the API, named after the route', () => {
    const { stack, api } = withRoute('POST /items/{id}', { bodySchema: itemSchema });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Model', {
      RestApiId: stack.resolve(api.restApi.restApiId),
      Name: 'PostItemsIdBody',
      ContentType: 'application/json',
      Schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
    });
  });

  test('the method validates its body against the model', () => {
    const { stack, api } = withRoute('POST /items', { bodySchema: itemSchema });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      RequestModels: { 'application/json': { Ref: Match.stringLikeRegexp('^ApiPostItemsBody') } },
      RequestValidatorId: stack.resolve(api.requestValidator.requestValidatorId),
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
  });

  test('a shared model can serve several routes', () => {
    const { stack, api, fn } = newApi();
    const model = api.restApi.addModel('Item', { contentType: 'application/json', modelName: 'Item', schema: itemSchema });
    api.addRoute('POST /items', { handler: fn, bodyModel: model });
    api.addRoute('PUT /items/{id}', { handler: fn, bodyModel: model });
    templateOf(stack).resourceCountIs('AWS::ApiGateway::Model', 1);
    for (const method of ['POST', 'PUT']) {
      templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: method, RequestModels: { 'application/json': stack.resolve(model.modelId) } });
    }
  });

  test('required query strings and headers become required method parameters', () => {
    const { stack } = withRoute('GET /search', { requiredQueryStrings: ['q'], requiredHeaders: ['X-Tenant'] });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      RequestParameters: { 'method.request.querystring.q': true, 'method.request.header.X-Tenant': true },
    });
  });

  test('a route without requirements declares no model and no parameters', () => {
    const { stack } = withRoute('GET /items', {});
    templateOf(stack).resourceCountIs('AWS::ApiGateway::Model', 0);
    const method = Object.values(templateOf(stack).findResources('AWS::ApiGateway::Method'))[0];
    expect(method.Properties.RequestModels).toBeUndefined();
    expect(method.Properties.RequestParameters).toBeUndefined();
  });
});

describe('request validation errors', () => {
  test('a schema with an invalid keyword value is rejected, naming the route and the keyword', () => {
    const broken = { type: apigateway.JsonSchemaType.STRING, minLength: -1 };
    expect(() => withRoute('POST /items', { bodySchema: broken }))
      .toThrow(/\[InvalidJsonSchema\].*routes\['POST \/items'\]\.bodySchema\.minLength is -1/);
  });

  test('a schema and a model together are rejected', () => {
    expect(() => newApi((handler, stack) => ({
      routes: { 'POST /items': { handler, bodySchema: itemSchema, bodyModel: apigateway.Model.fromModelName(stack, 'M', 'Item') } },
    }))).toThrow(/\[BodySchemaAndModel\].*routes\['POST \/items'\] has both bodySchema and bodyModel/);
  });

  test.each(['GET', 'HEAD', 'OPTIONS'])('a body schema on a %s route is rejected: its requests carry no body', (method) => {
    expect(() => withRoute(`${method} /items`, { bodySchema: itemSchema })).toThrow(
      `[BodyOnBodilessMethod] TestStack/Api/Api: routes['${method} /items'].bodySchema is set on a ${method} route, whose requests carry no body for API Gateway to validate; put it on the route of the method that sends the body (POST, PUT, PATCH), or remove it`);
  });

  test('a body model on a GET route is rejected', () => {
    expect(() => newApi((handler, stack) => ({ routes: { 'GET /items': { handler, bodyModel: apigateway.Model.fromModelName(stack, 'M', 'Item') } } })))
      .toThrow(/\[BodyOnBodilessMethod\] .*routes\['GET \/items'\]\.bodyModel is set on a GET route/);
  });

  test('a body schema on an ANY or DELETE route is accepted', () => {
    expect(() => withRoute('ANY /items', { bodySchema: itemSchema })).not.toThrow();
    expect(() => withRoute('DELETE /items', { bodySchema: itemSchema })).not.toThrow();
  });

  test('an invalid header name is rejected', () => {
    expect(() => withRoute('GET /items', { requiredHeaders: ['X Tenant'] }))
      .toThrow(/\[InvalidRequestParameter\].*routes\['GET \/items'\]\.requiredHeaders\[0\] is 'X Tenant'; expected an HTTP header name/);
  });

  test('a full request parameter name is rejected with the name alone', () => {
    expect(() => withRoute('GET /items', { requiredHeaders: ['method.request.header.X-Tenant'] })).toThrow(
      "[InvalidRequestParameter] TestStack/Api/Api: routes['GET /items'].requiredHeaders[0] is 'method.request.header.X-Tenant', a full identity source; expected the header name alone: 'X-Tenant'");
    expect(() => withRoute('GET /items', { requiredQueryStrings: ['method.request.querystring.page'] }))
      .toThrow(/requiredQueryStrings\[0\] is 'method\.request\.querystring\.page', a full identity source; expected the query string parameter name alone: 'page'/);
  });

  test('an empty query string name is rejected', () => {
    expect(() => withRoute('GET /items', { requiredQueryStrings: [''] }))
      .toThrow(/routes\['GET \/items'\]\.requiredQueryStrings\[0\] is ''; expected a non-empty name/);
  });

  test('a parameter listed twice is rejected', () => {
    expect(() => withRoute('GET /items', { requiredQueryStrings: ['q', 'q'] }))
      .toThrow(/\[DuplicateRequestParameter\].*requiredQueryStrings lists 'q' twice/);
  });

  test('two routes whose model names clash are rejected, pointing to a shared model', () => {
    expect(() => newApi((handler) => ({
      routes: { 'POST /a-b': { handler, bodySchema: itemSchema }, 'POST /a_b': { handler, bodySchema: itemSchema } },
    }))).toThrow(/\[ModelNameClash\].*the routes 'POST \/a-b' and 'POST \/a_b' both name their body model 'PostABBody'; create one of the models with restApi.addModel\(\)/);
  });
});
