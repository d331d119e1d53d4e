import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** CloudFormation refuses a stack with more resources than this. */
export const STACK_RESOURCE_LIMIT = 500;

/** Fails synth, rather than the deployment, when the stack holding `scope` has too many resources. */
export function validateStackResourceCount(scope: IConstruct): void {
  scope.node.addValidation({
    validate: () => {
      const stack = Stack.of(scope);
      const count = stack.node.findAll().filter((c) => CfnResource.isCfnResource(c) && Stack.of(c) === stack).length;
      return count > STACK_RESOURCE_LIMIT
        ? [`[StackResourceLimit] stack '${stack.stackName}' has ${count} resources; CloudFormation accepts at most ${STACK_RESOURCE_LIMIT}. Move some routes to another API in its own stack.`]
        : [];
    },
  });
}
