import { cidrContains } from '../../src/rest/private/cidr';

/** How the method called is authorized; it decides which keys the request context has and which table applies. */
export type MethodAuthorization = 'IAM' | 'COGNITO' | 'LAMBDA' | 'NONE';

/** One call to a method of an API, as its resource policy sees it. */
export interface PolicyRequest {
  /** The authorization type of the method called. */
  readonly authorization: MethodAuthorization;
  /**
   * IAM methods: the signed caller's identity as aws:PrincipalArn reports it (the ARN of a role or user). Only IAM
   * methods authenticate the caller, so the principal keys are absent from every other request context.
   */
  readonly principal?: string;
  /** IAM methods: the caller's identity policies allow `execute-api:Invoke` on the method. */
  readonly identityAllows?: boolean;
  /** aws:SourceIp; behind an interface VPC endpoint this is the endpoint's address, not the caller's. */
  readonly sourceIp: string;
  /** aws:VpcSourceIp: the caller's own address, present on calls through an interface VPC endpoint. */
  readonly vpcSourceIp?: string;
  /** aws:SourceVpc, present on calls through an interface VPC endpoint. */
  readonly sourceVpc?: string;
  /** aws:SourceVpce, present on calls through an interface VPC endpoint. */
  readonly sourceVpce?: string;
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

/** How an Allow's principal matched the caller. */
type PrincipalMatch = 'none' | 'direct' | 'delegated';

/** The account that owns the API in the tests. */
export const API_ACCOUNT = '123456789012';
const ACCOUNT = /^(?:\d{12}|arn:[^:]+:iam::\d{12}:root)$/;

/**
 * Decides a call the way API Gateway combines its resource policy with the method's authorization ("How API Gateway
 * resource policies affect authorization workflow", tables A and B, and the IAM policy evaluation logic):
 * - an explicit Deny that matches wins, whatever the method;
 * - IAM, caller of the API's account: its identity policy or an Allow naming it (or everyone) admits it; an Allow
 *   naming only its account delegates to the identity policies and adds nothing;
 * - IAM, caller of another account: its identity policy and an Allow naming it, its account or everyone, both;
 * - a Lambda authorizer's Allow counts like a same-account identity policy (the authorizers below always allow);
 * - Cognito and public (NONE) methods need an explicit Allow of the resource policy.
 *
 * `policy` is a resolved document (`stack.resolve(doc.toJSON())`). Anything beyond what buildResourcePolicy generates
 * (another operator, NotPrincipal, another intrinsic) throws, so a test cannot pass by the evaluator ignoring it.
 */
export function evaluate(policy: unknown, request: PolicyRequest): Decision {
  const document = resolveIntrinsics(policy) as { Statement: Statement[] };
  const caller = request.authorization === 'IAM' ? request.principal : undefined;
  if (request.authorization === 'IAM' && caller === undefined) {
    throw new Error('a call to an IAM method is signed: give its principal');
  }
  const context = contextOf(request, caller);
  const matching = document.Statement.filter((statement) => conditionsHold(statement, context));
  if (matching.some((statement) => statement.Effect === 'Deny' && principalMatch(statement.Principal, caller) !== 'none')) {
    return 'EXPLICIT_DENY';
  }
  const allows = matching.filter((statement) => statement.Effect === 'Allow').map((statement) => principalMatch(statement.Principal, caller));
  const direct = allows.includes('direct');
  const delegated = allows.includes('delegated');
  switch (request.authorization) {
    case 'IAM': {
      const identityAllows = request.identityAllows ?? false;
      const sameAccount = accountOf(caller!) === API_ACCOUNT;
      const allowed = sameAccount ? identityAllows || direct : identityAllows && (direct || delegated);
      return allowed ? 'ALLOW' : 'IMPLICIT_DENY';
    }
    case 'LAMBDA':
      return 'ALLOW';
    default:
      return direct ? 'ALLOW' : 'IMPLICIT_DENY';
  }
}

function contextOf(request: PolicyRequest, caller: string | undefined): Map<string, string> {
  const keys: Record<string, string | undefined> = {
    'aws:sourceip': request.sourceIp,
    'aws:vpcsourceip': request.vpcSourceIp,
    'aws:sourcevpc': request.sourceVpc,
    'aws:sourcevpce': request.sourceVpce,
    'aws:principalarn': caller,
    'aws:principalaccount': caller && accountOf(caller),
  };
  return new Map(Object.entries(keys).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function conditionsHold(statement: Statement, context: Map<string, string>): boolean {
  const unsupported = Object.keys(statement).filter((key) => !['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition'].includes(key));
  if (unsupported.length > 0) {
    throw new Error(`the evaluator does not support ${unsupported.join(', ')}`);
  }
  if (!list(statement.Action).includes('execute-api:Invoke') || !list(statement.Resource).includes('execute-api:/*')) {
    throw new Error(`the evaluator supports only execute-api:Invoke on execute-api:/*, got ${JSON.stringify(statement)}`);
  }
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, values]) => conditionHolds(operator, context.get(key.toLowerCase()), list(values))));
}

/**
 * `*` matches every caller, signed or not. An account (its id or root ARN) matches its signed callers by delegation
 * only: it admits them no further than their identity policies do. Any other ARN matches that exact principal.
 */
function principalMatch(principal: Statement['Principal'], caller: string | undefined): PrincipalMatch {
  if (principal === '*') {
    return 'direct';
  }
  const unsupported = Object.keys(principal).filter((key) => key !== 'AWS');
  if (unsupported.length > 0) {
    throw new Error(`the evaluator does not support ${unsupported.join(', ')} principals`);
  }
  const entries = list(principal.AWS);
  if (entries.includes('*')) {
    return 'direct';
  }
  if (caller === undefined) {
    return 'none';
  }
  if (entries.includes(caller)) {
    return 'direct';
  }
  return entries.some((entry) => ACCOUNT.test(entry) && accountOf(entry) === accountOf(caller)) ? 'delegated' : 'none';
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
    case 'Null':
      if (values.length !== 1 || !['true', 'false'].includes(values[0])) {
        throw new Error(`Null takes 'true' or 'false', got ${JSON.stringify(values)}`);
      }
      return (value === undefined) === (values[0] === 'true');
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

/** Replaces the partition and account pseudo parameters in ARNs; any other intrinsic is beyond the evaluator. */
function resolveIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(resolveIntrinsics);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const object = value as Record<string, unknown>;
  if (object.Ref === 'AWS::Partition') {
    return 'aws';
  }
  if (object.Ref === 'AWS::AccountId') {
    return API_ACCOUNT;
  }
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(resolveIntrinsics).join(separator);
  }
  const intrinsic = Object.keys(object).find((key) => key === 'Ref' || key.startsWith('Fn::'));
  if (intrinsic) {
    throw new Error(`the evaluator cannot resolve ${JSON.stringify(object)}`);
  }
  return Object.fromEntries(Object.entries(object).map(([key, entry]) => [key, resolveIntrinsics(entry)]));
}
