import { newRequestIds } from '../../src/gateway/request-ids';

describe('request ids', () => {
  // "Clients can override the value in the x-amzn-RequestId header with a value in the format of a universally unique
  // identifier (UUID)" (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html).
  test('a client UUID becomes the request id; the extended id stays API Gateway\'s', () => {
    const ids = newRequestIds('0F6E4A2B-1C3D-4E5F-8A9B-0C1D2E3F4A5B');
    expect(ids.requestId).toBe('0F6E4A2B-1C3D-4E5F-8A9B-0C1D2E3F4A5B');
    expect(ids.extendedRequestId).toMatch(/^[A-Za-z0-9+_]{16}$/);
  });

  test('a client value that is not a UUID is replaced by a new one', () => {
    const ids = newRequestIds('my-trace-42');
    expect(ids.requestId).not.toBe('my-trace-42');
    expect(ids.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
