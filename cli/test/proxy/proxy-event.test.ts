import { ProxyEventContext, proxyIdentity, restProxyEvent } from '../../src/proxy';
import { apiRequest } from '../support/api-request';

const RECEIVED_AT = Date.UTC(2026, 11, 1, 12, 0, 0);

function context(overrides: Partial<ProxyEventContext> = {}): ProxyEventContext {
  const request = overrides.request ?? apiRequest({ rawPath: '/prod/items/42', receivedAt: RECEIVED_AT, headers: [['Host', 'abc.example.com:3000']] });
  return {
    request,
    ids: { requestId: 'req-1', extendedRequestId: 'ext-1' },
    accountId: '111122223333',
    apiId: 'abc123',
    stage: 'prod',
    deploymentId: 'dep-1',
    path: '/items/42',
    resourcePath: '/items/{id}',
    resourceId: 'res-1',
    httpMethod: 'GET',
    pathParameters: { id: '42' },
    stageVariables: {},
    binaryMediaTypes: [],
    identity: proxyIdentity(request),
    ...overrides,
  };
}

describe('restProxyEvent (payload 1.0, REST)', () => {
  test('keeps header casing, the last value in headers and every value in multiValueHeaders', () => {
    const event = restProxyEvent(context({ request: apiRequest({ headers: [['X-Tag', 'a'], ['X-Tag', 'b']] }) }));
    expect(event).toMatchObject({ headers: { 'X-Tag': 'b' }, multiValueHeaders: { 'X-Tag': ['a', 'b'] } });
  });

  test('decodes the query, the last value in queryStringParameters and every value in the multi-value map', () => {
    const event = restProxyEvent(context({ request: apiRequest({ rawQuery: 'q=a+b&q=c' }) }));
    expect(event).toMatchObject({ queryStringParameters: { q: 'c' }, multiValueQueryStringParameters: { q: ['a b', 'c'] } });
  });

  test('empty maps and an empty body are null', () => {
    const event = restProxyEvent(context({ request: apiRequest(), pathParameters: {} }));
    expect(event).toMatchObject({ headers: null, multiValueHeaders: null, queryStringParameters: null, multiValueQueryStringParameters: null });
    expect(event).toMatchObject({ pathParameters: null, stageVariables: null, body: null, isBase64Encoded: false });
  });

  test('a body of a binary media type is base64-encoded, other bodies are text', () => {
    const png = apiRequest({ method: 'POST', headers: [['Content-Type', 'image/png']], body: Buffer.from([0x89, 0x50]) });
    expect(restProxyEvent(context({ request: png, binaryMediaTypes: ['image/*'] }))).toMatchObject({ body: 'iVA=', isBase64Encoded: true });
    const json = apiRequest({ method: 'POST', headers: [['Content-Type', 'application/json']], body: '{"a":1}' });
    expect(restProxyEvent(context({ request: json, binaryMediaTypes: ['image/*'] }))).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
  });

  test('requestContext has the stage in its path, the deployment id and the request time', () => {
    expect(restProxyEvent(context()).requestContext).toMatchObject({
      path: '/prod/items/42',
      resourcePath: '/items/{id}',
      deploymentId: 'dep-1',
      domainName: 'abc.example.com:3000',
      domainPrefix: 'abc',
      requestId: 'req-1',
      extendedRequestId: 'ext-1',
      requestTime: '01/Dec/2026:12:00:00 +0000',
      requestTimeEpoch: RECEIVED_AT,
    });
  });

  test('an HTTP API sending payload 1.0 adds version and routeKey, without deploymentId', () => {
    const event = restProxyEvent(context({ httpApiRouteKey: 'GET /items/{id}', stage: '$default' }));
    expect(event.version).toBe('1.0');
    expect(event.requestContext).toMatchObject({ routeKey: 'GET /items/{id}', path: '/items/42' });
    expect(event.requestContext).not.toHaveProperty('deploymentId');
  });
});

describe('proxyIdentity', () => {
  test('has every field, null unless the request tells it', () => {
    const identity = proxyIdentity(apiRequest({ sourceIp: '10.0.0.9', headers: [['User-Agent', 'curl/8']] }));
    expect(identity).toMatchObject({ sourceIp: '10.0.0.9', userAgent: 'curl/8', apiKey: null, userArn: null, cognitoIdentityId: null });
    expect(Object.keys(identity)).toHaveLength(15);
  });
});
