import { evaluatePolicy, parsePolicyDocument, PolicyDecision } from '../../src/auth';

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/items/42';
const API_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abc123';

function policy(...statements: Array<Record<string, unknown>>): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

function allow(resource: unknown, action: unknown = 'execute-api:Invoke'): Record<string, unknown> {
  return { Effect: 'Allow', Action: action, Resource: resource };
}

function deny(resource: unknown): Record<string, unknown> {
  return { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: resource };
}

function decide(document: Record<string, unknown>, methodArn: string = METHOD_ARN): PolicyDecision {
  return evaluatePolicy(parsePolicyDocument(document), methodArn);
}

describe('evaluatePolicy', () => {
  test.each<[string, Record<string, unknown>, PolicyDecision]>([
    ['an Allow of the exact method ARN allows', policy(allow(METHOD_ARN)), 'ALLOW'],
    ['an Allow of * allows', policy(allow('*')), 'ALLOW'],
    ['a * after the API id crosses slashes', policy(allow(`${API_ARN}/*`)), 'ALLOW'],
    ['a * after the service crosses colons', policy(allow('arn:aws:execute-api:*')), 'ALLOW'],
    ['a * in the middle matches the stage and verb', policy(allow(`${API_ARN}/*/items/42`)), 'ALLOW'],
    ['? matches exactly one character', policy(allow(`${API_ARN}/prod/GET/items/??`)), 'ALLOW'],
    ['? does not match two characters', policy(allow(`${API_ARN}/prod/GET/items/?`)), 'IMPLICIT_DENY'],
    ['resources match case-sensitively', policy(allow(`${API_ARN}/prod/get/items/42`)), 'IMPLICIT_DENY'],
    ['a resource of another path does not allow', policy(allow(`${API_ARN}/prod/GET/items`)), 'IMPLICIT_DENY'],
    ['a list of resources allows when one matches', policy(allow([`${API_ARN}/prod/POST/*`, METHOD_ARN])), 'ALLOW'],
    ['execute-api:* allows', policy(allow(METHOD_ARN, 'execute-api:*')), 'ALLOW'],
    ['an Action of * allows', policy(allow(METHOD_ARN, '*')), 'ALLOW'],
    ['actions match case-insensitively', policy(allow(METHOD_ARN, 'EXECUTE-API:invoke')), 'ALLOW'],
    ['? works in actions', policy(allow(METHOD_ARN, 'execute-api:Inv?ke')), 'ALLOW'],
    ['another action does not allow', policy(allow(METHOD_ARN, 'execute-api:ManageConnections')), 'IMPLICIT_DENY'],
    ['a list of actions allows when one matches', policy(allow(METHOD_ARN, ['s3:GetObject', 'execute-api:Invoke'])), 'ALLOW'],
    ['an explicit Deny wins over an Allow', policy(allow('*'), deny(METHOD_ARN)), 'EXPLICIT_DENY'],
    ['a Deny of another resource leaves the Allow', policy(allow('*'), deny(`${API_ARN}/prod/DELETE/*`)), 'ALLOW'],
    ['a Deny alone is an explicit deny', policy(deny('*')), 'EXPLICIT_DENY'],
    ['no statements is an implicit deny', policy(), 'IMPLICIT_DENY'],
    ['a single Statement object is accepted', { Statement: allow(METHOD_ARN) }, 'ALLOW'],
    ['NotAction allows every action it does not name', policy({ Effect: 'Allow', NotAction: 'execute-api:ManageConnections', Resource: '*' }), 'ALLOW'],
    ['NotAction naming the invoke action does not allow', policy({ Effect: 'Allow', NotAction: 'execute-api:*', Resource: '*' }), 'IMPLICIT_DENY'],
    ['NotResource denies every resource it does not name', policy(allow('*'), { Effect: 'Deny', Action: '*', NotResource: `${API_ARN}/*/GET/public/*` }), 'EXPLICIT_DENY'],
    ['an Allow with a Condition does not allow', policy({ ...allow('*'), Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }), 'IMPLICIT_DENY'],
    ['a Deny with a Condition does not deny', policy(allow('*'), { ...deny('*'), Condition: { Bool: { 'aws:SecureTransport': 'false' } } }), 'ALLOW'],
  ])('%s', (_name, document, expected) => {
    expect(decide(document)).toBe(expected);
  });

  test('a NotResource Deny does not apply to the resource it names', () => {
    const document = policy(allow('*'), { Effect: 'Deny', Action: '*', NotResource: `${API_ARN}/*/GET/public/*` });

    expect(decide(document, `${API_ARN}/prod/GET/public/logo.png`)).toBe('ALLOW');
  });

  test('the policy cached for one path is re-evaluated for another', () => {
    const parsed = parsePolicyDocument(policy(allow(`${API_ARN}/prod/GET/a`)));

    expect([evaluatePolicy(parsed, `${API_ARN}/prod/GET/a`), evaluatePolicy(parsed, `${API_ARN}/prod/GET/b`)]).toEqual(['ALLOW', 'IMPLICIT_DENY']);
  });
});

