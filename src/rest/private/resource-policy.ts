import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { ResourcePolicyOptions } from '../resource-policy-options';
import { cidrContains, validateCidr, withExplicitPrefix } from './cidr';
import { check } from '../../private/errors';

/** What the resource policy needs to know about the API it protects. */
export interface ResourcePolicyContext {
  /** PRIVATE endpoint type: IP conditions use aws:VpcSourceIp instead of aws:SourceIp, and VPC conditions are allowed. */
  readonly isPrivate: boolean;
  /** The interface VPC endpoints the private API is reached through; calls through any other endpoint are denied. Empty for non-private APIs. */
  readonly privateEndpointIds: string[];
}

const PROP = 'resourcePolicy';
const INVOKE = 'execute-api:Invoke';
/** Every stage, method and path of the API; API Gateway expands the short form when it stores the policy. */
const WHOLE_API = 'execute-api:/*';
const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;
/**
 * Present in the request context only on methods authorized with IAM, where the caller signed with SigV4 ("AWS
 * condition keys that can be used in API Gateway resource policies": Needs AuthN, authorization type IAM).
 */
const SIGNED_CALLER_KEY = 'aws:PrincipalArn';

/**
 * The resource policy of the API, or undefined when there is nothing to restrict. Errors name the props under
 * `resourcePolicy`.
 *
 * Two Allows admit callers, one per kind of route:
 * - `AllowSignedCallers` names the API's own account (or the allowed accounts and principals). A principal that is an
 *   account only delegates to the account's identity policies, so a signed caller of the account still needs one
 *   that allows `execute-api:Invoke`, and a caller of any other account is not admitted.
 * - `AllowUnsignedCallers` admits everyone on the methods that do not authorize with IAM (Cognito, Lambda
 *   authorizers, public routes), whose own authorizer is the gate: its condition holds only where `aws:PrincipalArn`
 *   is absent, which is never the case on an IAM-authorized method. An Allow for `*` without it would admit a signed
 *   caller of this account that no identity policy allows, and of any other account, on the IAM routes too.
 * Every restriction is a Deny with a negated condition, because neither an authorizer's Allow nor a same-account
 * identity policy is bound by an Allow that merely does not match. Statements come in a fixed order and keep the
 * order of the lists, so that the document (part of the deployment hash) only changes with the options.
 */
export function buildResourcePolicy(
  scope: IConstruct,
  options: ResourcePolicyOptions | undefined,
  context: ResourcePolicyContext,
): iam.PolicyDocument | undefined {
  const restricted = options !== undefined && Object.values(options).some((value) => value !== undefined);
  if (!restricted && !context.isPrivate) {
    return undefined;
  }
  const opts = options ?? {};
  for (const [name, list] of Object.entries(opts)) {
    check(!Array.isArray(list) || list.length > 0, scope, 'EmptyResourcePolicyList', () =>
      `${PROP}.${name} is an empty list; list at least one value, or leave ${PROP}.${name} out to not restrict by it`);
  }
  const allowedIps = sourceIps(scope, 'allowedSourceIps', opts.allowedSourceIps);
  const deniedIps = sourceIps(scope, 'deniedSourceIps', opts.deniedSourceIps);
  checkNoAllowedRangeDenied(scope, opts.allowedSourceIps ?? [], opts.deniedSourceIps ?? []);
  const callers = signedCallers(scope, opts);
  // Inside a VPC the endpoint rewrites the source address; the caller's own address is aws:VpcSourceIp.
  const ipKey = context.isPrivate ? 'aws:VpcSourceIp' : 'aws:SourceIp';

  const statements = [allow('AllowSignedCallers', callers
    ? [...(opts.allowedAccounts ?? []).map((account) => new iam.AccountPrincipal(account)), ...(opts.allowedPrincipals ?? [])]
    : [new iam.AccountRootPrincipal()])];
  if (!callers) {
    statements.push(allow('AllowUnsignedCallers', [new iam.StarPrincipal()], { Null: { [SIGNED_CALLER_KEY]: 'true' } }));
  }
  if (allowedIps) {
    statements.push(deny('DenySourceIpsNotAllowed', { NotIpAddress: { [ipKey]: allowedIps } }));
  }
  if (deniedIps) {
    statements.push(deny('DenyDeniedSourceIps', { IpAddress: { [ipKey]: deniedIps } }));
  }
  const network = networkCondition(scope, opts, context);
  if (network) {
    statements.push(deny('DenyOtherVpcsAndEndpoints', { StringNotEquals: network }));
  }
  if (callers) {
    statements.push(deny('DenyOtherPrincipals', { StringNotEquals: callers }));
  }
  // Not minimized even under @aws-cdk/aws-iam:minimizePolicies, so the statements stay as documented.
  return new iam.PolicyDocument({ statements, minimize: false });
}

function allow(sid: string, principals: iam.IPrincipal[], conditions?: iam.Conditions): iam.PolicyStatement {
  return new iam.PolicyStatement({ sid, effect: iam.Effect.ALLOW, principals, actions: [INVOKE], resources: [WHOLE_API], conditions });
}

