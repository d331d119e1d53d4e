import { ApiRequest } from '../../src/gateway/api-request';
import { httpRequestHeadTooLarge, restRequestHeadTooLarge } from '../../src/gateway/request-limits';
import { apiRequest } from '../support/api-request';

function request(rawPath: string, headers: [string, string][]): ApiRequest {
  return apiRequest({ rawPath, headers });
}

// REST: "Total combined size of all header values 10240 Bytes" and "Length, in characters, of the URL for a regional
// API 10240"; HTTP: "Total combined size of request line and header values 10240 bytes"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
describe('request head quotas', () => {
  test('a REST API counts the header values against 10,240 bytes, not their names', () => {
    expect(restRequestHeadTooLarge(request('/', [['X-Very-Long-Header-Name', 'v'.repeat(10_240)]]))).toBeUndefined();
    expect(restRequestHeadTooLarge(request('/', [['a', 'v'.repeat(10_000)], ['b', 'v'.repeat(241)]])))
      .toBe("the header values have 10241 bytes together, over API Gateway's 10240");
  });

  test('a REST API counts the URL against 10,240 bytes on its own', () => {
    expect(restRequestHeadTooLarge(request(`/${'p'.repeat(10_240)}`, []))).toBe("the URL has 10241 bytes, over API Gateway's 10240");
  });

  test('an HTTP API counts the request line and the header values together', () => {
    // `GET /x HTTP/1.1` is 15 bytes.
    expect(httpRequestHeadTooLarge(request('/x', [['a', 'v'.repeat(10_225)]]))).toBeUndefined();
    expect(httpRequestHeadTooLarge(request('/x', [['a', 'v'.repeat(10_226)]])))
      .toBe("the request line and header values have 10241 bytes together, over API Gateway's 10240");
  });
});
