import { headersByLowerName, headerValue, parseQuery } from '../../src/gateway/api-request';
import { apiRequest } from '../support/api-request';

describe('headers', () => {
  test('headerValue finds a header in any casing and gives its first value', () => {
    const request = apiRequest({ headers: [['X-Trace', 'a'], ['x-trace', 'b']] });
    expect(headerValue(request, 'X-TRACE')).toBe('a');
  });

  test('headerValue of a header the request lacks is undefined', () => {
    expect(headerValue(apiRequest(), 'authorization')).toBeUndefined();
  });

  test('headersByLowerName keeps every value of a repeated header in order', () => {
    expect(headersByLowerName([['Accept', 'a'], ['ACCEPT', 'b'], ['Host', 'h']])).toEqual(new Map([['accept', ['a', 'b']], ['host', ['h']]]));
  });
});

describe('parseQuery', () => {
  test('decodes names and values, + as a space, and keeps repeated names in order', () => {
    expect(parseQuery('q=a+b&tag=x%2Fy&tag=z')).toEqual([['q', 'a b'], ['tag', 'x/y'], ['tag', 'z']]);
  });

  test('a name without = has an empty value, and empty parts are skipped', () => {
    expect(parseQuery('flag&&x=1')).toEqual([['flag', ''], ['x', '1']]);
  });

  test('a malformed escape is kept as sent', () => {
    expect(parseQuery('bad=%E0%A4%A')).toEqual([['bad', '%E0%A4%A']]);
  });
});
