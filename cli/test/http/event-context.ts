import { HttpEventContext } from '../../src/http/http-event';
import { apiRequest } from '../support/api-request';

/** What an HTTP API knows of `GET /items/42` on its `$default` stage, route `GET /items/{id}`, unless `overrides` say. */
export function httpEventContext(overrides: Partial<HttpEventContext> = {}): HttpEventContext {
  return {
    request: apiRequest({ rawPath: '/items/42', receivedAt: Date.UTC(2026, 11, 1, 12) }),
    ids: { requestId: 'req-1', extendedRequestId: 'ext-1' },
    accountId: '111122223333',
    apiId: 'abc123',
    stage: '$default',
    routeKey: 'GET /items/{id}',
    pathParameters: { id: '42' },
    stageVariables: {},
    ...overrides,
  };
}
