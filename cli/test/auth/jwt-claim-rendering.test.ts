import { renderHttpJwtClaims, renderRestCognitoClaims } from '../../src/auth';

describe('renderRestCognitoClaims', () => {
  test('prints exp, iat and nbf as Java prints a UTC date', () => {
    const epoch = Date.UTC(2018, 11, 6, 17, 8, 23) / 1000;

    expect(renderRestCognitoClaims({ exp: epoch, iat: epoch, nbf: epoch })).toEqual({
      exp: 'Thu Dec 06 17:08:23 UTC 2018',
      iat: 'Thu Dec 06 17:08:23 UTC 2018',
      nbf: 'Thu Dec 06 17:08:23 UTC 2018',
    });
  });

  test('prints other numbers as digits, lists joined by commas and objects as JSON', () => {
    expect(renderRestCognitoClaims({ 'auth_time': 1544112503, 'cognito:groups': ['a', 'b'], 'address': { city: 'Lyon' } })).toEqual({
      'auth_time': '1544112503',
      'cognito:groups': 'a,b',
      'address': '{"city":"Lyon"}',
    });
  });
});

describe('renderHttpJwtClaims', () => {
  test('prints numbers as digits, booleans as words, nested lists in brackets and objects as JSON', () => {
    expect(renderHttpJwtClaims({ exp: 1612061676, ok: false, roles: ['a', ['b', 'c']], meta: { k: 1 } })).toEqual({
      exp: '1612061676',
      ok: 'false',
      roles: '[a [b c]]',
      meta: '{"k":1}',
    });
  });
});
