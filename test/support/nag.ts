import { Aspects, IAspect, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks } from 'cdk-nag';

/** A rule that a resource breaks and nothing suppressed, as `RuleId path/of/resource`. */
export type NagFinding = string;

/** The packs every construct must pass in its default configuration. */
export const DEFAULT_PACKS = () => [new AwsSolutionsChecks(), new ServerlessChecks()];
/** The compliance packs the hardened profile answers. */
export const COMPLIANCE_PACKS = () => [new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()];

/**
 * Runs the packs over `stack` and returns every unsuppressed error and warning whose resource lies under
 * `underPath` (the construct under test; fixtures outside it are not its responsibility).
 * Call once per stack, before any other synthesis of it.
 */
export function nagFindings(stack: Stack, underPath: string, packs: IAspect[] = DEFAULT_PACKS()): NagFinding[] {
  packs.forEach((pack) => Aspects.of(stack).add(pack));
  const annotations = Annotations.fromStack(stack);
  const anyRule = Match.stringLikeRegexp('^(AwsSolutions|Serverless|NIST\\.800\\.53\\.R5|HIPAA\\.Security|PCI\\.DSS\\.321)-');
  return [...annotations.findError('*', anyRule), ...annotations.findWarning('*', anyRule)]
    .filter((entry) => entry.id.startsWith(`/${stack.stackName}/${underPath}`) || entry.id.startsWith(`/${underPath}`))
    .map((entry) => `${String(entry.entry.data).split(':')[0]} ${entry.id}`)
    .sort();
}

interface NagSuppression {
  readonly id: string;
  readonly reason: string;
  readonly applies_to?: string[];
}

type NagMetadata = { Metadata?: { cdk_nag?: { rules_to_suppress?: NagSuppression[] } } };

/**
 * Every cdk-nag suppression in the stack's template, sorted, as `RuleId LogicalId` (the logical id without its hash),
 * with `appliesTo` followed by the findings it applies to when it names them. `checkReason` asserts on each reason.
 */
export function nagSuppressions(stack: Stack, checkReason: (reason: string) => void, { appliesTo = false } = {}): string[] {
  return Object.entries(Template.fromStack(stack).toJSON().Resources as Record<string, NagMetadata>)
    .flatMap(([logicalId, resource]) => (resource.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((rule) => {
      checkReason(rule.reason);
      return `${rule.id} ${logicalId.replace(/[0-9A-F]{8}$/, '')}${appliesTo && rule.applies_to ? ` ${rule.applies_to.join(',')}` : ''}`;
    }))
    .sort();
}
