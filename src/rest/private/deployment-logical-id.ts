import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { forgetAtEverySynthesis } from '../../private/synthesis-memo';

/** The part of aws-cdk-lib's (private) deployment resource that hashes the API into its logical id. */
interface LogicalIdCalculation {
  calculateLogicalId?: (hashComponents: unknown[]) => string;
}

/**
 * Computes the logical id of the API's deployment at most twice per synthesis instead of once per reference to it.
 *
 * aws-cdk-lib derives that id from an md5 over every resource and method of the API, resolving all of them again each
 * time the id is resolved: for the deployment's own key, every stage and custom resource referring to it, the tree
 * metadata and the stack metadata, in the reference search and again in the template. That is most of the synth time
 * of a large API. The id is remembered for the synthesis it was computed in; it is computed again after the
 * validations, which run once references between stacks have been resolved (the value the template must hold), and in
 * any later synthesis or after a route was added. Without aws-cdk-lib's method (a future version may rename it), ids
 * are computed as before.
 */
export function memoizeDeploymentLogicalId(deployment: apigateway.Deployment): void {
  const resource = deployment.node.defaultChild as LogicalIdCalculation | undefined;
  const calculate = resource?.calculateLogicalId;
  if (!resource || typeof calculate !== 'function') {
    return;
  }
  let memo: { readonly components: number; readonly logicalId: string } | undefined;
  resource.calculateLogicalId = (hashComponents) => {
    if (memo?.components !== hashComponents.length) {
      memo = { components: hashComponents.length, logicalId: calculate.call(resource, hashComponents) };
    }
    return memo.logicalId;
  };
  const forget = () => {
    memo = undefined;
  };
  forgetAtEverySynthesis(deployment, forget);
  // Validations run once references between stacks are resolved.
  deployment.node.addValidation({
    validate: () => {
      forget();
      return [];
    },
  });
}
