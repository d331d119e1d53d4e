import { parseProxyResult } from '../../src/proxy/proxy-result';

describe('parseProxyResult (payload 1.0, as recorded against AWS)', () => {
  test('statusCode alone gives that status and an empty body', () => {
    expect(parseProxyResult({ statusCode: 200 }, false)).toEqual({ ok: true, status: 200, headers: [], body: '', isBase64Encoded: false });
  });

  test('a numeric string statusCode is accepted', () => {
    expect(parseProxyResult({ statusCode: '201', body: 'x' }, false)).toMatchObject({ ok: true, status: 201, body: 'x' });
  });

  test('a result without statusCode is a 200', () => {
    expect(parseProxyResult({ body: 'hello' }, false)).toMatchObject({ ok: true, status: 200, body: 'hello' });
  });

  test.each([
    ['an empty object', {}, /empty object/],
    ['a bare string', 'hello', /the string "hello", not an object/],
    ['null', null, /null, not an object/],
    ['an unknown key', { statusCode: 200, data: 1 }, /the key 'data'/],
    ['a non-numeric statusCode', { statusCode: 'OK' }, /statusCode is the string "OK"/],
    ['a non-list multiValueHeaders value', { statusCode: 200, multiValueHeaders: { a: 'b' } }, /multiValueHeaders\['a'\] is the string "b", not a list/],
    ['an object body', { statusCode: 200, body: { a: 1 } }, /body is an object; it must be a string/],
    ['an object header value', { statusCode: 200, headers: { a: { b: 1 } } }, /headers\['a'\] is an object/],
  ])('%s is a malformed result (502)', (_, payload, reason) => {
    const result = parseProxyResult(payload, false);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  test('header values are stringified and merged with multiValueHeaders', () => {
    const result = parseProxyResult({ statusCode: 200, headers: { 'X-Count': 3, 'Set-Cookie': 'a=1' }, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] } }, false);
    expect(result.ok && result.headers).toEqual([['X-Count', '3'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
  });

  test('a base64 body is decoded to bytes only when told to', () => {
    const payload = { statusCode: 200, body: Buffer.from([0, 1, 2]).toString('base64'), isBase64Encoded: true };
    expect(parseProxyResult(payload, true)).toMatchObject({ ok: true, body: Buffer.from([0, 1, 2]) });
    expect(parseProxyResult(payload, false)).toMatchObject({ ok: true, body: 'AAEC' });
  });
});
