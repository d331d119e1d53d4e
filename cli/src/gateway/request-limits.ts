import { ApiRequest } from './api-request';

/**
 * API Gateway's quotas on what precedes the body, the same number for both API types but counted differently: REST
 * APIs count "the URL for a regional API" and "the total combined size of all header values" each against it, HTTP
 * APIs "the total combined size of request line and header values"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
 */
export const REQUEST_HEAD_LIMIT_BYTES = 10_240;

/** Why a REST API refuses the request's URL or headers as too large; undefined when they are within the quotas. */
export function restRequestHeadTooLarge(request: ApiRequest): string | undefined {
  const url = urlBytes(request);
  if (url > REQUEST_HEAD_LIMIT_BYTES) return `the URL has ${url} bytes, over API Gateway's ${REQUEST_HEAD_LIMIT_BYTES}`;
  const headers = headerValueBytes(request);
  return headers > REQUEST_HEAD_LIMIT_BYTES ? `the header values have ${headers} bytes together, over API Gateway's ${REQUEST_HEAD_LIMIT_BYTES}` : undefined;
}

/** Why an HTTP API refuses the request line and headers as too large; undefined when they are within the quota. */
export function httpRequestHeadTooLarge(request: ApiRequest): string | undefined {
  // `GET /path?query HTTP/1.1`: the method, the URL and the protocol, with the two spaces between them.
  const size = Buffer.byteLength(request.method) + urlBytes(request) + Buffer.byteLength(request.protocol) + 2 + headerValueBytes(request);
  return size > REQUEST_HEAD_LIMIT_BYTES ? `the request line and header values have ${size} bytes together, over API Gateway's ${REQUEST_HEAD_LIMIT_BYTES}` : undefined;
}

function urlBytes(request: ApiRequest): number {
  return Buffer.byteLength(request.rawPath) + (request.rawQuery === '' ? 0 : 1 + Buffer.byteLength(request.rawQuery));
}

function headerValueBytes(request: ApiRequest): number {
  let size = 0;
  for (const [, value] of request.headers) {
    size += Buffer.byteLength(value);
  }
  return size;
}
