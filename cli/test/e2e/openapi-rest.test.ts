import * as fs from 'node:fs';
import * as path from 'node:path';
import { Fn } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';
import { tempDir } from '../support/temp-dirs';

const API_KEY = 'openapi-key-0123456789abcdef';
/** serveApp's stack environment: the ARNs a document written for that account names. */
const FUNCTION_ARN = (name: string) => `arn:aws:lambda:eu-west-1:111122223333:function:${name}`;
const INVOKE_URI = (name: string) => `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${FUNCTION_ARN(name)}/invocations`;

/** Allows the token `allow`, refuses any other as Unauthorized. */
const TOKEN_AUTHORIZER = `exports.handler = async (event) => {
  if (event.authorizationToken !== 'allow') throw new Error('Unauthorized');
  return { principalId: 'reader', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] } };
};`;

/**
 * An OpenAPI 3 document as a file of the project (ApiDefinition.fromAsset): it cannot hold CloudFormation intrinsics,
 * so it names the functions by ARN, with the names the app gives them.
 */
const DOCUMENT = `
openapi: 3.0.1
info: { title: pets, version: "1" }
x-amazon-apigateway-request-validators:
  body-only: { validateRequestBody: true, validateRequestParameters: false }
components:
  schemas:
    NewPet:
      type: object
      required: [name]
      properties:
        name: { type: string, minLength: 1 }
  securitySchemes:
    api_key: { type: apiKey, name: x-api-key, in: header }
    token:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: token
        authorizerUri: ${INVOKE_URI('openapi-authorizer')}
        authorizerResultTtlInSeconds: 0
  x-amazon-apigateway-integrations:
    pets: { type: aws_proxy, httpMethod: POST, uri: ${INVOKE_URI('openapi-pets')} }
paths:
  /pets:
    get:
      x-amazon-apigateway-integration: { $ref: "#/components/x-amazon-apigateway-integrations/pets" }
    post:
      x-amazon-apigateway-request-validator: body-only
      requestBody:
        content:
          application/json: { schema: { $ref: "#/components/schemas/NewPet" } }
      x-amazon-apigateway-integration: { $ref: "#/components/x-amazon-apigateway-integrations/pets" }
  /pets/{id}:
    get:
      security: [{ token: [] }]
      x-amazon-apigateway-integration: { $ref: "#/components/x-amazon-apigateway-integrations/pets" }
  /keyed:
    get:
      security: [{ api_key: [] }]
      x-amazon-apigateway-integration: { $ref: "#/components/x-amazon-apigateway-integrations/pets" }
  /health:
    get:
      # Import makes a method response of each status here; the MOCK's 200 needs one (else AWS answers 500).
      responses: { "200": { description: ok } }
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: { application/json: '{"statusCode": 200}' }
        responses:
          default:
            statusCode: "200"
            responseTemplates: { application/json: '{"status": "ok", "stage": "$context.stage"}' }
`;

function documentFile(): string {
  const file = path.join(tempDir('gatewaykit-openapi-'), 'pets.yaml');
  fs.writeFileSync(file, DOCUMENT);
  return file;
}

