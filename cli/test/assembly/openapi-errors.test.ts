import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { documentFile, FN_URI, loadHttpDefinition, loadRestDefinition } from './openapi-support';
import { synthModel } from './support';
import { AppModel } from '../../src/model';

const proxy = { 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: FN_URI } };

/** The reasons the startup report gives for the places of the document, by place. */
function reported(body: unknown, load: (body: unknown) => { model: AppModel } = loadRestDefinition) {
  return load(body).model.unsupported.filter((item) => item.type.startsWith('OpenAPI')).map((item) => `${item.type}: ${item.reason}`);
}

/** What the startup report says of APIs it does not serve, one reason a line. */
function notServed(model: AppModel): string {
  return model.unsupported.filter((item) => / is not served: /.test(item.reason)).map((item) => item.reason).join('\n');
}

describe('an invalid OpenAPI document leaves its API not served, with a line naming the document and the JSON pointer', () => {
  test('a YAML file that does not parse names the file', () => {
    const file = documentFile('broken.yaml', 'openapi: 3.0.1\npaths: [unclosed\n');
    expect(notServed(synthModel((app) => {
      new apigateway.SpecRestApi(new Stack(app, 'Broken'), 'Api', { apiDefinition: apigateway.ApiDefinition.fromAsset(file) });
    }))).toMatch(/the OpenAPI document .*asset\.[0-9a-f]+\.yaml is not valid YAML \(.+\); expected an OpenAPI 3 or Swagger 2\.0 document/);
  });

  test('a document that is neither OpenAPI 3 nor Swagger 2.0 is refused at /openapi', () => {
    expect(notServed(loadRestDefinition({ openapi: '2.1.0', paths: {} }).model)).toMatch(/property Body#\/openapi is "2\.1\.0"; expected openapi: 3\.x \(OpenAPI 3\) or swagger: "2\.0"/);
  });

  test('a value of the wrong type is refused at its pointer', () => {
    const body = { openapi: '3.0.1', paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'mock', timeoutInMillis: 'soon' } } } } };
    expect(notServed(loadRestDefinition(body).model)).toMatch(/Body#\/paths\/~1pets\/get\/x-amazon-apigateway-integration\/timeoutInMillis is "soon"; expected a number/);
  });

  test('an integration without a type is refused at its pointer', () => {
    const body = { openapi: '3.0.1', paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { uri: 'https://example.com' } } } } };
    expect(notServed(loadRestDefinition(body).model)).toMatch(/Body#\/paths\/~1pets\/get\/x-amazon-apigateway-integration\/type is missing; expected a string/);
  });

  test('a security requirement naming no scheme is refused at its pointer', () => {
    const body = { openapi: '3.0.1', paths: { '/pets': { get: { ...proxy, security: [{ missing: [] }] } } } };
    expect(notServed(loadRestDefinition(body).model)).toMatch(/Body#\/paths\/~1pets\/get\/security\/0\/missing names the security scheme missing, which the document does not define/);
  });

  test('a request validator the document does not define is refused at its pointer', () => {
    const body = { 'openapi': '3.0.1', 'x-amazon-apigateway-request-validator': 'strict', 'paths': { '/pets': { get: proxy } } };
    expect(notServed(loadRestDefinition(body).model)).toMatch(/Body#\/x-amazon-apigateway-request-validator names "strict", which x-amazon-apigateway-request-validators does not define/);
  });

  test('a $ref to another file is refused at its pointer', () => {
    const body = { openapi: '3.0.1', paths: { '/pets': { get: { ...proxy, parameters: [{ $ref: 'common.yaml#/Page' }] } } } };
    expect(notServed(loadRestDefinition(body).model)).toMatch(/Body#\/paths\/~1pets\/get\/parameters\/0\/\$ref is "common\.yaml#\/Page"; expected a reference inside the document/);
  });

  test('a $ref to nothing is refused at its pointer', () => {
    const body = { openapi: '3.0.1', paths: { '/pets': { $ref: '#/components/pathItems/pets' } } };
    expect(notServed(loadRestDefinition(body).model)).toMatch(/Body#\/paths\/~1pets\/\$ref is "#\/components\/pathItems\/pets", which names nothing in the document/);
  });

  test('a path that does not begin with / is refused', () => {
    expect(notServed(loadRestDefinition({ openapi: '3.0.1', paths: { pets: { get: proxy } } }).model)).toMatch(/Body#\/paths\/pets is not a path; expected one that begins with \//);
  });
});

describe('what the document declares and the runtime does not serve is in the startup report with the path and method', () => {
  test('an extension API Gateway does not define', () => {
    expect(reported({ openapi: '3.0.1', paths: { '/pets': { get: { ...proxy, 'x-amazon-apigateway-cache': {} } } } })).toEqual([
      'OpenAPI #/paths/~1pets/get/x-amazon-apigateway-cache: the method GET /pets has the extension x-amazon-apigateway-cache, which is not read, so it has no effect locally',
    ]);
  });

  test('a field the integration extension does not define', () => {
    const body = { openapi: '3.0.1', paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'mock', retries: 3 } } } } };
    expect(reported(body)).toEqual([
      'OpenAPI #/paths/~1pets/get/x-amazon-apigateway-integration/retries: the integration of the method GET /pets has the field retries, which API Gateway does not define there; it is not read',
    ]);
  });

  test('a cookie parameter', () => {
    expect(reported({ openapi: '3.0.1', paths: { '/pets': { get: { ...proxy, parameters: [{ name: 'session', in: 'cookie', required: true }] } } } })).toEqual([
      'OpenAPI #/paths/~1pets/get/parameters/0: the method GET /pets declares the cookie parameter session, which API Gateway does not map to a method request parameter; it is not checked',
    ]);
  });

  test('alternative security requirements and a scheme API Gateway does not read', () => {
    const body = {
      openapi: '3.0.1',
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: {} }, sigv4: { 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' } } },
      paths: { '/pets': { get: { ...proxy, security: [{ oauth: [] }, { sigv4: [] }] } } },
    };
    expect(reported(body)).toEqual([
      'OpenAPI #/paths/~1pets/get/security: the method GET /pets lists 2 alternative security requirements; only the first is applied',
      'OpenAPI #/paths/~1pets/get/security/0/oauth: the method GET /pets requires the security scheme oauth, which API Gateway does not read: it is neither an authorizer (x-amazon-apigateway-authorizer), IAM (x-amazon-apigateway-authtype: awsSigv4) nor an API key in the x-api-key header',
    ]);
  });

  test('a TRACE operation', () => {
    expect(reported({ openapi: '3.0.1', paths: { '/pets': { get: proxy, trace: proxy } } })).toEqual([
      'OpenAPI #/paths/~1pets/trace: the path /pets has a TRACE operation, which API Gateway does not serve',
    ]);
  });

  test('an operation without an integration', () => {
    expect(reported({ openapi: '3.0.1', paths: { '/pets': { get: { responses: {} } } } })).toEqual([
      'OpenAPI #/paths/~1pets/get: the method GET /pets has no integration, so it is not served',
    ]);
  });

  test('an API key scheme on an HTTP API route', () => {
    const body = {
      openapi: '3.0.1',
      components: { securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
      paths: { '/pets': { get: { ...proxy, security: [{ api_key: [] }] } } },
    };
    expect(reported(body, loadHttpDefinition)).toEqual([
      'OpenAPI #/paths/~1pets/get/security: the route GET /pets requires the API key scheme api_key; HTTP APIs have no API keys, so it is not applied',
    ]);
  });

  test('a body model the API does not define, on a method whose validator checks bodies', () => {
    const body = {
      'openapi': '3.0.1',
      'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true } },
      'x-amazon-apigateway-request-validator': 'all',
      'paths': { '/pets': { post: { ...proxy, requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } } } },
    };
    expect(loadRestDefinition(body).model.unsupported).toEqual([{
      path: 'Test/Api',
      type: 'request model',
      reason: 'the method POST /pets validates application/json bodies against the model Missing, which the API does not define, so they are not checked',
    }]);
  });

  test.each([
    ['REST API\'s Parameters basepath', () => loadRestDefinition({ openapi: '3.0.1', paths: {} }, { Parameters: { basepath: 'prepend' } }), 'prepend'],
    ['HTTP API\'s BasePath', () => loadHttpDefinition({ openapi: '3.0.1', paths: {} }, { BasePath: 'split' }), 'split'],
  ])('a base path mode other than ignore (the %s)', (_where, load, mode) => {
    expect(load().model.unsupported.map((item) => item.reason)).toEqual([
      `the OpenAPI definition's base path is not applied (basepath ${mode}): its paths are served as written`,
    ]);
  });

  test('a definition in a bucket outside the cloud assembly, and the API is served without it', () => {
    const model = synthModel((app) => {
      const stack = new Stack(app, 'Remote');
      const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'specs');
      new apigateway.SpecRestApi(stack, 'Api', { apiDefinition: apigateway.ApiDefinition.fromBucket(bucket, 'pets.yaml') });
    });
    expect(model.unsupported).toContainEqual({
      path: 'Remote/Api',
      type: 'AWS::ApiGateway::RestApi',
      reason: 'its OpenAPI definition is in S3 (s3://specs/pets.yaml), not in the cloud assembly, so only the resources and methods declared as AWS::ApiGateway resources are served',
    });
    expect(model.restApis.map((api) => api.name)).toEqual(['Api']);
  });
});
