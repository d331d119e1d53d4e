import { AspectPriority, Aspects } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { warn } from '../../private/errors';
import { ApiGatewayCloudWatchRole } from '../api-gateway-cloudwatch-role';

/**
 * Makes the stages of `api` depend on the account's CloudWatch role setting, which API Gateway needs before it can
 * write execution logs (REST and WebSocket APIs), or warns when the app has no `ApiGatewayCloudWatchRole`.
 * Resolved at synth so that the role may be declared after the API, in any stack of the app.
 * @param stages called at synth: every stage of the API
 */
export function dependOnAccountCloudWatchRole(
  api: IConstruct, stages: () => IConstruct[], explicit: ApiGatewayCloudWatchRole | undefined,
): void {
  Aspects.of(api).add({
    visit(node: IConstruct) {
      if (node !== api) {
        return;
      }
      const role = explicit ?? ApiGatewayCloudWatchRole.find(api);
      if (role) {
        stages().forEach((stage) => stage.node.addDependency(role));
      } else {
        warn(api, '@gatewaykit/no-cloudwatch-role',
          'No ApiGatewayCloudWatchRole in this app for the stack\'s region: the stage\'s execution logging works only if the account\'s API Gateway CloudWatch role is already set. Add `new ApiGatewayCloudWatchRole(stack, \'CloudWatchRole\')` once per app, or acknowledge this warning if the account is configured elsewhere.');
      }
    },
  }, { priority: AspectPriority.MUTATING });
}
