import { IConstruct } from 'constructs';
import { validationProblem, warn } from './errors';

/** A per-API quota of API Gateway (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html). */
export interface ApiQuota {
  /** As the Service Quotas console names it, e.g. `Resources per API`. */
  readonly name: string;
  readonly defaultLimit: number;
  /** Whether an account can raise it (Service Quotas or AWS Support); otherwise exceeding it fails the deployment. */
  readonly adjustable: boolean;
  /** What the API has, counted once the app is complete. */
  readonly count: () => number;
}

/**
 * Checks the API against API Gateway's per-API quotas once the app is complete: exceeding a quota that cannot be
 * raised fails synth; exceeding an adjustable one warns, since the account may have raised it.
 */
export function checkApiQuotas(scope: IConstruct, quotas: readonly ApiQuota[]): void {
  scope.node.addValidation({
    validate: () => quotas.flatMap((quota) => {
      const count = quota.count();
      if (count <= quota.defaultLimit) {
        return [];
      }
      const message = `the API has ${count} ${quota.name.replace(/ per API$/, '').toLowerCase()}, over API Gateway's quota '${quota.name}' (${quota.defaultLimit} by default)`;
      if (!quota.adjustable) {
        return [validationProblem('ApiGatewayQuota', scope, `${message}, which cannot be raised; split the API`)];
      }
      warn(scope, '@gatewaykit/api-gateway-quota', `${message}; request an increase for this API in Service Quotas before deploying, or the deployment fails`);
      return [];
    }),
  });
}
