import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { webSocketAccessLogFormat } from './access-log-format';
import { RouteThrottleOverrides } from '../../private/route-settings';
import { checkStageName } from '../../private/stage-name';
import { validateStageVariables } from '../../private/stage-variables';
import { stageThrottle, validateThrottle } from '../../private/throttle';
import { SecureWebSocketApiProps } from '../secure-websocket-api-props';

export { DEFAULT_STAGE_NAME } from '../../private/stage-name';

/** Validates the stage's name (a literal: it is part of the ARNs the construct grants), throttle and variables. */
export function validateStageProps(scope: Construct, stageName: string, props: SecureWebSocketApiProps): void {
  checkStageName(scope, 'stageName', stageName, { literal: true });
  validateThrottle(scope, 'throttle', props.throttle);
  validateStageVariables(scope, 'stageVariables', props.stageVariables);
}

/**
 * The API's one stage, deployed automatically, with JSON access logs, default throttling and execution logging
 * without message bodies, and the route settings of `routeThrottles`, rendered at synth so that routes added with
 * `addRoute()` count.
 */
export function createWebSocketStage(
  scope: Construct, webSocketApi: apigatewayv2.WebSocketApi, stageName: string, props: SecureWebSocketApiProps,
  accessLogGroup: logs.ILogGroup, routeThrottles: RouteThrottleOverrides,
): apigatewayv2.WebSocketStage {
  const throttle = stageThrottle(props.throttle);
  const stage = new apigatewayv2.WebSocketStage(scope, 'Stage', {
    webSocketApi,
    stageName,
    autoDeploy: true,
    stageVariables: props.stageVariables,
    accessLogSettings: {
      destination: new apigatewayv2.LogGroupLogDestination(accessLogGroup),
      format: webSocketAccessLogFormat(),
    },
  });
  const defaults: apigatewayv2.CfnStage.RouteSettingsProperty = {
    throttlingRateLimit: throttle.rateLimit,
    throttlingBurstLimit: throttle.burstLimit,
    loggingLevel: props.loggingLevel ?? apigateway.MethodLoggingLevel.ERROR,
    dataTraceEnabled: false,
  };
  const cfnStage = stage.node.defaultChild as apigatewayv2.CfnStage;
  cfnStage.defaultRouteSettings = defaults;
  routeThrottles.renderInto(cfnStage, defaults);
  return stage;
}
