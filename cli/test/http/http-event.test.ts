import { httpEventContext } from './event-context';
import { httpEvent, httpPayload1Event } from '../../src/http/http-event';
import { apiRequest } from '../support/api-request';

describe('httpEvent (payload 2.0)', () => {
  test('lower-cases header names and joins repeated headers with commas', () => {
    const event = httpEvent(httpEventContext({ request: apiRequest({ headers: [['X-Tag', 'a'], ['x-tag', 'b']] }) }));
    expect(event.headers).toEqual({ 'x-tag': 'a,b' });
  });

  test('splits cookies out of the cookie header', () => {
    const event = httpEvent(httpEventContext({ request: apiRequest({ headers: [['Cookie', 'a=1; b=2']] }) }));
    expect(event).toMatchObject({ cookies: ['a=1', 'b=2'], headers: {} });
  });

  test('joins repeated query parameters with commas and keeps the raw query string', () => {
    const event = httpEvent(httpEventContext({ request: apiRequest({ rawQuery: 'q=a&q=b+c' }) }));
    expect(event).toMatchObject({ rawQueryString: 'q=a&q=b+c', queryStringParameters: { q: 'a,b c' } });
  });

  test('leaves out empty maps and an empty body', () => {
    const event = httpEvent(httpEventContext({ pathParameters: {} }));
    for (const key of ['cookies', 'queryStringParameters', 'body', 'pathParameters', 'stageVariables']) {
      expect(event).not.toHaveProperty(key);
    }
  });

  test('a body of a text type is passed as text, any other base64-encoded', () => {
    const json = apiRequest({ method: 'POST', headers: [['Content-Type', 'application/vnd.api+json']], body: '{}' });
    expect(httpEvent(httpEventContext({ request: json }))).toMatchObject({ body: '{}', isBase64Encoded: false });
    const bytes = apiRequest({ method: 'POST', headers: [['Content-Type', 'application/octet-stream']], body: 'hi' });
    expect(httpEvent(httpEventContext({ request: bytes }))).toMatchObject({ body: 'aGk=', isBase64Encoded: true });
  });

  test('requestContext carries the route, stage, method and time', () => {
    expect(httpEvent(httpEventContext()).requestContext).toMatchObject({
      routeKey: 'GET /items/{id}',
      stage: '$default',
      requestId: 'ext-1',
      http: { method: 'GET', path: '/items/42', sourceIp: '127.0.0.1', userAgent: '' },
      time: '01/Dec/2026:12:00:00 +0000',
    });
  });
});

describe('httpPayload1Event (payload 1.0 from an HTTP API)', () => {
  test('is the REST event with lower-cased header names, the route\'s path as resource and the route key', () => {
    const event = httpPayload1Event(httpEventContext({ request: apiRequest({ rawPath: '/items/42', headers: [['X-Tag', 'a']] }) }));
    expect(event).toMatchObject({ version: '1.0', resource: '/items/{id}', path: '/items/42', headers: { 'x-tag': 'a' } });
    expect(event.requestContext).toMatchObject({ routeKey: 'GET /items/{id}' });
  });

  test('the $default route has the resource /{proxy+}', () => {
    expect(httpPayload1Event(httpEventContext({ routeKey: '$default' })).resource).toBe('/{proxy+}');
  });
});
