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
 * The resources `newFunction(stack, id)` creates: the function and its role. What the library adds to them, such as
 * statements in the role's `DefaultPolicy`, is not listed, so it is scanned.
 */
export function fixtureFunction(id = 'Handler'): string[] {
  return [`${id}/Resource`, `${id}/ServiceRole/Resource`];
}

/** How {@link nagFindings} scans a stack. */
export interface NagScanOptions {
  /** @default DEFAULT_PACKS() */
  readonly packs?: IAspect[];
  /**
   * Paths, relative to the stack, of the resources the test created itself (its fixtures, e.g.
   * `fixtureFunction('Handler')`): findings on them are the test's, not the library's, and are dropped. Everything
   * else in the stack is scanned, stack-level singletons such as the stage canary handler included.
   * @default - none: the whole stack is the library's
   */
  readonly fixtures?: string[];
}

/**
 * Runs the packs over the whole of `stack` and returns every unsuppressed error and warning, except on the resources
 * `fixtures` names. Call once per stack, before any other synthesis of it.
 */
export function nagFindings(stack: Stack, { packs = DEFAULT_PACKS(), fixtures = [] }: NagScanOptions = {}): NagFinding[] {
  packs.forEach((pack) => Aspects.of(stack).add(pack));
  const annotations = Annotations.fromStack(stack);
  const anyRule = Match.stringLikeRegexp('^(AwsSolutions|Serverless|NIST\\.800\\.53\\.R5|HIPAA\\.Security|PCI\\.DSS\\.321)-');
  const fixturePaths = fixtures.map((fixture) => `/${stack.node.path}/${fixture}`);
  const isFixture = (path: string) => fixturePaths.some((fixture) => path === fixture || path.startsWith(`${fixture}/`));
  return [...annotations.findError('*', anyRule), ...annotations.findWarning('*', anyRule)]
    .filter((entry) => !isFixture(entry.id))
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
