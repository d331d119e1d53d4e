import { Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/** A rule that a resource breaks and nothing suppressed, as `RuleId path/of/resource`. */
export type NagFinding = string;

/**
 * Runs the AwsSolutions and Serverless packs over `stack` and returns every unsuppressed error and warning whose
 * resource lies under `underPath` (the construct under test; fixtures outside it are not its responsibility).
 * Call once per stack, before any other synthesis of it.
 */
export function nagFindings(stack: Stack, underPath: string): NagFinding[] {
  Aspects.of(stack).add(new AwsSolutionsChecks());
  Aspects.of(stack).add(new ServerlessChecks());
  const annotations = Annotations.fromStack(stack);
  const anyRule = Match.stringLikeRegexp('^(AwsSolutions|Serverless)-');
  return [...annotations.findError('*', anyRule), ...annotations.findWarning('*', anyRule)]
    .filter((entry) => entry.id.startsWith(`/${stack.stackName}/${underPath}`) || entry.id.startsWith(`/${underPath}`))
    .map((entry) => `${String(entry.entry.data).split(':')[0]} ${entry.id}`)
    .sort();
}
