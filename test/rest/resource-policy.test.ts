import { App, Aws, Lazy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { RestAuthorizer } from '../../src';
import { buildResourcePolicy, ResourcePolicyContext } from '../../src/rest/private/resource-policy';
import { ResourcePolicyOptions } from '../../src/rest/resource-policy-options';
import { newApi, newFunction, templateOf } from '../support/fixtures';
import { API_ACCOUNT, Decision, evaluate, MethodAuthorization, PolicyRequest } from '../support/policy-evaluator';

const PUBLIC: ResourcePolicyContext = { isPrivate: false, privateEndpointIds: [] };
const PRIVATE: ResourcePolicyContext = { isPrivate: true, privateEndpointIds: ['vpce-0api'] };
const PARTNER_ROLE = 'arn:aws:iam::444455556666:role/Partner';

type Options = (stack: Stack) => ResourcePolicyOptions | undefined;

function newStack(): Stack {
  return new Stack(new App(), 'TestStack', { env: { account: API_ACCOUNT, region: 'eu-west-1' } });
}

/** The resolved policy document, or undefined when none is generated. */
function policyOf(options: Options, context: ResourcePolicyContext = PUBLIC): any {
  const stack = newStack();
  const document = buildResourcePolicy(stack, options(stack), context);
  return document && stack.resolve(document.toJSON());
}

const build = (options: Options, context: ResourcePolicyContext = PUBLIC) => () => policyOf(options, context);
const vpc = (stack: Stack, vpcId: string) => ec2.Vpc.fromVpcAttributes(stack, vpcId, { vpcId, availabilityZones: ['eu-west-1a'] });
const endpoint = (stack: Stack, vpcEndpointId: string) =>
  ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, vpcEndpointId, { vpcEndpointId, port: 443 });
