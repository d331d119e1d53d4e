import { contextFromClaims, hasAllScopes } from '../../src/handlers/jwt-authorizer-policy.lambda-shared';

describe('contextFromClaims', () => {
  it('turns null into the string "null" rather than dropping a claim that is present', () => {
    expect(contextFromClaims({ tenant: null }, ['tenant'])).toEqual({ tenant: 'null' });
  });

  it('ignores names that exist only on Object.prototype', () => {
    expect(contextFromClaims({}, ['constructor', 'toString'])).toEqual({});
  });

  it('keeps a claim named __proto__ as an ordinary key', () => {
    const claims = JSON.parse('{"__proto__":{"polluted":true}}');

    const context = contextFromClaims(claims, ['__proto__']);

    expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
    expect(Object.entries(context)).toEqual([['__proto__', '{"polluted":true}']]);
  });
});

describe('hasAllScopes', () => {
  it('is true when nothing is required, even without scope claims', () => {
    expect(hasAllScopes({}, [])).toBe(true);
  });

  it('does not match a required scope as a substring of a granted one', () => {
    expect(hasAllScopes({ scope: 'pets:read-only' }, ['pets:read'])).toBe(false);
  });

  it('ignores non-string entries in an scp list', () => {
    expect(hasAllScopes({ scp: [1, null, 'pets:read'] }, ['pets:read', '1'])).toBe(false);
  });
});
