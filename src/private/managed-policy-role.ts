import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';

/**
 * A role whose grants all go to one customer-managed policy (`Policy`), created with the first grant, instead of
 * `iam.Role`'s inline `DefaultPolicy`: the NIST 800-53, HIPAA Security and PCI DSS packs refuse inline policies
 * (IAMNoInlinePolicy). For the roles of the functions the library deploys; the policy is a child of the role, so
 * whatever depends on the role (its function) depends on the policy too.
 */
export class ManagedPolicyRole extends iam.Role {
  private managedPolicy?: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    super(scope, id, props);
  }

  /** The policy holding the role's grants; undefined until the first grant. */
  public get policy(): iam.ManagedPolicy | undefined {
    return this.managedPolicy;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.managedPolicy ??= new iam.ManagedPolicy(this, 'Policy', {
      description: `Grants of ${this.node.path}`,
      roles: [this],
    });
    this.managedPolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.managedPolicy };
  }
}

/**
 * The construct holding what this app granted `principal`, for suppressions on the statements the library adds to
 * it: the policy of a {@link ManagedPolicyRole}, the `DefaultPolicy` of a role, user or group, or the `Policy` of a
 * mutable imported role; undefined when nothing was granted in this app (e.g. a service principal or immutable role).
 */
export function grantsPolicyOf(principal: iam.IPrincipal | undefined): IConstruct | undefined {
  if (principal instanceof ManagedPolicyRole) {
    return principal.policy;
  }
  const node = principal !== undefined && 'node' in principal ? (principal as unknown as IConstruct).node : undefined;
  return node?.tryFindChild('DefaultPolicy') ?? node?.tryFindChild('Policy');
}