const partner = (stack: Stack) => iam.Role.fromRoleArn(stack, 'Partner', PARTNER_ROLE);
const rootOf = (account: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:root`]] });

const ALLOW_SIGNED = { Sid: 'AllowSignedCallers', Effect: 'Allow', Principal: { AWS: rootOf(API_ACCOUNT) }, Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
const ALLOW_UNSIGNED = {
  Sid: 'AllowUnsignedCallers',
  Effect: 'Allow',
  Principal: '*',
  Action: 'execute-api:Invoke',
  Resource: 'execute-api:/*',
  Condition: { Null: { 'aws:PrincipalArn': 'true' } },
};
const denyWhen = (Sid: string, Condition: object) =>
  ({ Sid, Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition });

describe('the generated resource policy', () => {
  test('a regional API without options gets no resource policy', () => {
    expect(policyOf(() => undefined)).toBeUndefined();
  });

  test('options with every list left out count as no options', () => {
    expect(policyOf(() => ({ allowedSourceIps: undefined }))).toBeUndefined();
  });

  test('a private API without options admits calls through its own endpoints only', () => {
    expect(policyOf(() => undefined, PRIVATE).Statement).toEqual([
      ALLOW_SIGNED,
      ALLOW_UNSIGNED,
      denyWhen('DenyOtherVpcsAndEndpoints', { StringNotEquals: { 'aws:SourceVpce': ['vpce-0api'] } }),
    ]);
  });

  test('allowedSourceIps denies every other source address, a single address written as a /32 or /128 range', () => {
    expect(policyOf(() => ({ allowedSourceIps: ['203.0.113.0/24', '198.51.100.7', '2001:db8::1'] })).Statement).toEqual([
      ALLOW_SIGNED,
      ALLOW_UNSIGNED,
      denyWhen('DenySourceIpsNotAllowed', { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7/32', '2001:db8::1/128'] } }),
    ]);
  });

  test('deniedSourceIps denies the listed source addresses', () => {
    expect(policyOf(() => ({ deniedSourceIps: ['198.51.100.0/24', '2001:db8:bad::/48'] })).Statement).toEqual([
      ALLOW_SIGNED,
      ALLOW_UNSIGNED,
      denyWhen('DenyDeniedSourceIps', { IpAddress: { 'aws:SourceIp': ['198.51.100.0/24', '2001:db8:bad::/48'] } }),
    ]);
  });

  test("a private API matches source addresses against the caller's address inside the VPC", () => {
    const statements = policyOf(() => ({ allowedSourceIps: ['10.0.0.0/16'], deniedSourceIps: ['10.0.99.0/24'] }), PRIVATE).Statement;
    expect(statements).toEqual(expect.arrayContaining([
      denyWhen('DenySourceIpsNotAllowed', { NotIpAddress: { 'aws:VpcSourceIp': ['10.0.0.0/16'] } }),
      denyWhen('DenyDeniedSourceIps', { IpAddress: { 'aws:VpcSourceIp': ['10.0.99.0/24'] } }),
    ]));
  });

  test('allowedVpcs and allowedVpcEndpoints join the private endpoints in one Deny whose keys must both miss', () => {
    const options: Options = (stack) => ({
      allowedVpcs: [vpc(stack, 'vpc-0allowed')],
      allowedVpcEndpoints: [endpoint(stack, 'vpce-0partner'), endpoint(stack, 'vpce-0api')],
    });
    expect(policyOf(options, PRIVATE).Statement).toEqual([
      ALLOW_SIGNED,
      ALLOW_UNSIGNED,
      denyWhen('DenyOtherVpcsAndEndpoints', { StringNotEquals: { 'aws:SourceVpc': ['vpc-0allowed'], 'aws:SourceVpce': ['vpce-0api', 'vpce-0partner'] } }),
    ]);
  });

  test('allowedAccounts names the accounts instead of the own account, admits no unsigned caller, and denies callers of every other account', () => {
    expect(policyOf(() => ({ allowedAccounts: ['111122223333'] })).Statement).toEqual([
      { ...ALLOW_SIGNED, Principal: { AWS: rootOf('111122223333') } },
      denyWhen('DenyOtherPrincipals', { StringNotEquals: { 'aws:PrincipalAccount': ['111122223333'] } }),
    ]);
  });

  test('allowedPrincipals names the principals in the Allow and denies every other principal by ARN', () => {
    expect(policyOf((stack) => ({ allowedPrincipals: [partner(stack)] })).Statement).toEqual([
      { ...ALLOW_SIGNED, Principal: { AWS: PARTNER_ROLE } },
      denyWhen('DenyOtherPrincipals', { StringNotEquals: { 'aws:PrincipalArn': [PARTNER_ROLE] } }),
    ]);
  });

  test('an account among allowedPrincipals admits the whole account, not only its root user', () => {
    const options: Options = () => ({
      allowedPrincipals: [new iam.AccountPrincipal('777788889999'), new iam.ArnPrincipal('arn:aws:iam::555566667777:root'), new iam.ArnPrincipal('222233334444')],
    });
    expect(policyOf(options).Statement[1]).toEqual(
      denyWhen('DenyOtherPrincipals', { StringNotEquals: { 'aws:PrincipalAccount': ['777788889999', '555566667777', '222233334444'] } }));
  });

  test('a role created in the stack is matched by its ARN', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    const callerArn = stack.resolve(role.roleArn);
    expect(stack.resolve(buildResourcePolicy(stack, { allowedPrincipals: [role] }, PUBLIC)!.toJSON()).Statement).toEqual([
      { ...ALLOW_SIGNED, Principal: { AWS: callerArn } },
      denyWhen('DenyOtherPrincipals', { StringNotEquals: { 'aws:PrincipalArn': [callerArn] } }),
    ]);
  });

  test('every option together gives the statements in a fixed order', () => {
    const options: Options = (stack) => ({
      allowedPrincipals: [partner(stack)],
      allowedAccounts: ['111122223333'],
      allowedVpcs: [vpc(stack, 'vpc-0allowed')],
      deniedSourceIps: ['10.0.99.0/24'],
      allowedSourceIps: ['10.0.0.0/16'],
    });
    expect(policyOf(options, PRIVATE).Statement.map((statement: { Sid: string }) => statement.Sid))
      .toEqual(['AllowSignedCallers', 'DenySourceIpsNotAllowed', 'DenyDeniedSourceIps', 'DenyOtherVpcsAndEndpoints', 'DenyOtherPrincipals']);
  });

  test('the same options give the same document', () => {
    const options: Options = (stack) => ({ allowedSourceIps: ['203.0.113.0/24', '2001:db8::/32'], allowedPrincipals: [partner(stack)] });
    expect(JSON.stringify(policyOf(options, PRIVATE))).toEqual(JSON.stringify(policyOf(options, PRIVATE)));
  });

  test('a value listed twice appears once', () => {
    expect(policyOf(() => ({ allowedSourceIps: ['203.0.113.7', '203.0.113.7/32'], allowedAccounts: ['111122223333', '111122223333'] })).Statement)
      .toEqual(expect.arrayContaining([
        denyWhen('DenySourceIpsNotAllowed', { NotIpAddress: { 'aws:SourceIp': ['203.0.113.7/32'] } }),
        denyWhen('DenyOtherPrincipals', { StringNotEquals: { 'aws:PrincipalAccount': ['111122223333'] } }),
      ]));
  });

  test('unresolved source ranges and account ids are passed through unchecked', () => {
    const range = (cidr: string) => Lazy.string({ produce: () => cidr });
    const options: Options = () => ({ allowedSourceIps: [range('203.0.113.0/24')], deniedSourceIps: [range('203.0.113.0/24')], allowedAccounts: [Aws.ACCOUNT_ID] });
    const statements = policyOf(options).Statement;
    expect(statements[1]).toEqual(denyWhen('DenySourceIpsNotAllowed', { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }));
    expect(statements[3]).toEqual(denyWhen('DenyOtherPrincipals', { StringNotEquals: { 'aws:PrincipalAccount': [{ Ref: 'AWS::AccountId' }] } }));
  });

  test('a denied range inside an allowed range carves it out', () => {
    expect(build(() => ({ allowedSourceIps: ['203.0.113.0/24'], deniedSourceIps: ['203.0.113.128/25'] }))).not.toThrow();
  });
});

describe('resource policy errors', () => {
  test.each(['allowedSourceIps', 'deniedSourceIps', 'allowedVpcs', 'allowedVpcEndpoints', 'allowedAccounts', 'allowedPrincipals'])(
    'an empty %s is rejected', (name) => {
      expect(build(() => ({ [name]: [] }), PRIVATE)).toThrow(
        `[EmptyResourcePolicyList] TestStack: resourcePolicy.${name} is an empty list; list at least one value, or leave resourcePolicy.${name} out to not restrict by it`);
    });

  test('an invalid allowed source range is named by its index', () => {
    expect(build(() => ({ allowedSourceIps: ['203.0.113.0/24', '203.0.113.300'] }))).toThrow(
      "[InvalidCidr] TestStack: resourcePolicy.allowedSourceIps[1] is '203.0.113.300'; expected an IPv4 or IPv6 address or CIDR block");
  });

  test('a denied source range with host bits set suggests its network address', () => {
    expect(build(() => ({ deniedSourceIps: ['10.0.0.5/8'] }))).toThrow(
      "resourcePolicy.deniedSourceIps[0] is '10.0.0.5/8', which has host bits set; write the network address '10.0.0.0/8'");
  });

  test('a range both allowed and denied is rejected', () => {
    expect(build(() => ({ allowedSourceIps: ['192.0.2.0/24', '203.0.113.0/24'], deniedSourceIps: ['203.0.113.0/24'] }))).toThrow(
      "[ConflictingSourceIps] TestStack: resourcePolicy.allowedSourceIps[1] is '203.0.113.0/24', which resourcePolicy.deniedSourceIps[0] ('203.0.113.0/24') denies entirely, so it could never call the API; remove it from one of the two lists");
  });

  test('an allowed range inside a denied range is rejected', () => {
    expect(build(() => ({ allowedSourceIps: ['203.0.113.7'], deniedSourceIps: ['203.0.113.0/24'] }))).toThrow(
      "resourcePolicy.allowedSourceIps[0] is '203.0.113.7', which resourcePolicy.deniedSourceIps[0] ('203.0.113.0/24') denies entirely");
  });

  test.each<[string, Options]>([
    ['allowedVpcs', (stack) => ({ allowedVpcs: [vpc(stack, 'vpc-0allowed')] })],
    ['allowedVpcEndpoints', (stack) => ({ allowedVpcEndpoints: [endpoint(stack, 'vpce-0partner')] })],
  ])('%s on an API that is not private is rejected', (name, options) => {
    expect(build(options)).toThrow(
      `[VpcConditionOnPublicApi] TestStack: resourcePolicy.${name} is set but the API's endpoint type is not PRIVATE; aws:SourceVpc and aws:SourceVpce are present only on calls through an interface VPC endpoint, so the policy would deny every caller. Set endpointType: PRIVATE, or leave resourcePolicy.${name} out`);
  });

  test.each(['12345678901', '1234567890123', 'my-account', '12345678901a'])('the account id %s is rejected', (account) => {
    expect(build(() => ({ allowedAccounts: ['111122223333', account] }))).toThrow(
      `[InvalidAccountId] TestStack: resourcePolicy.allowedAccounts[1] is '${account}'; expected a 12-digit AWS account id such as '123456789012'`);
  });

  test('a service principal is rejected', () => {
    expect(build(() => ({ allowedPrincipals: [new iam.ServicePrincipal('lambda.amazonaws.com')] }))).toThrow(
      '[UnsupportedPrincipal] TestStack: resourcePolicy.allowedPrincipals[0] is ServicePrincipal(lambda.amazonaws.com); expected an IAM role, user or AccountPrincipal without conditions, because the policy matches SigV4-signed callers by aws:PrincipalArn and aws:PrincipalAccount');
  });

  test('a principal with conditions is rejected', () => {
    const principal = new iam.ArnPrincipal(PARTNER_ROLE).withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    expect(build(() => ({ allowedPrincipals: [principal] }))).toThrow(
      /resourcePolicy.allowedPrincipals\[0\] is .*; expected an IAM role, user or AccountPrincipal without conditions/);
  });

  test('a principal that admits everyone is rejected', () => {
    expect(build(() => ({ allowedPrincipals: [new iam.AnyPrincipal()] }))).toThrow(
      '[UnsupportedPrincipal] TestStack: resourcePolicy.allowedPrincipals[0] is AnyPrincipal(), which admits every caller; leave resourcePolicy.allowedPrincipals out instead');
  });
});

