import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** One cdk-nag rule the construct knowingly does not satisfy, with the reason a reviewer reads. */
export interface NagSuppression {
  /** e.g. `AwsSolutions-IAM5`. */
  readonly id: string;
  readonly reason: string;
  /** Findings the suppression is limited to, e.g. `Resource::*` (IAM5 reports one finding per wildcard). */
  readonly appliesTo?: string[];
}

/**
 * AwsSolutions-IAM5 on the `Resource: *` of the statement CDK adds to the role of a function with active tracing, as
 * every function the library deploys has.
 */
export const XRAY_WILDCARD_SUPPRESSION: NagSuppression = {
  id: 'AwsSolutions-IAM5',
  reason: 'X-Ray\'s PutTraceSegments and PutTelemetryRecords do not support resource-level permissions, so the tracing statement CDK adds must name Resource *.',
  appliesTo: ['Resource::*'],
};

/**
 * The packs, among those the library is checked against, that have each rule it suppresses in more than one pack:
 * AwsSolutions, Serverless, NIST 800-53 R5, HIPAA Security and PCI DSS 3.2.1 (cdk-nag names a finding `<pack>-<rule>`).
 */
const PACKS_WITH_RULE = {
  LambdaDLQ: ['Serverless', 'NIST.800.53.R5', 'HIPAA.Security'],
  LambdaInsideVPC: ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'],
  LambdaConcurrency: ['NIST.800.53.R5', 'HIPAA.Security'],
  SecretsManagerRotationEnabled: ['NIST.800.53.R5', 'HIPAA.Security'],
};

/** One suppression of `rule` for every pack that has it, all with the same reason. */
export function inEveryPack(rule: keyof typeof PACKS_WITH_RULE, reason: string): NagSuppression[] {
  return PACKS_WITH_RULE[rule].map((pack) => ({ id: `${pack}-${rule}`, reason }));
}

/**
 * Records suppressions on every CloudFormation resource under `scope`, in the two forms cdk-nag reads:
 * v2's `cdk_nag` template metadata and v3's `Validations.acknowledge`. Writing both keeps the library free of
 * a cdk-nag dependency while users on either major version see the same, reasoned, suppressions.
 */
export function suppressNagRules(scope: IConstruct, suppressions: NagSuppression[]): void {
  const resources = scope.node.findAll().filter(CfnResource.isCfnResource);
  for (const resource of resources) {
    const existing = resource.getMetadata('cdk_nag')?.rules_to_suppress ?? [];
    const added = suppressions.map((s) => ({ id: s.id, reason: s.reason, ...(s.appliesTo ? { applies_to: s.appliesTo } : {}) }))
      .filter((rule) => !existing.some((other: object) => JSON.stringify(other) === JSON.stringify(rule)));
    resource.addMetadata('cdk_nag', { rules_to_suppress: [...existing, ...added] });
    // Core rule ids may not contain '::', which every IAM5 finding does, so v3 acknowledges the rule on this
    // resource alone; the finding-level scope is kept in the v2 metadata above.
    Validations.of(resource).acknowledge(...suppressions.map((s) => ({ id: s.id, reason: s.reason })));
  }
}

/**
 * `value`, a string with references such as an ARN, as cdk-nag writes it in a finding like `Resource::<value>`: a
 * reference as `<LogicalId>`, an attribute as `<LogicalId.Attribute>`, a pseudo parameter as `<AWS::Region>`. Resolved
 * when called, so that an `appliesTo` names exactly one resource (a logical id overridden later matches nothing, and the
 * finding shows again).
 */
export function nagFindingValue(scope: IConstruct, value: string): string {
  const flatten = (node: unknown): string => {
    if (typeof node === 'string') {
      return node;
    }
    const fn = node as { 'Ref'?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]] };
    if (fn.Ref !== undefined) {
      return `<${fn.Ref}>`;
    }
    if (fn['Fn::GetAtt'] !== undefined) {
      return `<${fn['Fn::GetAtt'].join('.')}>`;
    }
    if (fn['Fn::Join'] !== undefined) {
      return fn['Fn::Join'][1].map(flatten).join(fn['Fn::Join'][0]);
    }
    return JSON.stringify(node);
  };
  return flatten(Stack.of(scope).resolve(value));
}
