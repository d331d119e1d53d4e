import { identitySourceValue, IdentitySourceScope } from '../../src/gateway/identity-source';
import { apiRequest } from '../support/api-request';

const scope: IdentitySourceScope = {
  request: apiRequest({ headers: [['Authorization', 'Bearer t']], rawQuery: 'token=a&token=b&empty=' }),
  stageVariables: { tenant: 'acme' },
  context: { identity: { sourceIp: '10.0.0.1' } },
};

describe('identitySourceValue', () => {
  test.each([
    ['method.request.header.authorization', 'Bearer t'],
    ['$request.header.Authorization', 'Bearer t'],
    ['stageVariables.tenant', 'acme'],
    ['$stageVariables.tenant', 'acme'],
    ['context.identity.sourceIp', '10.0.0.1'],
    ['$context.identity.sourceIp', '10.0.0.1'],
  ])('reads %s, REST or HTTP API syntax', (expression, value) => {
    expect(identitySourceValue(expression, scope)).toBe(value);
  });

  test('a repeated query parameter gives its values joined by commas', () => {
    expect(identitySourceValue('method.request.querystring.token', scope)).toBe('a,b');
  });

  test.each([
    ['method.request.header.x-missing'],
    ['method.request.querystring.empty'],
    ['context.identity.nothing.deeper'],
    ['method.request.path.id'],
  ])('%s, absent, empty or not an identity source, is undefined', (expression) => {
    expect(identitySourceValue(expression, scope)).toBeUndefined();
  });
});