describe('the policy evaluator', () => {
  const sameAccountCaller: PolicyRequest = { authorization: 'IAM', principal: 'arn:aws:iam::123456789012:role/App', identityAllows: true, sourceIp: '192.0.2.10' };
  const allowEveryone = { Sid: 'AllowEveryone', Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };

  test('a conditional Allow alone does not restrict a same-account IAM caller, which is why restrictions are Denies', () => {
    const allowOnlyFromRange = { Statement: [{ ...allowEveryone, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }] };
    expect(evaluate(allowOnlyFromRange, sameAccountCaller)).toBe('ALLOW');
  });

  test('an Allow for everyone admits a same-account IAM caller that no identity policy allows', () => {
    expect(evaluate({ Statement: [allowEveryone] }, { ...sameAccountCaller, identityAllows: false })).toBe('ALLOW');
  });

  test('an Allow for everyone admits an IAM caller of another account whose identity policy allows the call', () => {
    expect(evaluate({ Statement: [allowEveryone] }, { ...sameAccountCaller, principal: 'arn:aws:iam::999988887777:role/Other' })).toBe('ALLOW');
  });

  test('an Allow naming an account admits its callers only as far as their identity policies do', () => {
    const allowAccount = { Statement: [{ ...allowEveryone, Principal: { AWS: 'arn:aws:iam::123456789012:root' } }] };
    expect(evaluate(allowAccount, { ...sameAccountCaller, identityAllows: false })).toBe('IMPLICIT_DENY');
  });

  test('a statement it cannot evaluate is refused rather than ignored', () => {
    const unknownOperator = { Statement: [denyWhen('DenyByDate', { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } })] };
    expect(() => evaluate(unknownOperator, sameAccountCaller)).toThrow('the evaluator does not support the condition operator DateGreaterThan');
  });
});

