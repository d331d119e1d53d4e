import { httpEventContext } from './event-context';
import { evaluateParameterValue } from '../../src/http/parameter-values';
import { apiRequest } from '../support/api-request';

const context = httpEventContext({
  request: apiRequest({
    method: 'POST',
    rawPath: '/orders/7',
    rawQuery: 'tag=a&tag=b',
    headers: [['X-Tenant', 'acme'], ['x-tenant', 'beta'], ['Content-Type', 'application/json']],
    body: '{"customer":{"id":"c-1"},"items":[1,2]}',
  }),
  routeKey: 'POST /orders/{id}',
  pathParameters: { id: '7' },
  stageVariables: { backend: 'v2' },
});

describe('evaluateParameterValue (HTTP API parameter mapping)', () => {
  test.each([
    ['$request.header.x-tenant', 'acme,beta'],
    ['$request.querystring.tag', 'a,b'],
    ['$request.path.id', '7'],
    ['$request.path', '/orders/7'],
    ['$request.body.customer.id', 'c-1'],
    ['$request.body.items', '[1,2]'],
    ['$context.routeKey', 'POST /orders/{id}'],
    ['$stageVariables.backend', 'v2'],
  ])('%s is %s', (value, expected) => {
    expect(evaluateParameterValue(value, context, '/orders/7')).toBe(expected);
  });

  test('references inside text, bare or braced, are replaced and the text kept', () => {
    expect(evaluateParameterValue('/api/${stageVariables.backend}/orders/$request.path.id', context, '/orders/7')).toBe('/api/v2/orders/7');
  });

  test('a reference to nothing is empty', () => {
    expect(evaluateParameterValue('[$request.header.x-missing][$context.nothing]', context, '/orders/7')).toBe('[][]');
  });
});
