import { parseHttpPolicyResponse, parseHttpSimpleResponse, parseRestAuthorizerOutput } from '../../src/auth';

const POLICY = {
  Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:us-east-1:123456789012:abc123/*' }],
};

describe('parseRestAuthorizerOutput', () => {
  test('returns the principal, the parsed policy, the stringified context and the usage key', () => {
    const result = parseRestAuthorizerOutput({
      principalId: 'user-1',
      policyDocument: POLICY,
      context: { tenant: 'acme', seats: 5, ratio: 0.5, admin: false },
      usageIdentifierKey: 'key-value-1',
    });

    expect(result).toEqual({
      principalId: 'user-1',
      policy: { version: '2012-10-17', statements: [expect.objectContaining({ effect: 'Allow' })] },
      context: { tenant: 'acme', seats: '5', ratio: '0.5', admin: 'false' },
      usageIdentifierKey: 'key-value-1',
    });
  });

  test('an absent context is an empty map', () => {
    expect(parseRestAuthorizerOutput({ principalId: 'u', policyDocument: POLICY }).context).toEqual({});
  });

  test('an absent usageIdentifierKey stays absent', () => {
    expect(parseRestAuthorizerOutput({ principalId: 'u', policyDocument: POLICY })).not.toHaveProperty('usageIdentifierKey');
  });

  test.each<[string, unknown, RegExp]>([
    ['a string answer', 'Allow', /authorizer response must be an object with principalId and policyDocument, received "Allow"/],
    ['no principalId', { policyDocument: POLICY }, /authorizer response principalId must be a string, received undefined/],
    ['a numeric principalId', { principalId: 42, policyDocument: POLICY }, /principalId must be a string, received 42/],
    ['no policyDocument', { principalId: 'u' }, /authorizer response has no policyDocument/],
    ['a malformed policyDocument', { principalId: 'u', policyDocument: { Statement: [{ Effect: 'Permit' }] } }, /Statement\[0\].Effect must be "Allow" or "Deny"/],
    ['an object context value', { principalId: 'u', policyDocument: POLICY, context: { user: { id: 1 } } },
      /authorizer response context.user must be a string, number or boolean, received {"id":1}/],
    ['a list context value', { principalId: 'u', policyDocument: POLICY, context: { roles: ['a'] } }, /context.roles must be a string, number or boolean, received \["a"\]/],
    ['a null context value', { principalId: 'u', policyDocument: POLICY, context: { gone: null } }, /context.gone must be a string, number or boolean, received null/],
    ['a string context', { principalId: 'u', policyDocument: POLICY, context: 'x' }, /authorizer response context must be an object, received "x"/],
    ['a numeric usageIdentifierKey', { principalId: 'u', policyDocument: POLICY, usageIdentifierKey: 7 }, /usageIdentifierKey must be a string, received 7/],
  ])('rejects %s', (_name, payload, message) => {
    expect(() => parseRestAuthorizerOutput(payload)).toThrow(message);
  });

  test('errors are AuthorizerOutputErrors', () => {
    expect(() => parseRestAuthorizerOutput(null)).toThrow(expect.objectContaining({ name: 'AuthorizerOutputError' }));
  });
});

describe('parseHttpSimpleResponse', () => {
  test('keeps the decision and a context of any JSON', () => {
    const context = { user: { id: 1 }, roles: ['admin'], active: true };

    expect(parseHttpSimpleResponse({ isAuthorized: true, context })).toEqual({ isAuthorized: true, context });
  });

  test('an absent context is an empty map', () => {
    expect(parseHttpSimpleResponse({ isAuthorized: false })).toEqual({ isAuthorized: false, context: {} });
  });

  test.each<[string, unknown, RegExp]>([
    ['a string isAuthorized', { isAuthorized: 'true' }, /authorizer response isAuthorized must be true or false, received "true"/],
    ['no isAuthorized', { context: {} }, /isAuthorized must be true or false, received undefined/],
    ['a bare boolean', true, /authorizer response must be an object/],
    ['a list context', { isAuthorized: true, context: [] }, /authorizer response context must be an object, received \[\]/],
  ])('rejects %s', (_name, payload, message) => {
    expect(() => parseHttpSimpleResponse(payload)).toThrow(message);
  });
});

describe('parseHttpPolicyResponse', () => {
  test('keeps list and map context values, as the 2.0 IAM-policy format allows', () => {
    const result = parseHttpPolicyResponse({ principalId: 'abcdef', policyDocument: POLICY, context: { arrayKey: ['a'], mapKey: { k: 'v' } } });

    expect(result.context).toEqual({ arrayKey: ['a'], mapKey: { k: 'v' } });
  });

  test('requires a principalId', () => {
    expect(() => parseHttpPolicyResponse({ policyDocument: POLICY })).toThrow(/principalId must be a string, received undefined/);
  });
});