type Verdict = 'allow' | 'deny';
const verdictOf = (decision: Decision): Verdict => decision === 'ALLOW' ? 'allow' : 'deny';

const SAME_ACCOUNT_ROLE = `arn:aws:iam::${API_ACCOUNT}:role/App`;
const ACCOUNT_ROLE = 'arn:aws:iam::111122223333:role/Reader';
const OTHER_ROLE = 'arn:aws:iam::999988887777:role/Other';
/** A call to a route that does not authorize with IAM: the caller is not signed, whatever it sends. */
const unsigned = (authorization: Exclude<MethodAuthorization, 'IAM'>, sourceIp: string): PolicyRequest => ({ authorization, sourceIp });
/** A SigV4-signed call to an IAM-authorized route. */
const signed = (principal: string, identityAllows: boolean, sourceIp: string): PolicyRequest => ({ authorization: 'IAM', principal, identityAllows, sourceIp });

/** Calls to a regional API: 203.0.113.0/24 and 2001:db8::/32 are allowed below, 198.51.100.0/24 and 2001:db8:bad::/48 denied. */
const PUBLIC_REQUESTS = {
  'a public route from 203.0.113.7': unsigned('NONE', '203.0.113.7'),
  'a public route from 203.0.113.200': unsigned('NONE', '203.0.113.200'),
  'a public route from 198.51.100.9': unsigned('NONE', '198.51.100.9'),
  'a public route from 192.0.2.10': unsigned('NONE', '192.0.2.10'),
  'a public route from 2001:db8::1': unsigned('NONE', '2001:db8::1'),
  'a public route from 2001:db8:bad::1': unsigned('NONE', '2001:db8:bad::1'),
  'a Cognito route from 203.0.113.7': unsigned('COGNITO', '203.0.113.7'),
  'a Cognito route from 192.0.2.10': unsigned('COGNITO', '192.0.2.10'),
  'a Lambda-authorized route from 203.0.113.7': unsigned('LAMBDA', '203.0.113.7'),
  'a Lambda-authorized route from 192.0.2.10': unsigned('LAMBDA', '192.0.2.10'),
  'an IAM route called by a same-account role its identity policy allows, from 203.0.113.7': signed(SAME_ACCOUNT_ROLE, true, '203.0.113.7'),
  'an IAM route called by a same-account role its identity policy allows, from 192.0.2.10': signed(SAME_ACCOUNT_ROLE, true, '192.0.2.10'),
  'an IAM route called by a same-account role without permission, from 203.0.113.7': signed(SAME_ACCOUNT_ROLE, false, '203.0.113.7'),
  'an IAM route called by a role of 111122223333 its identity policy allows, from 203.0.113.7': signed(ACCOUNT_ROLE, true, '203.0.113.7'),
  'an IAM route called by a role of 111122223333 its identity policy allows, from 192.0.2.10': signed(ACCOUNT_ROLE, true, '192.0.2.10'),
  'an IAM route called by a role of 111122223333 without permission, from 203.0.113.7': signed(ACCOUNT_ROLE, false, '203.0.113.7'),
  'an IAM route called by the partner role its identity policy allows, from 192.0.2.10': signed(PARTNER_ROLE, true, '192.0.2.10'),
  'an IAM route called by a role of another account its identity policy allows, from 203.0.113.7': signed(OTHER_ROLE, true, '203.0.113.7'),
} satisfies Record<string, PolicyRequest>;

