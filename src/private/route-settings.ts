import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { ThrottleSettings } from '../throttle';

/** Settings of one route of an HTTP or WebSocket stage that differ from the stage's default route settings. */
export interface RouteStageOverride {
  /** The route key as API Gateway stores it, e.g. `GET /items/{id}` or `sendMessage`. */
  readonly routeKey: string;
  readonly throttle?: ThrottleSettings;
}

type RouteSettingsProperty = apigatewayv2.CfnStage.RouteSettingsProperty;

/**
 * One entry of the `RouteSettings` map in CloudFormation's own property names: the map is typed JSON, which
 * aws-cdk-lib passes through as it is, so the camelCase names of `CfnStage.RouteSettingsProperty` would not be
 * recognised.
 */
export interface RenderedRouteSettings {
  readonly ThrottlingRateLimit?: RouteSettingsProperty['throttlingRateLimit'];
  readonly ThrottlingBurstLimit?: RouteSettingsProperty['throttlingBurstLimit'];
  readonly DetailedMetricsEnabled?: RouteSettingsProperty['detailedMetricsEnabled'];
  readonly LoggingLevel?: RouteSettingsProperty['loggingLevel'];
  readonly DataTraceEnabled?: RouteSettingsProperty['dataTraceEnabled'];
}

/**
 * Renders the `RouteSettings` map of an `AWS::ApiGatewayV2::Stage`, which aws-cdk-lib's stage L2s do not expose.
 * A route's entry replaces the stage's default route settings for that route, so the defaults are repeated in it.
 */
export function renderRouteSettings(
  defaults: RouteSettingsProperty, overrides: readonly RouteStageOverride[],
): { [routeKey: string]: RenderedRouteSettings } | undefined {
  const settings: { [routeKey: string]: RenderedRouteSettings } = {};
  for (const override of overrides) {
    if (override.throttle) {
      settings[override.routeKey] = {
        DataTraceEnabled: defaults.dataTraceEnabled,
        DetailedMetricsEnabled: defaults.detailedMetricsEnabled,
        LoggingLevel: defaults.loggingLevel,
        ThrottlingRateLimit: override.throttle.rateLimit ?? defaults.throttlingRateLimit,
        ThrottlingBurstLimit: override.throttle.burstLimit ?? defaults.throttlingBurstLimit,
      };
    }
  }
  return Object.keys(settings).length ? settings : undefined;
}
