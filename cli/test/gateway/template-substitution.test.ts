import { lookup, substituteTemplate } from '../../src/gateway/template-substitution';

const variables = { context: { requestId: 'r-1', error: { message: 'Unauthorized' } }, stageVariables: { env: 'prod' } };

describe('substituteTemplate (gateway-response and mock templates)', () => {
  test('replaces $context and $stageVariables references, bare or braced', () => {
    expect(substituteTemplate('{"message":$context.error.message,"id":"${context.requestId}","env":"$stageVariables.env"}', variables))
      .toBe('{"message":Unauthorized,"id":"r-1","env":"prod"}');
  });

  test('an unknown variable renders empty', () => {
    expect(substituteTemplate('[$context.authorizer.principalId]', variables)).toBe('[]');
  });

  test('VTL directives are left as written, not evaluated', () => {
    expect(substituteTemplate('#if(true)x#end', variables)).toBe('#if(true)x#end');
  });
});

describe('lookup', () => {
  test('follows a path through nested objects', () => {
    expect(lookup(variables.context, ['error', 'message'])).toBe('Unauthorized');
  });

  test('a step through a missing or scalar value is undefined', () => {
    expect(lookup(variables.context, ['requestId', 'length', 'x'])).toBeUndefined();
    expect(lookup(variables.context, ['nothing', 'here'])).toBeUndefined();
  });
});