describe('parsePolicyDocument', () => {
  test('normalises single values to lists and records conditions', () => {
    const parsed = parsePolicyDocument(policy({ ...allow(METHOD_ARN), Condition: {} }));

    expect(parsed).toEqual({
      version: '2012-10-17',
      statements: [{ effect: 'Allow', actions: ['execute-api:Invoke'], resources: [METHOD_ARN], hasCondition: true }],
    });
  });

  test.each<[string, unknown, RegExp]>([
    ['a null document', null, /policyDocument must be an object, received null/],
    ['a list as document', [], /policyDocument must be an object, received \[\]/],
    ['no Statement', {}, /policyDocument has no Statement/],
    ['a string Statement', { Statement: 'allow all' }, /policyDocument.Statement must be an object or a list of objects, received "allow all"/],
    ['a string inside the Statement list', { Statement: ['x'] }, /policyDocument.Statement\[0\] must be an object, received "x"/],
    ['an Effect that is neither', policy({ Effect: 'Permit', Action: '*', Resource: '*' }), /Statement\[0\].Effect must be "Allow" or "Deny", received "Permit"/],
    ['no Effect', policy({ Action: '*', Resource: '*' }), /Statement\[0\].Effect must be "Allow" or "Deny", received undefined/],
    ['no Action', policy({ Effect: 'Allow', Resource: '*' }), /Statement\[0\] has no Action; expected Action or NotAction/],
    ['no Resource', policy({ Effect: 'Allow', Action: '*' }), /Statement\[0\] has no Resource; expected Resource or NotResource/],
    ['a numeric Action', policy(allow('*', 5)), /Statement\[0\].Action must be a string or a non-empty list of strings, received 5/],
    ['an empty Action list', policy(allow('*', [])), /Statement\[0\].Action must be a string or a non-empty list of strings, received \[\]/],
    ['a Resource list holding a number', policy(allow(['*', 1])), /Statement\[0\].Resource must be a string or a non-empty list of strings, received \["\*",1\]/],
    ['both Action and NotAction', policy({ ...allow('*'), NotAction: 's3:*' }), /Statement\[0\] has both Action and NotAction/],
    ['both Resource and NotResource', policy({ ...allow('*'), NotResource: 'x' }), /Statement\[0\] has both Resource and NotResource/],
    ['a numeric Version', { Version: 2012, Statement: [] }, /policyDocument.Version must be a string, received 2012/],
  ])('rejects %s', (_name, document, message) => {
    expect(() => parsePolicyDocument(document)).toThrow(message);
  });

  test('reads the Effect in any case, as API Gateway does with allow and deny', () => {
    // aws-cdk's integ.token-authorizer.ts returns "allow"/"deny" and asserts 200 and the explicit-deny 403 against AWS;
    // the IAM reference calls Effect case sensitive (reference_policies_elements_effect.html).
    expect(decide(policy({ ...allow(METHOD_ARN), Effect: 'allow' }))).toBe('ALLOW');
    expect(decide(policy(allow(METHOD_ARN), { ...deny(METHOD_ARN), Effect: 'DENY' }))).toBe('EXPLICIT_DENY');
  });

  test('names the failing statement by its index', () => {
    expect(() => parsePolicyDocument(policy(allow('*'), { Effect: 'Deny', Action: '*' }))).toThrow(/Statement\[1\] has no Resource/);
  });
});
