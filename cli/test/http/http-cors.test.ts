import { applyCors, isPreflight, preflightHeaders } from '../../src/http/http-cors';
import { HttpCorsModel } from '../../src/model';
import { apiRequest } from '../support/api-request';

const CORS: HttpCorsModel = {
  allowOrigins: ['https://app.example.com', 'https://*.example.org'],
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
  allowCredentials: false,
  maxAge: 600,
};

function preflight(origin: string, extra: [string, string][] = []) {
  return apiRequest({ method: 'OPTIONS', headers: [['Origin', origin], ['Access-Control-Request-Method', 'POST'], ...extra] });
}

describe('HTTP API CORS', () => {
  test('a preflight is OPTIONS with Origin and Access-Control-Request-Method', () => {
    expect(isPreflight(preflight('https://app.example.com'))).toBe(true);
    expect(isPreflight(apiRequest({ method: 'OPTIONS', headers: [['Origin', 'https://app.example.com']] }))).toBe(false);
  });

  test('an allowed origin gets the configured methods, headers (lower-cased), exposed headers and max age', () => {
    expect(preflightHeaders(CORS, preflight('https://app.example.com'))).toEqual([
      ['access-control-allow-origin', 'https://app.example.com'],
      ['access-control-allow-methods', 'GET,POST'],
      ['access-control-allow-headers', 'content-type,authorization'],
      ['access-control-expose-headers', 'x-request-id'],
      ['access-control-max-age', '600'],
    ]);
  });

  test('a * inside an allowed origin stands for any characters', () => {
    expect(preflightHeaders(CORS, preflight('https://shop.example.org'))[0]).toEqual(['access-control-allow-origin', 'https://shop.example.org']);
  });

  test('an origin not allowed gets no CORS headers', () => {
    expect(preflightHeaders(CORS, preflight('https://evil.example.net'))).toEqual([]);
  });

  test('allowed headers * echo the requested headers', () => {
    const headers = preflightHeaders({ ...CORS, allowHeaders: ['*'] }, preflight('https://app.example.com', [['Access-Control-Request-Headers', 'x-custom']]));
    expect(headers).toContainEqual(['access-control-allow-headers', 'x-custom']);
  });

  test('origin * answers * without credentials, and the origin itself with them', () => {
    expect(preflightHeaders({ ...CORS, allowOrigins: ['*'] }, preflight('https://a.test'))[0]).toEqual(['access-control-allow-origin', '*']);
    expect(preflightHeaders({ ...CORS, allowOrigins: ['*'], allowCredentials: true }, preflight('https://a.test')).slice(0, 2)).toEqual([
      ['access-control-allow-origin', 'https://a.test'],
      ['access-control-allow-credentials', 'true'],
    ]);
  });

  test('an actual response has the integration\'s CORS headers replaced by the configuration\'s', () => {
    const request = apiRequest({ headers: [['Origin', 'https://app.example.com']] });
    const headers = applyCors(CORS, request, [['content-type', 'text/plain'], ['Access-Control-Allow-Origin', '*']]);
    expect(headers).toEqual([
      ['content-type', 'text/plain'],
      ['access-control-allow-origin', 'https://app.example.com'],
      ['access-control-expose-headers', 'x-request-id'],
    ]);
  });
});
