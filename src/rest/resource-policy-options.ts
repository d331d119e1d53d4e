import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * Who may call a REST API and from where, turned into its resource policy. Each list is one restriction, expressed
 * as an explicit Deny for callers outside it, so that it holds for every route: without the Deny, a same-account
 * IAM caller whose identity policy allows `execute-api:Invoke`, or a caller a Lambda authorizer allows, would get
 * through a policy that merely does not allow them. Lists combine: a call must pass every one that is set.
 */
export interface ResourcePolicyOptions {
  /**
   * The only source IP ranges that may call the API, as CIDR blocks or single addresses (IPv4 or IPv6), e.g.
   * `['203.0.113.0/24', '2001:db8::/32']`. For a PRIVATE API these are the callers' addresses inside the VPC
   * (`aws:VpcSourceIp`), not the endpoint's.
   * @default - callers from any address
   */
  readonly allowedSourceIps?: string[];
  /**
   * Source IP ranges that may never call the API, even when an `allowedSourceIps` range contains them (to carve a
   * range out of an allowed one). For a PRIVATE API these are addresses inside the VPC (`aws:VpcSourceIp`).
   * @default - no address is refused
   */
  readonly deniedSourceIps?: string[];
  /**
   * PRIVATE APIs only: VPCs whose calls are admitted through any interface VPC endpoint (`aws:SourceVpc`), besides
   * the API's own endpoints.
   * @default - calls through the API's own VPC endpoints (and `allowedVpcEndpoints`) only
   */
  readonly allowedVpcs?: ec2.IVpc[];
  /**
   * PRIVATE APIs only: further interface VPC endpoints for `execute-api`, e.g. in other accounts, through which the
   * API may be called (`aws:SourceVpce`), besides the API's own endpoints.
   * @default - calls through the API's own VPC endpoints (and `allowedVpcs`) only
   */
  readonly allowedVpcEndpoints?: ec2.IInterfaceVpcEndpoint[];
  /**
   * The only AWS accounts (12-digit ids) whose SigV4-signed callers may call the API, the API's own account
   * included only if listed. Unsigned calls are refused, so routes that are not IAM-authorized can no longer be
   * called. Combined with `allowedPrincipals`, a caller passes by being in either.
   * @default - callers of any account, and unsigned callers
   */
  readonly allowedAccounts?: string[];
  /**
   * The only IAM principals (roles, users, or accounts as `AccountPrincipal`) that may call the API, by SigV4
   * signature. A role admits every session of the role. Unsigned calls are refused, so routes that are not
   * IAM-authorized can no longer be called. Combined with `allowedAccounts`, a caller passes by being in either.
   * @default - any principal, and unsigned callers
   */
  readonly allowedPrincipals?: iam.IPrincipal[];
}
