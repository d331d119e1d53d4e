import { PathRouter } from '../../src/gateway/path-router';

function routerOf(...paths: string[]): PathRouter<string> {
  const router = new PathRouter<string>();
  paths.forEach((p) => router.add(p, p));
  return router;
}

function best(router: PathRouter<string>, path: string) {
  return router.find(path);
}

describe('PathRouter', () => {
  test('an explicit resource wins over a path variable, which wins over a greedy variable', () => {
    const router = routerOf('/{proxy+}', '/items/{id}', '/items/special');
    expect(best(router, '/items/special')?.value).toBe('/items/special');
    expect(best(router, '/items/42')).toEqual({ value: '/items/{id}', pathParameters: { id: '42' } });
    expect(best(router, '/other/a/b')).toEqual({ value: '/{proxy+}', pathParameters: { proxy: 'other/a/b' } });
  });

  test('a greedy variable needs at least one segment', () => {
    const router = routerOf('/files/{proxy+}');
    expect(best(router, '/files')).toBeUndefined();
    expect(best(router, '/files/a')?.pathParameters).toEqual({ proxy: 'a' });
  });

  test('backtracks to a variable when the literal branch does not reach a resource', () => {
    const router = routerOf('/items/special/deep', '/items/{id}/tags');
    expect(best(router, '/items/special/tags')).toEqual({ value: '/items/{id}/tags', pathParameters: { id: 'special' } });
  });

  test('the root is the empty path, and a trailing slash matches the same resource', () => {
    const router = routerOf('/', '/items');
    expect(best(router, '/')?.value).toBe('/');
    expect(best(router, '/items/')?.value).toBe('/items');
  });

  test('path variable values are passed as sent, not decoded', () => {
    expect(best(routerOf('/items/{id}'), '/items/a%20b')?.pathParameters).toEqual({ id: 'a%20b' });
  });

  test('lists every match, most specific first', () => {
    const router = routerOf('/{proxy+}', '/items/{id}', '/items/special');
    expect(router.matches('/items/special').map((m) => m.value)).toEqual(['/items/special', '/items/{id}', '/{proxy+}']);
  });

  test('a REST router keeps a greedy variable from paths under a literal sibling resource', () => {
    // "When a proxy resource has non-proxy siblings, the sibling resources are excluded from the representation of the
    // proxy resource" (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).
    const router = new PathRouter<string>(true);
    ['/files/{proxy+}', '/files/fixed'].forEach((p) => router.add(p, p));
    expect(router.find('/files/fixed/x')).toBeUndefined();
    expect(router.find('/files/other/x')).toEqual({ value: '/files/{proxy+}', pathParameters: { proxy: 'other/x' } });
  });

  test('an HTTP API router lets the greedy route catch paths under a literal sibling route', () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html#http-api-develop-routes.evaluation
    expect(best(routerOf('/files/{proxy+}', '/files/fixed'), '/files/fixed/x')?.value).toBe('/files/{proxy+}');
  });

  test('find skips the matches its predicate refuses, in the same order', () => {
    const router = routerOf('/{proxy+}', '/items/{id}', '/items/special');
    expect(router.find('/items/special', (value) => value !== '/items/special')?.value).toBe('/items/{id}');
    expect(router.find('/items/special', (value) => value === '/{proxy+}')?.pathParameters).toEqual({ proxy: 'items/special' });
  });
});
