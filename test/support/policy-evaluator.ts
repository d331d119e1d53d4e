import { cidrContains } from '../../src/private/cidr';

/** One call to an API, as its resource policy sees it. */
export interface PolicyRequest {
  /**
   * The caller's IAM identity as aws:PrincipalArn reports it (the ARN of a role or user), or 'anonymous' for an
   * unsigned call.
   * @default 'anonymous'
   */
  readonly principal?: string;
  /** aws:SourceIp; behind an interface VPC endpoint this is the endpoint's address, not the caller's. */
  readonly sourceIp: string;
  /** aws:VpcSourceIp: the caller's own address, present on calls through an interface VPC endpoint. */
  readonly vpcSourceIp?: string;
  /** aws:SourceVpc, present on calls through an interface VPC endpoint. */
  readonly sourceVpc?: string;
  /** aws:SourceVpce, present on calls through an interface VPC endpoint. */
  readonly sourceVpce?: string;
  /**
   * The caller's side allows the call without the resource policy: an identity policy of the API's own account, or
   * the policy a Lambda authorizer returned (the left column of Table A of "How API Gateway resource policies affect
   * authorization workflow").
   */
  readonly sameAccountIdentityAllow: boolean;
}

export type Decision = 'ALLOW' | 'EXPLICIT_DENY' | 'IMPLICIT_DENY';

type Condition = Record<string, Record<string, string | string[]>>;

interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal: '*' | { readonly AWS: string | string[] };
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: Condition;
}

const ANONYMOUS = 'anonymous';
const ACCOUNT = /^(?:\d{12}|arn:[^:]+:iam::\d{12}:root)$/;

/**
 * Decides a call to `execute-api:/*` the way API Gateway combines its resource policy with the caller's side: an
 * explicit Deny wins; otherwise a matching Allow admits the caller, or, without one, the caller's own Allow does
 * (same account, or a Lambda authorizer). Signed callers of other accounts are assumed to hold an identity-policy
 * Allow, which Table B requires of them in addition to the resource policy.
 *
 * `policy` is a resolved document (`stack.resolve(doc.toJSON())`). Anything beyond what buildResourcePolicy generates
 * (another operator, NotPrincipal, another intrinsic) throws, so a test cannot pass by the evaluator ignoring it.
 */
export function evaluate(policy: unknown, request: PolicyRequest): Decision {
  const document = resolvePartition(policy) as { Statement: Statement[] };
  const caller = request.principal ?? ANONYMOUS;
  const context = contextOf(request, caller);
  const matching = document.Statement.filter((statement) => applies(statement, caller, context));
  if (matching.some((statement) => statement.Effect === 'Deny')) {
    return 'EXPLICIT_DENY';
  }
  if (matching.some((statement) => statement.Effect === 'Allow') || request.sameAccountIdentityAllow) {
    return 'ALLOW';
  }
  return 'IMPLICIT_DENY';
}

function contextOf(request: PolicyRequest, caller: string): Map<string, string> {
  const keys: Record<string, string | undefined> = {
    'aws:sourceip': request.sourceIp,
    'aws:vpcsourceip': request.vpcSourceIp,
    'aws:sourcevpc': request.sourceVpc,
    'aws:sourcevpce': request.sourceVpce,
    'aws:principalarn': caller === ANONYMOUS ? undefined : caller,
    'aws:principalaccount': caller === ANONYMOUS ? undefined : accountOf(caller),
  };
  return new Map(Object.entries(keys).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function applies(statement: Statement, caller: string, context: Map<string, string>): boolean {
  const unsupported = Object.keys(statement).filter((key) => !['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition'].includes(key));
  if (unsupported.length > 0) {
    throw new Error(`the evaluator does not support ${unsupported.join(', ')}`);
  }
  if (!list(statement.Action).includes('execute-api:Invoke') || !list(statement.Resource).includes('execute-api:/*')) {
    throw new Error(`the evaluator supports only execute-api:Invoke on execute-api:/*, got ${JSON.stringify(statement)}`);
  }
  return principalMatches(statement.Principal, caller) &&
    Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
      Object.entries(keys).every(([key, values]) => conditionHolds(operator, context.get(key.toLowerCase()), list(values))));
}

function principalMatches(principal: Statement['Principal'], caller: string): boolean {
  if (principal === '*') {
    return true;
  }
  const unsupported = Object.keys(principal).filter((key) => key !== 'AWS');
  if (unsupported.length > 0) {
    throw new Error(`the evaluator does not support ${unsupported.join(', ')} principals`);
  }
  return list(principal.AWS).some((entry) => entry === '*' ||
    (caller !== ANONYMOUS && (entry === caller || (ACCOUNT.test(entry) && accountOf(entry) === accountOf(caller)))));
}

/** IAM: a missing key matches nothing, so a negated operator on it holds; several values of one key are ORed (NOR when negated). */
function conditionHolds(operator: string, value: string | undefined, values: string[]): boolean {
  switch (operator) {
    case 'IpAddress':
      return value !== undefined && values.some((cidr) => cidrContains(cidr, value));
    case 'NotIpAddress':
      return value === undefined || !values.some((cidr) => cidrContains(cidr, value));
    case 'StringEquals':
      return value !== undefined && values.includes(value);
    case 'StringNotEquals':
      return value === undefined || !values.includes(value);
    default:
      throw new Error(`the evaluator does not support the condition operator ${operator}`);
  }
}

/** The account of an account id, a root ARN or a principal ARN. */
function accountOf(principal: string): string {
  return /^\d{12}$/.test(principal) ? principal : principal.split(':')[4];
}

function list(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** Replaces the partition the AccountPrincipal ARNs carry; any other intrinsic is beyond the evaluator. */
function resolvePartition(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(resolvePartition);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const object = value as Record<string, unknown>;
  if (object.Ref === 'AWS::Partition') {
    return 'aws';
  }
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(resolvePartition).join(separator);
  }
  const intrinsic = Object.keys(object).find((key) => key === 'Ref' || key.startsWith('Fn::'));
  if (intrinsic) {
    throw new Error(`the evaluator cannot resolve ${JSON.stringify(object)}`);
  }
  return Object.fromEntries(Object.entries(object).map(([key, entry]) => [key, resolvePartition(entry)]));
}
