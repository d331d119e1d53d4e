import { ApiRequest } from '../../src/gateway/api-request';
import { missingRequiredParameters } from '../../src/rest/request-parameters';
import { apiRequest } from '../support/api-request';

function request(rawQuery: string, headers: [string, string][] = []): ApiRequest {
  return apiRequest({ rawPath: '/validation', rawQuery, headers });
}

// "The required request parameters in the URI, query string, and headers of an incoming request are included and
// non-blank"; `GET /validation?q1=` gets the same 400 as no q1 at all
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-validation-test.html).
describe('required request parameters', () => {
  const required = { 'method.request.querystring.q1': true, 'method.request.header.h1': true };

  test('a blank query parameter or header counts as missing', () => {
    expect(missingRequiredParameters(required, request('q1=', [['h1', ' ']]), {})).toEqual(['q1', 'h1']);
  });

  test('non-blank values pass', () => {
    expect(missingRequiredParameters(required, request('q1=v', [['H1', 'v1']]), {})).toEqual([]);
  });
});
