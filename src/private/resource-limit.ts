import { CfnOutput, CfnParameter, CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { ErrorId } from './error-ids';
import { validationProblem } from './errors';

/** CloudFormation refuses a stack with more resources than this. */
export const STACK_RESOURCE_LIMIT = 500;
/** CloudFormation's limits on the parameters and outputs of one template. */
export const TEMPLATE_PARAMETER_LIMIT = 200;
export const TEMPLATE_OUTPUT_LIMIT = 200;

interface TemplateLimit {
  readonly errorId: ErrorId;
  readonly what: string;
  readonly limit: number;
  readonly counts: (construct: IConstruct) => boolean;
}

const LIMITS: readonly TemplateLimit[] = [
  { errorId: 'StackResourceLimit', what: 'resources', limit: STACK_RESOURCE_LIMIT, counts: CfnResource.isCfnResource },
  { errorId: 'TemplateParameterLimit', what: 'parameters', limit: TEMPLATE_PARAMETER_LIMIT, counts: (c) => c instanceof CfnParameter },
  { errorId: 'TemplateOutputLimit', what: 'outputs', limit: TEMPLATE_OUTPUT_LIMIT, counts: (c) => c instanceof CfnOutput },
];

const checkedStacks = new WeakSet<Stack>();

/**
 * Fails synth, rather than the deployment, when the stack holding `scope` has more resources, parameters or outputs
 * than CloudFormation accepts in one template. Counted once the app is complete, when the parameters and outputs that
 * carry references between a stack and its nested stacks exist. Registered once per stack, however many APIs it holds.
 */
export function validateStackResourceCount(scope: IConstruct): void {
  const stack = Stack.of(scope);
  if (checkedStacks.has(stack)) {
    return;
  }
  checkedStacks.add(stack);
  stack.node.addValidation({
    validate: () => {
      const own = stack.node.findAll().filter((c) => Stack.of(c) === stack);
      return LIMITS.flatMap(({ errorId, what, limit, counts }) => {
        const count = own.filter(counts).length;
        return count > limit ? [validationProblem(errorId, stack, `stack '${nameOf(stack)}' has ${count} ${what}; CloudFormation accepts at most ${limit}. ${remedy(stack)}`)] : [];
      });
    },
  });
}

/** A nested stack's name is known at deploy time only. */
function nameOf(stack: Stack): string {
  return NestedStack.isNestedStack(stack) ? stack.node.path : stack.stackName;
}

function remedy(stack: Stack): string {
  return NestedStack.isNestedStack(stack)
    ? 'Lower routesPerNestedStack so that each nested stack holds fewer routes.'
    : 'Lower routesPerNestedStack, which spreads the routes of an API over nested stacks, or move some routes to another API in its own stack.';
}