/** Calls to a private API reached through vpce-0api; aws:SourceIp is the endpoint's address, which no option looks at. */
const viaEndpoint = (request: PolicyRequest, sourceVpce: string, sourceVpc: string): PolicyRequest =>
  ({ ...request, sourceIp: '172.31.0.5', vpcSourceIp: request.sourceIp, sourceVpc, sourceVpce });
const viaApiEndpoint = (request: PolicyRequest) => viaEndpoint(request, 'vpce-0api', 'vpc-0api');
const viaStrangerEndpoint = (request: PolicyRequest) => viaEndpoint(request, 'vpce-0stranger', 'vpc-0stranger');
const PRIVATE_REQUESTS = {
  'a public route from 10.0.1.5 through the API endpoint': viaApiEndpoint(unsigned('NONE', '10.0.1.5')),
  'a public route from 10.0.99.5 through the API endpoint': viaApiEndpoint(unsigned('NONE', '10.0.99.5')),
  'a public route from 10.1.0.5 through the API endpoint': viaApiEndpoint(unsigned('NONE', '10.1.0.5')),
  'a public route through a stranger endpoint': viaStrangerEndpoint(unsigned('NONE', '10.0.1.5')),
  'a public route through the partner endpoint': viaEndpoint(unsigned('NONE', '10.0.1.5'), 'vpce-0partner', 'vpc-0partner'),
  'a public route through another endpoint of the allowed VPC': viaEndpoint(unsigned('NONE', '10.0.1.5'), 'vpce-0other', 'vpc-0allowed'),
  'a Cognito route from 10.0.1.5 through the API endpoint': viaApiEndpoint(unsigned('COGNITO', '10.0.1.5')),
  'a Lambda-authorized route through a stranger endpoint': viaStrangerEndpoint(unsigned('LAMBDA', '10.0.1.5')),
  'an IAM route called by a same-account role its identity policy allows, through a stranger endpoint': viaStrangerEndpoint(signed(SAME_ACCOUNT_ROLE, true, '10.0.1.5')),
  'an IAM route called by a same-account role its identity policy allows, from 10.1.0.5 through the API endpoint': viaApiEndpoint(signed(SAME_ACCOUNT_ROLE, true, '10.1.0.5')),
  'an IAM route called by a same-account role without permission, through the API endpoint': viaApiEndpoint(signed(SAME_ACCOUNT_ROLE, false, '10.0.1.5')),
  'an IAM route called by a role of another account its identity policy allows, through the API endpoint': viaApiEndpoint(signed(OTHER_ROLE, true, '10.0.1.5')),
} satisfies Record<string, PolicyRequest>;

