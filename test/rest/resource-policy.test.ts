import { App, Aws, Lazy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { buildResourcePolicy, ResourcePolicyContext } from '../../src/rest/resource-policy';
import { ResourcePolicyOptions } from '../../src/rest/resource-policy-options';
import { Decision, evaluate, PolicyRequest } from '../support/policy-evaluator';

const PUBLIC: ResourcePolicyContext = { isPrivate: false, privateEndpointIds: [] };
const PRIVATE: ResourcePolicyContext = { isPrivate: true, privateEndpointIds: ['vpce-0api'] };
const PARTNER_ROLE = 'arn:aws:iam::444455556666:role/Partner';

type Options = (stack: Stack) => ResourcePolicyOptions | undefined;

function newStack(): Stack {
  return new Stack(new App(), 'TestStack', { env: { account: '123456789012', region: 'eu-west-1' } });
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

const ALLOW_ALL = { Sid: 'AllowInvoke', Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
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
      ALLOW_ALL,
      denyWhen('DenyOtherVpcsAndEndpoints', { StringNotEquals: { 'aws:SourceVpce': ['vpce-0api'] } }),
    ]);
  });

  test('allowedSourceIps denies every other source address, a single address written as a /32 or /128 range', () => {
    expect(policyOf(() => ({ allowedSourceIps: ['203.0.113.0/24', '198.51.100.7', '2001:db8::1'] })).Statement).toEqual([
      ALLOW_ALL,
      denyWhen('DenySourceIpsNotAllowed', { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7/32', '2001:db8::1/128'] } }),
    ]);
  });

  test('deniedSourceIps denies the listed source addresses', () => {
    expect(policyOf(() => ({ deniedSourceIps: ['198.51.100.0/24', '2001:db8:bad::/48'] })).Statement).toEqual([
      ALLOW_ALL,
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
      ALLOW_ALL,
      denyWhen('DenyOtherVpcsAndEndpoints', { StringNotEquals: { 'aws:SourceVpc': ['vpc-0allowed'], 'aws:SourceVpce': ['vpce-0api', 'vpce-0partner'] } }),
    ]);
  });

  test('allowedAccounts names the accounts in the Allow and denies callers of every other account', () => {
    expect(policyOf(() => ({ allowedAccounts: ['111122223333'] })).Statement).toEqual([
      { ...ALLOW_ALL, Principal: { AWS: rootOf('111122223333') } },
      denyWhen('DenyOtherPrincipals', { StringNotEquals: { 'aws:PrincipalAccount': ['111122223333'] } }),
    ]);
  });

  test('allowedPrincipals names the principals in the Allow and denies every other principal by ARN', () => {
    expect(policyOf((stack) => ({ allowedPrincipals: [partner(stack)] })).Statement).toEqual([
      { ...ALLOW_ALL, Principal: { AWS: PARTNER_ROLE } },
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
      { ...ALLOW_ALL, Principal: { AWS: callerArn } },
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
      .toEqual(['AllowInvoke', 'DenySourceIpsNotAllowed', 'DenyDeniedSourceIps', 'DenyOtherVpcsAndEndpoints', 'DenyOtherPrincipals']);
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
  const sameAccountCaller: PolicyRequest = { principal: 'arn:aws:iam::123456789012:role/App', sourceIp: '192.0.2.10', sameAccountIdentityAllow: true };

  test('a conditional Allow alone does not restrict a same-account IAM caller, which is why restrictions are Denies', () => {
    const allowOnlyFromRange = { Statement: [{ ...ALLOW_ALL, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }] };
    expect(evaluate(allowOnlyFromRange, sameAccountCaller)).toBe('ALLOW');
  });

  test('a statement it cannot evaluate is refused rather than ignored', () => {
    const unknownOperator = { Statement: [denyWhen('DenyByDate', { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } })] };
    expect(() => evaluate(unknownOperator, sameAccountCaller)).toThrow('the evaluator does not support the condition operator DateGreaterThan');
  });
});

type Verdict = 'allow' | 'deny';
const verdictOf = (decision: Decision): Verdict => decision === 'ALLOW' ? 'allow' : 'deny';

const ACCOUNT_ROLE = 'arn:aws:iam::111122223333:role/Reader';
const SAME_ACCOUNT_ROLE = 'arn:aws:iam::123456789012:role/App';
const OTHER_ROLE = 'arn:aws:iam::999988887777:role/Other';
const anonymous = (sourceIp: string): PolicyRequest => ({ sourceIp, sameAccountIdentityAllow: false });

/** Calls to a regional API: 203.0.113.0/24 and 2001:db8::/32 are allowed below, 198.51.100.0/24 and 2001:db8:bad::/48 denied. */
const PUBLIC_REQUESTS = {
  'an anonymous caller from 203.0.113.7': anonymous('203.0.113.7'),
  'an anonymous caller from 203.0.113.200': anonymous('203.0.113.200'),
  'an anonymous caller from 198.51.100.9': anonymous('198.51.100.9'),
  'an anonymous caller from 192.0.2.10': anonymous('192.0.2.10'),
  'an anonymous caller from 2001:db8::1': anonymous('2001:db8::1'),
  'an anonymous caller from 2001:db8:bad::1': anonymous('2001:db8:bad::1'),
  'a same-account IAM caller from 192.0.2.10': { principal: SAME_ACCOUNT_ROLE, sourceIp: '192.0.2.10', sameAccountIdentityAllow: true },
  'a same-account IAM caller from 203.0.113.7': { principal: SAME_ACCOUNT_ROLE, sourceIp: '203.0.113.7', sameAccountIdentityAllow: true },
  'a Lambda-authorized caller from 192.0.2.10': { sourceIp: '192.0.2.10', sameAccountIdentityAllow: true },
  'a role of account 111122223333 from 203.0.113.7': { principal: ACCOUNT_ROLE, sourceIp: '203.0.113.7', sameAccountIdentityAllow: false },
  'a role of account 111122223333 from 192.0.2.10': { principal: ACCOUNT_ROLE, sourceIp: '192.0.2.10', sameAccountIdentityAllow: false },
  'the partner role from 192.0.2.10': { principal: PARTNER_ROLE, sourceIp: '192.0.2.10', sameAccountIdentityAllow: false },
  'a role of another account from 203.0.113.7': { principal: OTHER_ROLE, sourceIp: '203.0.113.7', sameAccountIdentityAllow: false },
} satisfies Record<string, PolicyRequest>;

/** Calls to a private API reached through vpce-0api; aws:SourceIp is the endpoint's address, which no option looks at. */
const viaEndpoint = (sourceVpce: string, sourceVpc: string, vpcSourceIp: string, principal?: string): PolicyRequest =>
  ({ principal, sourceIp: '172.31.0.5', vpcSourceIp, sourceVpc, sourceVpce, sameAccountIdentityAllow: principal !== undefined });
const PRIVATE_REQUESTS = {
  'an anonymous caller from 10.0.1.5 through the API endpoint': viaEndpoint('vpce-0api', 'vpc-0api', '10.0.1.5'),
  'an anonymous caller from 10.0.99.5 through the API endpoint': viaEndpoint('vpce-0api', 'vpc-0api', '10.0.99.5'),
  'an anonymous caller from 10.1.0.5 through the API endpoint': viaEndpoint('vpce-0api', 'vpc-0api', '10.1.0.5'),
  'an anonymous caller through a stranger endpoint': viaEndpoint('vpce-0stranger', 'vpc-0stranger', '10.0.1.5'),
  'an anonymous caller through the partner endpoint': viaEndpoint('vpce-0partner', 'vpc-0partner', '10.0.1.5'),
  'an anonymous caller through another endpoint of the allowed VPC': viaEndpoint('vpce-0other', 'vpc-0allowed', '10.0.1.5'),
  'a same-account IAM caller through a stranger endpoint': viaEndpoint('vpce-0stranger', 'vpc-0stranger', '10.0.1.5', SAME_ACCOUNT_ROLE),
  'a same-account IAM caller from 10.1.0.5 through the API endpoint': viaEndpoint('vpce-0api', 'vpc-0api', '10.1.0.5', SAME_ACCOUNT_ROLE),
} satisfies Record<string, PolicyRequest>;

interface Scenario<R extends string> {
  readonly options: Options;
  readonly context: ResourcePolicyContext;
  readonly expected: Record<R, Verdict>;
}

const PUBLIC_SCENARIOS: Record<string, Scenario<keyof typeof PUBLIC_REQUESTS>> = {
  'allowedSourceIps 203.0.113.0/24 and 2001:db8::/32': {
    options: () => ({ allowedSourceIps: ['203.0.113.0/24', '2001:db8::/32'] }),
    context: PUBLIC,
    expected: {
      'an anonymous caller from 203.0.113.7': 'allow',
      'an anonymous caller from 203.0.113.200': 'allow',
      'an anonymous caller from 198.51.100.9': 'deny',
      'an anonymous caller from 192.0.2.10': 'deny',
      'an anonymous caller from 2001:db8::1': 'allow',
      'an anonymous caller from 2001:db8:bad::1': 'allow',
      'a same-account IAM caller from 192.0.2.10': 'deny',
      'a same-account IAM caller from 203.0.113.7': 'allow',
      'a Lambda-authorized caller from 192.0.2.10': 'deny',
      'a role of account 111122223333 from 203.0.113.7': 'allow',
      'a role of account 111122223333 from 192.0.2.10': 'deny',
      'the partner role from 192.0.2.10': 'deny',
      'a role of another account from 203.0.113.7': 'allow',
    },
  },
  'deniedSourceIps 198.51.100.0/24 and 2001:db8:bad::/48': {
    options: () => ({ deniedSourceIps: ['198.51.100.0/24', '2001:db8:bad::/48'] }),
    context: PUBLIC,
    expected: {
      'an anonymous caller from 203.0.113.7': 'allow',
      'an anonymous caller from 203.0.113.200': 'allow',
      'an anonymous caller from 198.51.100.9': 'deny',
      'an anonymous caller from 192.0.2.10': 'allow',
      'an anonymous caller from 2001:db8::1': 'allow',
      'an anonymous caller from 2001:db8:bad::1': 'deny',
      'a same-account IAM caller from 192.0.2.10': 'allow',
      'a same-account IAM caller from 203.0.113.7': 'allow',
      'a Lambda-authorized caller from 192.0.2.10': 'allow',
      'a role of account 111122223333 from 203.0.113.7': 'allow',
      'a role of account 111122223333 from 192.0.2.10': 'allow',
      'the partner role from 192.0.2.10': 'allow',
      'a role of another account from 203.0.113.7': 'allow',
    },
  },
  'allowedSourceIps 203.0.113.0/24 with 203.0.113.128/25 denied': {
    options: () => ({ allowedSourceIps: ['203.0.113.0/24'], deniedSourceIps: ['203.0.113.128/25'] }),
    context: PUBLIC,
    expected: {
      'an anonymous caller from 203.0.113.7': 'allow',
      'an anonymous caller from 203.0.113.200': 'deny',
      'an anonymous caller from 198.51.100.9': 'deny',
      'an anonymous caller from 192.0.2.10': 'deny',
      'an anonymous caller from 2001:db8::1': 'deny',
      'an anonymous caller from 2001:db8:bad::1': 'deny',
      'a same-account IAM caller from 192.0.2.10': 'deny',
      'a same-account IAM caller from 203.0.113.7': 'allow',
      'a Lambda-authorized caller from 192.0.2.10': 'deny',
      'a role of account 111122223333 from 203.0.113.7': 'allow',
      'a role of account 111122223333 from 192.0.2.10': 'deny',
      'the partner role from 192.0.2.10': 'deny',
      'a role of another account from 203.0.113.7': 'allow',
    },
  },
  'allowedAccounts 111122223333': {
    options: () => ({ allowedAccounts: ['111122223333'] }),
    context: PUBLIC,
    expected: {
      'an anonymous caller from 203.0.113.7': 'deny',
      'an anonymous caller from 203.0.113.200': 'deny',
      'an anonymous caller from 198.51.100.9': 'deny',
      'an anonymous caller from 192.0.2.10': 'deny',
      'an anonymous caller from 2001:db8::1': 'deny',
      'an anonymous caller from 2001:db8:bad::1': 'deny',
      'a same-account IAM caller from 192.0.2.10': 'deny',
      'a same-account IAM caller from 203.0.113.7': 'deny',
      'a Lambda-authorized caller from 192.0.2.10': 'deny',
      'a role of account 111122223333 from 203.0.113.7': 'allow',
      'a role of account 111122223333 from 192.0.2.10': 'allow',
      'the partner role from 192.0.2.10': 'deny',
      'a role of another account from 203.0.113.7': 'deny',
    },
  },
  'allowedPrincipals the partner role': {
    options: (stack) => ({ allowedPrincipals: [partner(stack)] }),
    context: PUBLIC,
    expected: {
      'an anonymous caller from 203.0.113.7': 'deny',
      'an anonymous caller from 203.0.113.200': 'deny',
      'an anonymous caller from 198.51.100.9': 'deny',
      'an anonymous caller from 192.0.2.10': 'deny',
      'an anonymous caller from 2001:db8::1': 'deny',
      'an anonymous caller from 2001:db8:bad::1': 'deny',
      'a same-account IAM caller from 192.0.2.10': 'deny',
      'a same-account IAM caller from 203.0.113.7': 'deny',
      'a Lambda-authorized caller from 192.0.2.10': 'deny',
      'a role of account 111122223333 from 203.0.113.7': 'deny',
      'a role of account 111122223333 from 192.0.2.10': 'deny',
      'the partner role from 192.0.2.10': 'allow',
      'a role of another account from 203.0.113.7': 'deny',
    },
  },
  'allowedSourceIps 203.0.113.0/24 and allowedAccounts 111122223333': {
    options: () => ({ allowedSourceIps: ['203.0.113.0/24'], allowedAccounts: ['111122223333'] }),
    context: PUBLIC,
    expected: {
      'an anonymous caller from 203.0.113.7': 'deny',
      'an anonymous caller from 203.0.113.200': 'deny',
      'an anonymous caller from 198.51.100.9': 'deny',
      'an anonymous caller from 192.0.2.10': 'deny',
      'an anonymous caller from 2001:db8::1': 'deny',
      'an anonymous caller from 2001:db8:bad::1': 'deny',
      'a same-account IAM caller from 192.0.2.10': 'deny',
      'a same-account IAM caller from 203.0.113.7': 'deny',
      'a Lambda-authorized caller from 192.0.2.10': 'deny',
      'a role of account 111122223333 from 203.0.113.7': 'allow',
      'a role of account 111122223333 from 192.0.2.10': 'deny',
      'the partner role from 192.0.2.10': 'deny',
      'a role of another account from 203.0.113.7': 'deny',
    },
  },
};

const PRIVATE_SCENARIOS: Record<string, Scenario<keyof typeof PRIVATE_REQUESTS>> = {
  'a private API without options': {
    options: () => undefined,
    context: PRIVATE,
    expected: {
      'an anonymous caller from 10.0.1.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.0.99.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.1.0.5 through the API endpoint': 'allow',
      'an anonymous caller through a stranger endpoint': 'deny',
      'an anonymous caller through the partner endpoint': 'deny',
      'an anonymous caller through another endpoint of the allowed VPC': 'deny',
      'a same-account IAM caller through a stranger endpoint': 'deny',
      'a same-account IAM caller from 10.1.0.5 through the API endpoint': 'allow',
    },
  },
  'a private API with allowedVpcs vpc-0allowed': {
    options: (stack) => ({ allowedVpcs: [vpc(stack, 'vpc-0allowed')] }),
    context: PRIVATE,
    expected: {
      'an anonymous caller from 10.0.1.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.0.99.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.1.0.5 through the API endpoint': 'allow',
      'an anonymous caller through a stranger endpoint': 'deny',
      'an anonymous caller through the partner endpoint': 'deny',
      'an anonymous caller through another endpoint of the allowed VPC': 'allow',
      'a same-account IAM caller through a stranger endpoint': 'deny',
      'a same-account IAM caller from 10.1.0.5 through the API endpoint': 'allow',
    },
  },
  'a private API with allowedVpcEndpoints vpce-0partner': {
    options: (stack) => ({ allowedVpcEndpoints: [endpoint(stack, 'vpce-0partner')] }),
    context: PRIVATE,
    expected: {
      'an anonymous caller from 10.0.1.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.0.99.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.1.0.5 through the API endpoint': 'allow',
      'an anonymous caller through a stranger endpoint': 'deny',
      'an anonymous caller through the partner endpoint': 'allow',
      'an anonymous caller through another endpoint of the allowed VPC': 'deny',
      'a same-account IAM caller through a stranger endpoint': 'deny',
      'a same-account IAM caller from 10.1.0.5 through the API endpoint': 'allow',
    },
  },
  'a private API with allowedSourceIps 10.0.0.0/16': {
    options: () => ({ allowedSourceIps: ['10.0.0.0/16'] }),
    context: PRIVATE,
    expected: {
      'an anonymous caller from 10.0.1.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.0.99.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.1.0.5 through the API endpoint': 'deny',
      'an anonymous caller through a stranger endpoint': 'deny',
      'an anonymous caller through the partner endpoint': 'deny',
      'an anonymous caller through another endpoint of the allowed VPC': 'deny',
      'a same-account IAM caller through a stranger endpoint': 'deny',
      'a same-account IAM caller from 10.1.0.5 through the API endpoint': 'deny',
    },
  },
  'a private API with deniedSourceIps 10.0.99.0/24': {
    options: () => ({ deniedSourceIps: ['10.0.99.0/24'] }),
    context: PRIVATE,
    expected: {
      'an anonymous caller from 10.0.1.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.0.99.5 through the API endpoint': 'deny',
      'an anonymous caller from 10.1.0.5 through the API endpoint': 'allow',
      'an anonymous caller through a stranger endpoint': 'deny',
      'an anonymous caller through the partner endpoint': 'deny',
      'an anonymous caller through another endpoint of the allowed VPC': 'deny',
      'a same-account IAM caller through a stranger endpoint': 'deny',
      'a same-account IAM caller from 10.1.0.5 through the API endpoint': 'allow',
    },
  },
  'a private API with allowedVpcs vpc-0allowed and allowedSourceIps 10.0.0.0/16': {
    options: (stack) => ({ allowedVpcs: [vpc(stack, 'vpc-0allowed')], allowedSourceIps: ['10.0.0.0/16'] }),
    context: PRIVATE,
    expected: {
      'an anonymous caller from 10.0.1.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.0.99.5 through the API endpoint': 'allow',
      'an anonymous caller from 10.1.0.5 through the API endpoint': 'deny',
      'an anonymous caller through a stranger endpoint': 'deny',
      'an anonymous caller through the partner endpoint': 'deny',
      'an anonymous caller through another endpoint of the allowed VPC': 'allow',
      'a same-account IAM caller through a stranger endpoint': 'deny',
      'a same-account IAM caller from 10.1.0.5 through the API endpoint': 'deny',
    },
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
