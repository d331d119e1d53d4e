import { GatewayResponseModel } from '../../src/model';
import { renderRestError, RestErrorContext } from '../../src/rest/gateway-response';
import { apiRequest } from '../support/api-request';

const context: RestErrorContext = {
  request: apiRequest({ method: 'GET', rawPath: '/prod/items', headers: [['Origin', 'https://app.example.com']] }),
  ids: { requestId: 'req-1', extendedRequestId: 'ext-1' },
  stage: 'prod',
  stageVariables: {},
  pathParameters: {},
  resourcePath: '/items',
};

function api(...responses: GatewayResponseModel[]) {
  return { apiId: 'abc123', gatewayResponses: new Map(responses.map((r) => [r.responseType, r])) };
}

const CORS_4XX: GatewayResponseModel = {
  responseType: 'DEFAULT_4XX',
  responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': 'method.request.header.Origin' },
  responseTemplates: {},
};

describe('renderRestError', () => {
  test('without gateway responses, answers AWS\'s default status, body and headers', () => {
    expect(renderRestError(api(), { type: 'MISSING_AUTHENTICATION_TOKEN' }, context)).toEqual({
      status: 403,
      headers: [['Content-Type', 'application/json'], ['x-amzn-RequestId', 'req-1'], ['x-amz-apigw-id', 'ext-1'], ['x-amzn-ErrorType', 'MissingAuthenticationTokenException']],
      body: '{"message":"Missing Authentication Token"}',
    });
  });

  test('DEFAULT_4XX\'s header mappings apply to a 4XX type the API does not customize', () => {
    const response = renderRestError(api(CORS_4XX), { type: 'UNAUTHORIZED' }, context);
    expect(response.status).toBe(401);
    expect(response.headers).toContainEqual(['Access-Control-Allow-Origin', 'https://app.example.com']);
  });

  test('DEFAULT_4XX does not apply to a 5XX type', () => {
    const response = renderRestError(api(CORS_4XX), { type: 'AUTHORIZER_FAILURE' }, context);
    expect(response.status).toBe(500);
    expect(response.headers.map(([name]) => name)).not.toContain('Access-Control-Allow-Origin');
  });

  test('a response of the type itself sets the status and renders its template with $context', () => {
    const own: GatewayResponseModel = {
      responseType: 'UNAUTHORIZED',
      statusCode: '403',
      responseParameters: {},
      responseTemplates: { 'application/json': '{"error":$context.error.messageString,"type":"$context.error.responseType","id":"$context.requestId"}' },
    };
    const response = renderRestError(api(CORS_4XX, own), { type: 'UNAUTHORIZED' }, context);
    expect(response).toMatchObject({ status: 403, body: '{"error":"Unauthorized","type":"UNAUTHORIZED","id":"req-1"}' });
  });

  test('an untyped error is customized only by DEFAULT_5XX or DEFAULT_4XX, as its status says', () => {
    const default5xx: GatewayResponseModel = { responseType: 'DEFAULT_5XX', responseParameters: {}, responseTemplates: { 'application/json': '{"type":"$context.error.responseType"}' } };
    expect(renderRestError(api(default5xx), { type: 'LAMBDA_PROXY_FAILURE' }, context)).toMatchObject({ status: 502, body: '{"type":"DEFAULT_5XX"}' });
  });

  test('the error\'s own message and error type replace the defaults', () => {
    const response = renderRestError(api(), { type: 'BAD_REQUEST_PARAMETERS', message: 'Missing required request parameters: [q]', errorType: 'CustomException' }, context);
    expect(response.body).toBe('{"message":"Missing required request parameters: [q]"}');
    expect(response.headers).toContainEqual(['x-amzn-ErrorType', 'CustomException']);
  });
});