interface Scenario<R extends string> {
  readonly options: Options;
  readonly context: ResourcePolicyContext;
  readonly expected: Record<R, Verdict>;
}

type PublicRequest = keyof typeof PUBLIC_REQUESTS;
/** Every public request denied but those listed, which are allowed. */
const onlyAllowing = (...allowed: PublicRequest[]): Record<PublicRequest, Verdict> =>
  Object.fromEntries((Object.keys(PUBLIC_REQUESTS) as PublicRequest[]).map((request) => [request, allowed.includes(request) ? 'allow' : 'deny'])) as Record<PublicRequest, Verdict>;

const PUBLIC_SCENARIOS: Record<string, Scenario<PublicRequest>> = {
  'allowedSourceIps 203.0.113.0/24 and 2001:db8::/32': {
    options: () => ({ allowedSourceIps: ['203.0.113.0/24', '2001:db8::/32'] }),
    context: PUBLIC,
    expected: onlyAllowing(
      'a public route from 203.0.113.7',
      'a public route from 203.0.113.200',
      'a public route from 2001:db8::1',
      'a public route from 2001:db8:bad::1',
      'a Cognito route from 203.0.113.7',
      'a Lambda-authorized route from 203.0.113.7',
      'an IAM route called by a same-account role its identity policy allows, from 203.0.113.7',
    ),
  },
  'deniedSourceIps 198.51.100.0/24 and 2001:db8:bad::/48': {
    options: () => ({ deniedSourceIps: ['198.51.100.0/24', '2001:db8:bad::/48'] }),
    context: PUBLIC,
    expected: onlyAllowing(
      'a public route from 203.0.113.7',
      'a public route from 203.0.113.200',
      'a public route from 192.0.2.10',
      'a public route from 2001:db8::1',
      'a Cognito route from 203.0.113.7',
      'a Cognito route from 192.0.2.10',
      'a Lambda-authorized route from 203.0.113.7',
      'a Lambda-authorized route from 192.0.2.10',
      'an IAM route called by a same-account role its identity policy allows, from 203.0.113.7',
      'an IAM route called by a same-account role its identity policy allows, from 192.0.2.10',
    ),
  },
  'allowedSourceIps 203.0.113.0/24 with 203.0.113.128/25 denied': {
    options: () => ({ allowedSourceIps: ['203.0.113.0/24'], deniedSourceIps: ['203.0.113.128/25'] }),
    context: PUBLIC,
    expected: onlyAllowing(
      'a public route from 203.0.113.7',
      'a Cognito route from 203.0.113.7',
      'a Lambda-authorized route from 203.0.113.7',
      'an IAM route called by a same-account role its identity policy allows, from 203.0.113.7',
    ),
  },
  'allowedAccounts 111122223333': {
    options: () => ({ allowedAccounts: ['111122223333'] }),
    context: PUBLIC,
    expected: onlyAllowing(
      'an IAM route called by a role of 111122223333 its identity policy allows, from 203.0.113.7',
      'an IAM route called by a role of 111122223333 its identity policy allows, from 192.0.2.10',
    ),
  },
  'allowedAccounts the API account and 111122223333': {
    options: () => ({ allowedAccounts: [API_ACCOUNT, '111122223333'] }),
    context: PUBLIC,
    expected: onlyAllowing(
      'an IAM route called by a same-account role its identity policy allows, from 203.0.113.7',
      'an IAM route called by a same-account role its identity policy allows, from 192.0.2.10',
      'an IAM route called by a role of 111122223333 its identity policy allows, from 203.0.113.7',
      'an IAM route called by a role of 111122223333 its identity policy allows, from 192.0.2.10',
    ),
  },
  'allowedPrincipals the partner role': {
    options: (stack) => ({ allowedPrincipals: [partner(stack)] }),
    context: PUBLIC,
    expected: onlyAllowing('an IAM route called by the partner role its identity policy allows, from 192.0.2.10'),
  },
  'allowedPrincipals a role of the API account': {
    options: (stack) => ({ allowedPrincipals: [iam.Role.fromRoleArn(stack, 'App', SAME_ACCOUNT_ROLE)] }),
    context: PUBLIC,
    // In its own account, a resource policy that names a role admits it without an identity policy (table A).
    expected: onlyAllowing(
      'an IAM route called by a same-account role its identity policy allows, from 203.0.113.7',
      'an IAM route called by a same-account role its identity policy allows, from 192.0.2.10',
      'an IAM route called by a same-account role without permission, from 203.0.113.7',
    ),
  },
  'allowedSourceIps 203.0.113.0/24 and allowedAccounts 111122223333': {
    options: () => ({ allowedSourceIps: ['203.0.113.0/24'], allowedAccounts: ['111122223333'] }),
    context: PUBLIC,
    expected: onlyAllowing('an IAM route called by a role of 111122223333 its identity policy allows, from 203.0.113.7'),
  },
};

