import { parseHttpResult } from '../../src/http/http-response';

describe('parseHttpResult (payload 2.0)', () => {
  test('a result without statusCode is the JSON body of a 200', () => {
    expect(parseHttpResult({ items: [1] })).toEqual({ ok: true, status: 200, headers: [['content-type', 'application/json']], body: '{"items":[1]}' });
  });

  test('a string result is the body as it is', () => {
    expect(parseHttpResult('hello')).toMatchObject({ ok: true, status: 200, body: 'hello' });
  });

  test('undefined (null) is the body null', () => {
    expect(parseHttpResult(null)).toMatchObject({ ok: true, body: 'null' });
  });

  test('cookies become one set-cookie header each, and header names are lower-cased', () => {
    const result = parseHttpResult({ statusCode: 201, headers: { 'X-A': 1 }, cookies: ['a=1', 'b=2'], body: 'ok' });
    expect(result).toEqual({ ok: true, status: 201, headers: [['x-a', '1'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']], body: 'ok' });
  });

  test('a base64 body is decoded', () => {
    expect(parseHttpResult({ statusCode: 200, body: 'AAEC', isBase64Encoded: true })).toMatchObject({ body: Buffer.from([0, 1, 2]) });
  });

  test.each([
    ['a non-numeric statusCode', { statusCode: 'x' }, /statusCode is the string "x"/],
    ['a non-string body', { statusCode: 200, body: 5 }, /body is number 5; it must be a string/],
    ['cookies that are not a list', { statusCode: 200, cookies: 'a=1' }, /cookies is the string "a=1"/],
  ])('%s is refused (500)', (_, payload, reason) => {
    const result = parseHttpResult(payload);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