describe('REST APIs defined by OpenAPI (aws-cdk-lib SpecRestApi)', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      nodeFunction(stack, 'Pets', ECHO_HANDLER, { functionName: 'openapi-pets' });
      nodeFunction(stack, 'Authorizer', TOKEN_AUTHORIZER, { functionName: 'openapi-authorizer' });
      // https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_apigateway-readme.html#openapi-definition
      const api = new apigateway.SpecRestApi(stack, 'FromAsset', {
        apiDefinition: apigateway.ApiDefinition.fromAsset(documentFile()),
        deployOptions: { stageName: 'prod' },
      });
      api.addUsagePlan('Plan', { apiStages: [{ api, stage: api.deploymentStage }] }).addApiKey(api.addApiKey('Key', { value: API_KEY }));

      // Inline, the document can name a function of the stack with tokens or Fn::Sub, which CloudFormation resolves.
      const inline = nodeFunction(stack, 'Inline', ECHO_HANDLER);
      new apigateway.SpecRestApi(stack, 'FromInline', {
        deployOptions: { stageName: 'live' },
        apiDefinition: apigateway.ApiDefinition.fromInline({
          'openapi': '3.0.1',
          'info': { title: 'inline', version: '1' },
          'x-amazon-apigateway-request-validators': { body: { validateRequestBody: true } },
          'x-amazon-apigateway-gateway-responses': {
            BAD_REQUEST_BODY: {
              statusCode: 422,
              responseTemplates: { 'application/json': '{"error": "$context.error.validationErrorString"}' },
            },
          },
          'paths': {
            '/validated': {
              post: {
                'x-amazon-apigateway-request-validator': 'body',
                'requestBody': { content: { 'application/json': { schema: { type: 'object', required: ['id'] } } } },
                'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } },
              },
            },
            '/tokens': {
              get: {
                'x-amazon-apigateway-integration': {
                  type: 'aws_proxy', httpMethod: 'POST', uri: `arn:aws:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${inline.functionArn}/invocations`,
                },
              },
            },
            '/sub': {
              get: {
                'x-amazon-apigateway-integration': {
                  type: 'aws_proxy', httpMethod: 'POST', uri: Fn.sub('arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Arn}/invocations', { Arn: inline.functionArn }),
                },
              },
            },
          },
        }),
      });
    });
  });
  afterAll(() => app.stop());

  test('nothing of the documents is reported as not served', () => {
    expect(app.running.model.unsupported).toEqual([]);
  });

  test('a Lambda proxy integration of a document asset invokes the function its hard-coded ARN names', async () => {
    const response = await app.fetch('pets?kind=cat', undefined, 'FromAsset');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ resource: '/pets', path: '/pets', httpMethod: 'GET', queryStringParameters: { kind: 'cat' } });
  });

  test('a MOCK integration answers with its response template', async () => {
    const response = await app.fetch('health', undefined, 'FromAsset');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', stage: 'prod' });
  });

  test('a request validator refuses a body its model does not accept: 400 Invalid request body, without invoking', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
    const before = app.invocations('Pets');
    const response = await app.fetch('pets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '' }) }, 'FromAsset');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Invalid request body' });
    expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(app.invocations('Pets')).toBe(before);
  });

  test('a body the model accepts reaches the function', async () => {
    const response = await app.fetch('pets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Rex' }) }, 'FromAsset');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ httpMethod: 'POST', body: '{"name":"Rex"}' });
  });

  test('an authorizer from securitySchemes refuses a request without its token: 401 Unauthorized', async () => {
    const response = await app.fetch('pets/7', undefined, 'FromAsset');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  test('an authorizer from securitySchemes admits its token, and the function sees the principal', async () => {
    const response = await app.fetch('pets/7', { headers: { Authorization: 'allow' } }, 'FromAsset');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ pathParameters: { id: '7' }, requestContext: { authorizer: { principalId: 'reader' } } });
  });

  test('a method whose security requires api_key refuses a request without a key: 403 Forbidden', async () => {
    const response = await app.fetch('keyed', undefined, 'FromAsset');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
  });

  test('a method whose security requires api_key admits a key of a usage plan of its stage', async () => {
    const response = await app.fetch('keyed', { headers: { 'x-api-key': API_KEY } }, 'FromAsset');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ requestContext: { identity: { apiKey: API_KEY } } });
  });

  test.each(['tokens', 'sub'])('an inline definition\'s integration URI written with %s reaches the stack\'s function', async (route) => {
    const response = await app.fetch(route, undefined, 'FromInline');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ resource: `/${route}`, requestContext: { stage: 'live' } });
  });

  test('the document\'s gateway response renders a refused body, with $context.error.validationErrorString', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
    const response = await app.fetch('validated', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, 'FromInline');
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "[/ must have required property 'id']" });
  });
});