type PrivateRequest = keyof typeof PRIVATE_REQUESTS;
const privateOnlyAllowing = (...allowed: PrivateRequest[]): Record<PrivateRequest, Verdict> =>
  Object.fromEntries((Object.keys(PRIVATE_REQUESTS) as PrivateRequest[]).map((request) => [request, allowed.includes(request) ? 'allow' : 'deny'])) as Record<PrivateRequest, Verdict>;

const PRIVATE_SCENARIOS: Record<string, Scenario<PrivateRequest>> = {
  'a private API without options': {
    options: () => undefined,
    context: PRIVATE,
    expected: privateOnlyAllowing(
      'a public route from 10.0.1.5 through the API endpoint',
      'a public route from 10.0.99.5 through the API endpoint',
      'a public route from 10.1.0.5 through the API endpoint',
      'a Cognito route from 10.0.1.5 through the API endpoint',
      'an IAM route called by a same-account role its identity policy allows, from 10.1.0.5 through the API endpoint',
    ),
  },
  'a private API with allowedVpcs vpc-0allowed': {
    options: (stack) => ({ allowedVpcs: [vpc(stack, 'vpc-0allowed')] }),
    context: PRIVATE,
    expected: privateOnlyAllowing(
      'a public route from 10.0.1.5 through the API endpoint',
      'a public route from 10.0.99.5 through the API endpoint',
      'a public route from 10.1.0.5 through the API endpoint',
      'a public route through another endpoint of the allowed VPC',
      'a Cognito route from 10.0.1.5 through the API endpoint',
      'an IAM route called by a same-account role its identity policy allows, from 10.1.0.5 through the API endpoint',
    ),
  },
  'a private API with allowedVpcEndpoints vpce-0partner': {
    options: (stack) => ({ allowedVpcEndpoints: [endpoint(stack, 'vpce-0partner')] }),
    context: PRIVATE,
    expected: privateOnlyAllowing(
      'a public route from 10.0.1.5 through the API endpoint',
      'a public route from 10.0.99.5 through the API endpoint',
      'a public route from 10.1.0.5 through the API endpoint',
      'a public route through the partner endpoint',
      'a Cognito route from 10.0.1.5 through the API endpoint',
      'an IAM route called by a same-account role its identity policy allows, from 10.1.0.5 through the API endpoint',
    ),
  },
  'a private API with allowedSourceIps 10.0.0.0/16': {
    options: () => ({ allowedSourceIps: ['10.0.0.0/16'] }),
    context: PRIVATE,
    expected: privateOnlyAllowing(
      'a public route from 10.0.1.5 through the API endpoint',
      'a public route from 10.0.99.5 through the API endpoint',
      'a Cognito route from 10.0.1.5 through the API endpoint',
    ),
  },
  'a private API with deniedSourceIps 10.0.99.0/24': {
    options: () => ({ deniedSourceIps: ['10.0.99.0/24'] }),
    context: PRIVATE,
    expected: privateOnlyAllowing(
      'a public route from 10.0.1.5 through the API endpoint',
      'a public route from 10.1.0.5 through the API endpoint',
      'a Cognito route from 10.0.1.5 through the API endpoint',
      'an IAM route called by a same-account role its identity policy allows, from 10.1.0.5 through the API endpoint',
    ),
  },
  'a private API with allowedVpcs vpc-0allowed and allowedSourceIps 10.0.0.0/16': {
    options: (stack) => ({ allowedVpcs: [vpc(stack, 'vpc-0allowed')], allowedSourceIps: ['10.0.0.0/16'] }),
    context: PRIVATE,
    expected: privateOnlyAllowing(
      'a public route from 10.0.1.5 through the API endpoint',
      'a public route from 10.0.99.5 through the API endpoint',
      'a public route through another endpoint of the allowed VPC',
      'a Cognito route from 10.0.1.5 through the API endpoint',
    ),
  },
};

