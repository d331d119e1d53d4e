import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { httpAccessLogFormat } from './access-log-format';
import { RouteThrottleOverrides } from '../../private/route-settings';
import { checkStageName } from '../../private/stage-name';
import { validateStageVariables } from '../../private/stage-variables';
import { stageThrottle, validateThrottle } from '../../private/throttle';
import { SecureHttpApiProps } from '../secure-http-api-props';

export { HTTP_DEFAULT_STAGE_NAME as DEFAULT_STAGE_NAME } from '../../private/stage-name';

/** Validates the stage's name, throttle and variables. */
export function validateStageProps(scope: Construct, stageName: string, props: SecureHttpApiProps): void {
  checkStageName(scope, 'stageName', stageName, { defaultStage: true });
  validateThrottle(scope, 'throttle', props.throttle);
  validateStageVariables(scope, 'stageVariables', props.stageVariables);
}

/**
 * The API's one stage, deployed automatically, with JSON access logs, default throttling, and the route settings of
 * `routeThrottles`, rendered at synth so that routes added with `addRoute()` count.
 */
export function createHttpStage(
  scope: Construct, httpApi: apigatewayv2.HttpApi, stageName: string, props: SecureHttpApiProps, accessLogGroup: logs.ILogGroup,
  routeThrottles: RouteThrottleOverrides,
): apigatewayv2.HttpStage {
  const throttle = stageThrottle(props.throttle);
  const detailedMetricsEnabled = props.detailedMetrics ?? false;
  const stage = new apigatewayv2.HttpStage(scope, 'Stage', {
    httpApi,
    stageName,
    autoDeploy: true,
    throttle,
    detailedMetricsEnabled,
    stageVariables: props.stageVariables,
    accessLogSettings: {
      destination: new apigatewayv2.LogGroupLogDestination(accessLogGroup),
      format: httpAccessLogFormat(),
    },
  });
  const defaults = { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit, detailedMetricsEnabled };
  routeThrottles.renderInto(stage.node.defaultChild as apigatewayv2.CfnStage, defaults);
  return stage;
}

