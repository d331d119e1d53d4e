import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { ErrorId } from './error-ids';

/** CloudFormation refuses a stack with more resources than this. */
export const STACK_RESOURCE_LIMIT = 500;

const STACK_RESOURCE_LIMIT_ID: ErrorId = 'StackResourceLimit';

const checkedStacks = new WeakSet<Stack>();

/**
 * Fails synth, rather than the deployment, when the stack holding `scope` has too many resources.
 * Registered once per stack, however many APIs it holds, so the stack is counted once.
 */
export function validateStackResourceCount(scope: IConstruct): void {
  const stack = Stack.of(scope);
  if (checkedStacks.has(stack)) {
    return;
  }
  checkedStacks.add(stack);
  stack.node.addValidation({
    validate: () => {
      const count = stack.node.findAll().filter((c) => CfnResource.isCfnResource(c) && Stack.of(c) === stack).length;
      return count > STACK_RESOURCE_LIMIT
        ? [`[${STACK_RESOURCE_LIMIT_ID}] stack '${stack.stackName}' has ${count} resources; CloudFormation accepts at most ${STACK_RESOURCE_LIMIT}. Move some routes to another API in its own stack.`]
        : [];
    },
  });
}