function cases<R extends string>(scenarios: Record<string, Scenario<R>>, requests: Record<R, PolicyRequest>) {
  return Object.entries(scenarios).flatMap(([scenario, { options, context, expected }]) =>
    (Object.keys(requests) as R[]).map((request) => ({ scenario, request, options, context, call: requests[request], verdict: expected[request] })));
}

describe('what the generated policy decides', () => {
  test.each([...cases(PUBLIC_SCENARIOS, PUBLIC_REQUESTS), ...cases(PRIVATE_SCENARIOS, PRIVATE_REQUESTS)])(
    'with $scenario, $request: $verdict', ({ options, context, call, verdict }) => {
      expect(verdictOf(evaluate(policyOf(options, context), call))).toBe(verdict);
    });
});

/** The authorization the resource policy meets on each method of the template, by CloudFormation's AuthorizationType. */
const METHOD_AUTHORIZATION: Record<string, MethodAuthorization> = { AWS_IAM: 'IAM', COGNITO_USER_POOLS: 'COGNITO', CUSTOM: 'LAMBDA', NONE: 'NONE' };

describe('the resource policy of a SecureLambdaApi with every kind of route', () => {
  const { stack } = newApi((handler, scope) => ({
    resourcePolicy: { allowedSourceIps: ['203.0.113.0/24'] },
    cors: { allowOrigins: ['https://app.example.com'] },
    routes: {
      'GET /items': { handler },
      'DELETE /items/{id}': { handler },
      'GET /reports': { handler, authorizer: RestAuthorizer.cognito() },
      'GET /partners': { handler, authorizer: RestAuthorizer.token(newFunction(scope, 'TokenAuthorizer')) },
      'GET /health': { handler, isPublic: true },
    },
  }));
  const template = templateOf(stack);
  const policy = Object.values(template.findResources('AWS::ApiGateway::RestApi'))[0].Properties.Policy;
  const methods = Object.values(template.findResources('AWS::ApiGateway::Method'))
    .map((method) => ({ verb: method.Properties.HttpMethod as string, authorization: METHOD_AUTHORIZATION[method.Properties.AuthorizationType] }));

  test('the template has methods of every authorization type, CORS preflights included', () => {
    expect(new Set(methods.map((method) => method.authorization))).toEqual(new Set(['IAM', 'COGNITO', 'LAMBDA', 'NONE']));
    expect(methods.filter((method) => method.verb === 'OPTIONS').every((method) => method.authorization === 'NONE')).toBe(true);
  });

  test('on its IAM methods, a same-account role without permission and roles of other accounts are denied', () => {
    const iamMethods = methods.filter((method) => method.authorization === 'IAM');
    expect(iamMethods.length).toBe(2);
    for (const caller of [signed(SAME_ACCOUNT_ROLE, false, '203.0.113.7'), signed(OTHER_ROLE, true, '203.0.113.7'), signed(ACCOUNT_ROLE, true, '203.0.113.7')]) {
      expect(verdictOf(evaluate(policy, caller))).toBe('deny');
    }
    expect(verdictOf(evaluate(policy, signed(SAME_ACCOUNT_ROLE, true, '203.0.113.7')))).toBe('allow');
  });

  test('every method that does not authorize with IAM admits an unsigned caller from an allowed address, and no other', () => {
    for (const { authorization } of methods.filter((method) => method.authorization !== 'IAM')) {
      expect(verdictOf(evaluate(policy, unsigned(authorization as Exclude<MethodAuthorization, 'IAM'>, '203.0.113.7')))).toBe('allow');
      expect(verdictOf(evaluate(policy, unsigned(authorization as Exclude<MethodAuthorization, 'IAM'>, '192.0.2.10')))).toBe('deny');
    }
  });

  test('the authorization types it meets are the ones API Gateway knows', () => {
    expect(Object.keys(METHOD_AUTHORIZATION).sort()).toEqual(Object.values(apigateway.AuthorizationType).sort());
  });
});
