import { ApiRequest } from '../../src/gateway/api-request';

/** A request as the listener hands it over: `GET /` from 127.0.0.1 at epoch 0 unless `overrides` say otherwise. */
export function apiRequest(overrides: Partial<Omit<ApiRequest, 'body'>> & { readonly body?: Buffer | string } = {}): ApiRequest {
  const { body, ...rest } = overrides;
  return {
    method: 'GET',
    rawPath: '/',
    rawQuery: '',
    headers: [],
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
    receivedAt: 0,
    ...rest,
    body: typeof body === 'string' ? Buffer.from(body) : body ?? Buffer.alloc(0),
  };
}
