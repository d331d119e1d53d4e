import { integrationUrl } from '../../src/gateway/integration-url';

describe('integrationUrl (HTTP integrations)', () => {
  test('fills in stage variables and path parameters, a greedy one with its slashes', () => {
    const url = integrationUrl('https://${stageVariables.host}/files/{proxy+}', { proxy: 'a/b%20c.txt' }, [], { host: 'backend.example.com' });
    expect(url.href).toBe('https://backend.example.com/files/a/b%20c.txt');
  });

  test('appends the query parameters to those the URI has', () => {
    expect(integrationUrl('https://backend.example.com/items?fixed=1', {}, [['q', 'a b'], ['q', 'c']], {}).search).toBe('?fixed=1&q=a+b&q=c');
  });

  test('a path parameter the request lacks is left empty', () => {
    expect(integrationUrl('https://backend.example.com/items/{id}', {}, [], {}).pathname).toBe('/items/');
  });
});
