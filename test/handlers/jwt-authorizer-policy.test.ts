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

  it.each([
    ['a no-break space', '\u00a0'],
    ['a tab', '\t'],
    ['a line feed', '\n'],
    ['an ideographic space', '\u3000'],
  ])('does not split a scope claim at %s, which RFC 6749 does not use as a separator', (_name, separator) => {
    const claims = { scope: `read${separator}admin` };

    expect([hasAllScopes(claims, ['admin']), hasAllScopes(claims, ['read'])]).toEqual([false, false]);
  });

  it('does not split a string scp claim at a no-break space', () => {
    expect(hasAllScopes({ scp: 'read\u00a0admin' }, ['admin'])).toBe(false);
  });

  it('splits a scope claim at each space, ignoring repeated spaces', () => {
    expect(hasAllScopes({ scope: ' read  admin ' }, ['read', 'admin'])).toBe(true);
  });

  it('ignores non-string entries in an scp list', () => {
    expect(hasAllScopes({ scp: [1, null, 'pets:read'] }, ['pets:read', '1'])).toBe(false);
  });
});
