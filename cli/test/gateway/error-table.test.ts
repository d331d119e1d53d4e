import { defaultErrorBody, HTTP_API_ERRORS, REST_GATEWAY_RESPONSES, REST_UNTYPED_ERRORS } from '../../src/gateway/error-table';

describe('defaultErrorBody, in AWS\'s spelling', () => {
  test('is {"message":"…"} without a space for most types', () => {
    expect(defaultErrorBody(REST_GATEWAY_RESPONSES.UNAUTHORIZED)).toBe('{"message":"Unauthorized"}');
  });

  test('has a space after the colon where AWS writes one, and null messages as null', () => {
    expect(defaultErrorBody(REST_GATEWAY_RESPONSES.AUTHORIZER_FAILURE)).toBe('{"message": null}');
    expect(defaultErrorBody(REST_UNTYPED_ERRORS.LAMBDA_PROXY_FAILURE)).toBe('{"message": "Internal server error"}');
  });

  test('spells the key Message for authorizer policy denials', () => {
    expect(defaultErrorBody(REST_GATEWAY_RESPONSES.ACCESS_DENIED)).toBe('{"Message":"User is not authorized to access this resource"}');
  });

  test('renders a message given in place of the default', () => {
    expect(defaultErrorBody(HTTP_API_ERRORS.NOT_FOUND, 'No route')).toBe('{"message":"No route"}');
  });
});