function deny(sid: string, conditions: iam.Conditions): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    effect: iam.Effect.DENY,
    principals: [new iam.StarPrincipal()],
    actions: [INVOKE],
    resources: [WHOLE_API],
    conditions,
  });
}

function sourceIps(scope: IConstruct, name: string, values: string[] | undefined): string[] | undefined {
  values?.forEach((value, index) => validateCidr(scope, `${PROP}.${name}[${index}]`, value));
  return values && unique(values.map(withExplicitPrefix));
}

/** An allowed range that a denied range covers could never call: one of the two lists is wrong. */
function checkNoAllowedRangeDenied(scope: IConstruct, allowed: string[], denied: string[]): void {
  allowed.forEach((allowedRange, i) => denied.forEach((deniedRange, j) => {
    const concrete = !Token.isUnresolved(allowedRange) && !Token.isUnresolved(deniedRange);
    check(!concrete || !cidrContains(deniedRange, allowedRange), scope, 'ConflictingSourceIps', () =>
      `${PROP}.allowedSourceIps[${i}] is '${allowedRange}', which ${PROP}.deniedSourceIps[${j}] ('${deniedRange}') denies entirely, so it could never call the API; remove it from one of the two lists`);
  }));
}

/**
 * The Deny condition for calls from outside the allowed VPCs and endpoints. Its two keys are ANDed: a call is denied
 * only when it comes neither from an allowed VPC nor through an allowed endpoint.
 */
function networkCondition(scope: IConstruct, opts: ResourcePolicyOptions, context: ResourcePolicyContext): Record<string, string[]> | undefined {
  for (const name of ['allowedVpcs', 'allowedVpcEndpoints'] as const) {
    check(context.isPrivate || opts[name] === undefined, scope, 'VpcConditionOnPublicApi', () =>
      `${PROP}.${name} is set but the API's endpoint type is not PRIVATE; aws:SourceVpc and aws:SourceVpce are present only on calls through an interface VPC endpoint, so the policy would deny every caller. Set endpointType: PRIVATE, or leave ${PROP}.${name} out`);
  }
  const vpcs = unique((opts.allowedVpcs ?? []).map((vpc) => vpc.vpcId));
  const endpoints = unique([...context.privateEndpointIds, ...(opts.allowedVpcEndpoints ?? []).map((endpoint) => endpoint.vpcEndpointId)]);
  const condition: Record<string, string[]> = {};
  if (vpcs.length > 0) {
    condition['aws:SourceVpc'] = vpcs;
  }
  if (endpoints.length > 0) {
    condition['aws:SourceVpce'] = endpoints;
  }
  return Object.keys(condition).length > 0 ? condition : undefined;
}

/**
 * The Deny condition for callers that are neither in an allowed account nor an allowed principal. The keys exist
 * only on SigV4-signed calls, and a negated condition on a missing key holds, so unsigned calls are denied too.
 */
function signedCallers(scope: IConstruct, opts: ResourcePolicyOptions): Record<string, string[]> | undefined {
  if (!opts.allowedAccounts && !opts.allowedPrincipals) {
    return undefined;
  }
  const accounts: string[] = [];
  const arns: string[] = [];
  opts.allowedAccounts?.forEach((account, index) => {
    check(Token.isUnresolved(account) || ACCOUNT_ID.test(account), scope, 'InvalidAccountId', () =>
      `${PROP}.allowedAccounts[${index}] is '${account}'; expected a 12-digit AWS account id such as '123456789012'`);
    accounts.push(account);
  });
  opts.allowedPrincipals?.forEach((principal, index) => {
    const prop = `${PROP}.allowedPrincipals[${index}]`;
    if (principal instanceof iam.AccountPrincipal) {
      accounts.push(principal.accountId);
      return;
    }
    const fragment = principal.policyFragment;
    const kinds = Object.keys(fragment.principalJson);
    check(kinds.length === 1 && kinds[0] === 'AWS' && Object.keys(fragment.conditions).length === 0, scope, 'UnsupportedPrincipal', () =>
      `${prop} is ${principal}; expected an IAM role, user or AccountPrincipal without conditions, because the policy matches SigV4-signed callers by aws:PrincipalArn and aws:PrincipalAccount`);
    for (const arn of fragment.principalJson.AWS) {
      check(arn !== '*', scope, 'UnsupportedPrincipal', () =>
        `${prop} is ${principal}, which admits every caller; leave ${PROP}.allowedPrincipals out instead`);
      // An account (its id or root ARN) in a Principal element stands for the whole account, but aws:PrincipalArn
      // would match only its root user.
      const account = Token.isUnresolved(arn) ? undefined : ACCOUNT_ID.exec(arn)?.[0] ?? ACCOUNT_ROOT_ARN.exec(arn)?.[1];
      if (account) {
        accounts.push(account);
      } else {
        arns.push(arn);
      }
    }
  });
  const condition: Record<string, string[]> = {};
  if (accounts.length > 0) {
    condition['aws:PrincipalAccount'] = unique(accounts);
  }
  if (arns.length > 0) {
    condition['aws:PrincipalArn'] = unique(arns);
  }
  return condition;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
